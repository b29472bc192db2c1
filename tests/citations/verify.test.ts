import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CitedResult } from '../../src/answer/types.js';
import { keepVerbatim, verifyQuote } from '../../src/citations/verify.js';
import { fromProjectRoot } from '../../src/config/paths.js';

const file = 'seeds/004_ec145ac0aa5f8fff.txt';
const fileText = readFileSync(fromProjectRoot(file), 'utf8');
const phrase = 'president of the Russian upper house, Valentina Marvienko';
const start = fileText.indexOf(phrase);
const span = { start, end: start + phrase.length, quote: phrase };

describe('verifyQuote', () => {
  it('accepts the exact text at its offsets', () => {
    expect(start).toBeGreaterThan(0);
    expect(verifyQuote(fileText, span)).toBe(true);
  });

  it('rejects a modified quote', () => {
    expect(verifyQuote(fileText, { ...span, quote: phrase.replace('Marvienko', 'Matvienko') })).toBe(false);
    expect(verifyQuote(fileText, { ...span, quote: phrase.toLowerCase() })).toBe(false);
  });

  it('rejects wrong, reversed, fractional or out-of-range offsets', () => {
    expect(verifyQuote(fileText, { ...span, start: start + 1, end: span.end + 1 })).toBe(false);
    expect(verifyQuote(fileText, { ...span, end: span.end - 1 })).toBe(false);
    expect(verifyQuote(fileText, { ...span, start: span.end, end: start })).toBe(false);
    expect(verifyQuote(fileText, { ...span, start: start + 0.5 })).toBe(false);
    expect(verifyQuote(fileText, { quote: 'x', start: fileText.length, end: fileText.length + 1 })).toBe(false);
  });

  it('rejects an empty quote', () => {
    expect(verifyQuote(fileText, { quote: '', start, end: start })).toBe(false);
  });
});

describe('keepVerbatim', () => {
  const result = (quote: string, at: number): CitedResult => ({
    citation: 'test:p1', quoteCitation: 'test:p1/s1', source: 'test', file, title: 'T', kind: 'article', paragraph: 1,
    start: at, end: at + quote.length, quote, text: quote, score: 1,
  });

  it('drops and logs only the results that are not verbatim', () => {
    const errors: unknown[] = [];
    const log = { error: (details: object) => void errors.push(details) };
    const good = result(phrase, start);
    const bad = result(phrase.replace('upper', 'lower'), start);
    const unknownFile = { ...good, file: 'seeds/missing.txt' };
    const kept = keepVerbatim([bad, good, unknownFile], (f) => (f === file ? fileText : undefined), log);
    expect(kept).toEqual([good]);
    expect(errors).toHaveLength(2);
  });
});
