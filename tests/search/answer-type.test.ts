// "How many…", "when…", "how old…": the kind of answer a question asks for, and whether a passage holds one.
import { describe, expect, it } from 'vitest';
import { expectedAnswerType, holdsAnswerOfType } from '../../src/search/answer-type.js';

describe('expectedAnswerType', () => {
  it('reads the wh-phrase a question starts with, or a trailing "when?" or "how much?"', () => {
    expect(expectedAnswerType('How many tanks did Egypt buy?')).toBe('quantity');
    expect(expectedAnswerType("what's the population of Basra")).toBe('quantity');
    expect(expectedAnswerType('the pipeline deal, how much?')).toBe('quantity');
    expect(expectedAnswerType('When did the talks start?')).toBe('time');
    expect(expectedAnswerType('they signed it? when?')).toBe('time');
    expect(expectedAnswerType('how old is the minister')).toBe('age');
  });

  it('leaves other questions alone, "when" in a clause included', () => {
    expect(expectedAnswerType('What did the envoy say when he landed in Erbil?')).toBeUndefined();
    expect(expectedAnswerType('Why is Baghdad turning to Moscow?')).toBeUndefined();
    expect(expectedAnswerType('how did the militias react')).toBeUndefined();
  });
});

describe('holdsAnswerOfType', () => {
  it('finds amounts: digits, money, percentages, number words and fractions', () => {
    for (const text of [
      'They bought 40 tanks.',
      'a $1.5 billion loan',
      'turnout was 62%',
      'thousands of volunteers',
      'nearly a third of the country',
      'seventeen submarines',
      'some ninety advisers',
      'sixty-five fighters',
    ]) {
      expect(holdsAnswerOfType(text, 'quantity'), text).toBe(true);
    }
  });

  it('does not take years, days of dates or names like S-400 for amounts', () => {
    for (const text of ['In 2015 the talks began.', 'Signed on July 14, 2015.', 'after the Jan.3 strike', 'talks on S-400 and F-16s', 'one of the militias']) {
      expect(holdsAnswerOfType(text, 'quantity'), text).toBe(false);
    }
  });

  it('finds times: years, months and weekdays by name, relative times', () => {
    for (const text of ['the army said Sunday', 'since the summer of 2014', 'after the Jan.3 strike', 'earlier this month the air force began', 'two years ago']) {
      expect(holdsAnswerOfType(text, 'time'), text).toBe(true);
    }
    expect(holdsAnswerOfType('The talks may fail, officials said.', 'time')).toBe(false);
  });

  it('finds ages only when a number of years of age is given', () => {
    expect(holdsAnswerOfType('The 63-year-old prime minister', 'age')).toBe(true);
    expect(holdsAnswerOfType('He is aged 71.', 'age')).toBe(true);
    expect(holdsAnswerOfType('He served for 4 years.', 'age')).toBe(false);
  });
});
