// Citation ids as readers copy and type them, and the quoted sentences they name.
import { describe, expect, it } from 'vitest';
import { formatCitationRef, parseCitationRef } from '../../src/citations/citation-ref.js';
import { quotedSentences, sentenceCount, sentenceOffsets } from '../../src/citations/quoted-sentences.js';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { loadSources } from '../../src/sources/load.js';
import { splitSentences } from '../../src/text/sentences.js';

describe('parseCitationRef', () => {
  it('reads a passage id, alone or narrowed to one sentence or a range', () => {
    expect(parseCitationRef('zero-hedge:c4.1p1')).toEqual({ passage: 'zero-hedge:c4.1p1' });
    expect(parseCitationRef('informed-comment:p4/s2')).toEqual({ passage: 'informed-comment:p4', sentences: { from: 2, to: 2 } });
    expect(parseCitationRef('informed-comment:p4/s2-3')).toEqual({ passage: 'informed-comment:p4', sentences: { from: 2, to: 3 } });
  });

  it('forgives what a pasted or hand-typed id comes with: backticks, case, spaces, a full stop', () => {
    for (const typed of ['`wsj:p3/s1-2`', 'WSJ:P3/S1-2', ' wsj:p3/s1–2. ', '“wsj:p3/s1-2”,', '(wsj: p3/s1-2)']) {
      expect(parseCitationRef(typed), typed).toEqual({ passage: 'wsj:p3', sentences: { from: 1, to: 2 } });
    }
  });

  it('rejects what is not shaped like an id, and empty or backward ranges', () => {
    for (const typed of ['', 'wsj', 'p3', 'wsj:p3/s0', 'wsj:p3/s3-2', 'wsj:p3/x1', 'wsj:p3 and more']) {
      expect(parseCitationRef(typed), typed).toBeUndefined();
    }
  });

  it('writes back what it reads', () => {
    for (const id of ['wsj:p3', 'wsj:p3/s2', 'zero-hedge:c4.1.1p1/s1-3']) expect(formatCitationRef(parseCitationRef(id)!)).toBe(id);
  });
});

describe('quoted sentences', () => {
  it('map every run of whole sentences of every seed passage to its numbers and back', async () => {
    const sources = await loadSources(fromProjectRoot('seeds'), projectRoot);
    for (const passage of sources.flatMap((source) => source.passages)) {
      const spans = splitSentences(passage.text);
      expect(sentenceCount(passage)).toBe(spans.length);
      for (let from = 0; from < spans.length; from++) {
        const to = Math.min(spans.length - 1, from + 1);
        const quoted = { start: passage.start + spans[from]!.start, end: passage.start + spans[to]!.end };
        const range = quotedSentences(passage, quoted)!;
        expect(range).toEqual({ from: from + 1, to: to + 1 });
        expect(sentenceOffsets(passage, range)).toEqual(quoted);
      }
      expect(sentenceOffsets(passage, { from: spans.length + 1, to: spans.length + 1 })).toBeUndefined();
    }
  });

  it('map a quote cut inside a sentence to that sentence', () => {
    const passage = { text: 'One short sentence. A second, much longer sentence that a quote was cut from. A third.', start: 100 };
    const inside = passage.text.indexOf('much longer');
    expect(quotedSentences(passage, { start: 100 + inside, end: 100 + inside + 11 })).toEqual({ from: 2, to: 2 });
  });
});
