import { beforeAll, describe, expect, it } from 'vitest';
import { selectQuote } from '../../src/citations/quote.js';
import { parseCitationRef } from '../../src/citations/citation-ref.js';
import { sentenceOffsets } from '../../src/citations/quoted-sentences.js';
import { toCitedResult } from '../../src/citations/result.js';
import { verifyQuote } from '../../src/citations/verify.js';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { queryTerms } from '../../src/search/query-terms.js';
import { loadSources } from '../../src/sources/load.js';
import type { Source } from '../../src/sources/types.js';

let sources: Source[];
let index: LexicalIndex;

beforeAll(async () => {
  sources = await loadSources(fromProjectRoot('seeds'), projectRoot);
  index = LexicalIndex.build(sources.flatMap((s) => s.passages));
});

describe('toCitedResult', () => {
  it('carries the passage, its source and a verbatim quote', () => {
    const question = 'What does one commenter say about the Mada newspaper?';
    const [hit] = index.search(queryTerms(question), 1);
    const passage = hit!.passage;
    const source = sources.find((s) => s.slug === passage.source)!;
    const quote = selectQuote(question, passage, index.stats.idf);
    const result = toCitedResult(passage, source, quote, hit!.score);
    expect(result).toMatchObject({
      citation: passage.id,
      source: source.slug,
      file: source.file,
      title: source.title,
      kind: 'comment',
      paragraph: passage.paragraph,
      text: passage.text,
      score: hit!.score,
      ...quote,
    });
    expect(result.quote).toContain('Mada is an iraqian newspaper');
    expect(verifyQuote(source.text, result)).toBe(true);
  });

  it('names the quoted sentences in quoteCitation, so /quote can mark exactly the quote again', () => {
    for (const question of ['Who is Valentina Marvienko?', 'Which missile systems does Iraq want?', 'What did CHUCKMAN call a hopeful sign?']) {
      for (const { passage, score } of index.search(queryTerms(question), 3)) {
        const source = sources.find((s) => s.slug === passage.source)!;
        const result = toCitedResult(passage, source, selectQuote(question, passage, index.stats.idf), score);
        const ref = parseCitationRef(result.quoteCitation)!;
        expect(ref.passage).toBe(passage.id);
        expect(sentenceOffsets(passage, ref.sentences!)).toEqual({ start: result.start, end: result.end });
      }
    }
  });

  it('leaves out the fields a passage or source does not have', () => {
    const source = sources.find((s) => s.outlet === undefined)!;
    const passage = source.passages.find((p) => p.kind === 'article')!;
    const result = toCitedResult(passage, source, selectQuote('anything', passage, index.stats.idf), 0);
    expect(Object.keys(result)).not.toContain('outlet');
    expect(Object.keys(result)).not.toContain('commenter');
    expect(Object.keys(result)).not.toContain('comment');
  });
});
