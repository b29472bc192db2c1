// Paragraphs longer than the model window are cut at sentence boundaries, still as exact file slices.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/sources/parse.js';
import { countWords, MAX_PASSAGE_WORDS } from '../../src/sources/split-long.js';
import { splitSentences } from '../../src/text/sentences.js';

const fileName = '003_56ad20256a752cea.txt';
const text = readFileSync(new URL(`../../seeds/${fileName}`, import.meta.url), 'utf8');
const source = parseSource(fileName, text);

describe('long paragraphs', () => {
  const parts = source.passages.filter((passage) => passage.commenter === 'Monte McKenzie');
  const paragraphStart = text.indexOf('reply,to chris');
  const paragraphEnd = text.indexOf('24981 WV USA') + '24981 WV USA'.length;

  it('splits the long Monte McKenzie comment into numbered parts that fit the word budget', () => {
    expect(countWords(text.slice(paragraphStart, paragraphEnd))).toBeGreaterThan(MAX_PASSAGE_WORDS);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, index) => {
      expect(part).toMatchObject({ comment: '4.2', paragraph: 1, part: index + 1, id: `zero-hedge:c4.2p1.${index + 1}` });
      expect(countWords(part.text)).toBeLessThanOrEqual(MAX_PASSAGE_WORDS);
      expect(text.slice(part.start, part.end)).toBe(part.text);
    });
  });

  it('cuts only where a sentence ends and loses nothing between the parts', () => {
    expect(parts[0]?.start).toBe(paragraphStart);
    expect(parts.at(-1)?.end).toBe(paragraphEnd);
    const boundaries = new Set(
      splitSentences(text.slice(paragraphStart, paragraphEnd)).flatMap(({ start, end }) => [paragraphStart + start, paragraphStart + end]),
    );
    for (const [index, part] of parts.entries()) {
      expect(boundaries.has(part.start)).toBe(true);
      expect(boundaries.has(part.end)).toBe(true);
      const next = parts[index + 1];
      if (next) expect(text.slice(part.end, next.start).trim()).toBe('');
    }
  });

  it('leaves paragraphs within the budget whole, without a part number', () => {
    for (const passage of source.passages) {
      if (passage.commenter !== 'Monte McKenzie') expect(passage.part).toBeUndefined();
    }
  });
});

describe('countWords', () => {
  it('counts the whitespace-separated tokens that hold a letter or digit, in any script', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('word', 'Ünïcode', '42', '—', '...', ' ', '\n', '\t', 'a.b', '«Iraq»', '', 'Путин'), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const tokens = text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
        expect(countWords(text)).toBe(tokens.length);
        expect(countWords(text, 3)).toBe(Math.min(tokens.length, 3));
      }),
    );
  });
});
