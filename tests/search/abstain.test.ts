import { describe, expect, it } from 'vitest';
import { coverage, isAnswerable } from '../../src/search/abstain.js';
import { generalWeight, informativeness, isRareWord } from '../../src/search/term-weight.js';

const unit = (): number => 1;

describe('coverage', () => {
  it('is the share of question weight the passage holds, fuzzy matches at half credit', () => {
    expect(coverage(['abadi', 'moscow'], ['abadi', 'moscow'], ['abadi', 'moscow'], unit)).toBe(1);
    expect(coverage(['abadi', 'moscow'], ['abadi'], ['abadi'], unit)).toBe(0.5);
    // "matvienko" matched "marvienko" fuzzily: half credit.
    expect(coverage(['valentina', 'matvienko'], ['valentina', 'matvienko'], ['valentina', 'marvienko'], unit)).toBe(0.75);
    expect(coverage([], [], [], unit)).toBe(0);
  });

  it('weighs informative terms above filler', () => {
    const weight = informativeness(() => 2);
    expect(generalWeight('bitcoin')).toBeGreaterThan(generalWeight('good'));
    // A passage holding only the filler word of "good hummus recipe" covers little of it.
    expect(coverage(['good', 'hummus', 'recipe'], ['good'], ['good'], weight)).toBeLessThan(0.15);
  });
});

describe('isRareWord', () => {
  it('tells rare words and names (which may be misspelt) from common words (taken as written)', () => {
    expect(isRareWord('matvienko')).toBe(true);
    expect(isRareWord('defence')).toBe(true);
    expect(isRareWord('price')).toBe(false);
    expect(isRareWord('weather')).toBe(false);
  });
});

describe('isAnswerable', () => {
  it('answers when the weighted evidence reaches the threshold', () => {
    const thresholds = { denseWeight: 0.5, minScore: 0.4 };
    expect(isAnswerable({ dense: 0.5, coverage: 0.5 }, thresholds)).toBe(true);
    expect(isAnswerable({ dense: 0.2, coverage: 0.1 }, thresholds)).toBe(false);
  });
});
