import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockquote } from '../../src/replies/blockquote.js';
import { escapeText } from '../../src/replies/escape.js';
import { ELLIPSIS, fitRendered, prefixWithin, suffixWithin } from '../../src/replies/shorten.js';

const seedText = readdirSync('seeds')
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(`seeds/${name}`, 'utf8'));
const paragraphs = seedText.flatMap((text) => text.split(/\n\s*\n/)).filter((p) => p.length > 400);
const unescape = (markdown: string) => markdown.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');

describe('shortening', () => {
  it('keeps a verbatim prefix or suffix, at a word boundary, within the limit', () => {
    for (const paragraph of paragraphs) {
      const prefix = prefixWithin(paragraph, 200);
      expect(prefix.length).toBeLessThanOrEqual(200);
      expect(paragraph.startsWith(prefix)).toBe(true);
      expect(paragraph[prefix.length] ?? ' ').toMatch(/\s|[.!?”"’)]/);
      const suffix = suffixWithin(paragraph, 200);
      expect(suffix.length).toBeLessThanOrEqual(200);
      expect(paragraph.endsWith(suffix)).toBe(true);
    }
  });

  it('prefers a sentence end when that keeps most of the room', () => {
    const text = 'First sentence is here. Second sentence is a bit longer than the first one. Third.';
    expect(prefixWithin(text, 40)).toBe('First sentence is here.');
    expect(prefixWithin(text, 60)).toBe('First sentence is here. Second sentence is a bit longer than');
    expect(prefixWithin(text, 80)).toBe('First sentence is here. Second sentence is a bit longer than the first one.');
  });

  it('fits rendered (escaped, blockquoted) text within the limit, the ellipsis outside the verbatim part', () => {
    for (const paragraph of paragraphs) {
      for (const max of [50, 300, 1000]) {
        const rendered = fitRendered(paragraph, max, blockquote);
        expect(rendered.length).toBeLessThanOrEqual(max);
        const verbatim = unescape(rendered.replace(/^> /, '').replace(/\n> /g, '\n').replace(new RegExp(`${ELLIPSIS}$`), ''));
        expect(paragraph.startsWith(verbatim)).toBe(true);
      }
    }
  });

  it('counts the escaping growth: markdown-heavy text still fits', () => {
    const heavy = '*_'.repeat(300);
    const rendered = fitRendered(heavy, 101, escapeText);
    expect(rendered.length).toBeLessThanOrEqual(101);
    expect(rendered.endsWith(ELLIPSIS)).toBe(true);
  });
});
