import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const seed = (name: string): string => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');

// The pages mix no-break spaces into running text; expectations below are written with plain spaces.
const sentencesOf = (text: string): string[] =>
  splitSentences(text).map(({ start, end }) => text.slice(start, end).replace(/\u00a0/g, ' '));

/** The paragraph (text between blank lines) of a seed that contains `needle`. */
function paragraphWith(fileName: string, needle: string): string {
  const paragraph = seed(fileName).split(/\n\s*\n/).find((candidate) => candidate.includes(needle));
  if (paragraph === undefined) throw new Error(`no paragraph of ${fileName} contains ${needle}`);
  return paragraph.trim();
}

describe('splitSentences', () => {
  it('keeps military titles and dates inside the sentence (003)', () => {
    const paragraph = paragraphWith('003_56ad20256a752cea.txt', 'Lt. Gen.');
    expect(sentencesOf(paragraph)).toEqual([
      'This week Iraqi army chief of staff Lt. Gen. Othman Al-Ghanimi and Russian Ambassador Maksim Maksimov met to discuss future military cooperation.',
      'Crucially, Gen. Ghanimi highlighted Russia’s successful anti-ISIS operations over the past years, especially in Syria where the Russian military has supported Assad since being invited there in 2015.',
    ]);
    const jan = paragraphWith('003_56ad20256a752cea.txt', 'Jan.3');
    expect(sentencesOf(jan)).toHaveLength(1);
    expect(sentencesOf(paragraphWith('003_56ad20256a752cea.txt', 'US.-Iraq'))).toHaveLength(1);
  });

  it('keeps initials and "U.S." inside the sentence', () => {
    const downing = sentencesOf(paragraphWith('004_ec145ac0aa5f8fff.txt', 'Brian M. Downing'));
    expect(downing[0]).toBe(
      '“This is a political gesture, fueled by Iran, to reduce US dependency in Iraq” said Brian M. Downing, an American military analyst.',
    );
    expect(downing).toHaveLength(3);
    const president = sentencesOf(paragraphWith('001_e53c0ad875243b71.txt', 'next U.S. President'));
    expect(president).toHaveLength(1);
    const efforts = sentencesOf(paragraphWith('000_3f0f20a5d4ffc059.txt', '$4.2 billion'));
    expect(efforts[0]).toBe('Iraq has a history of seeking additional weaponry from Russia whenever it believes that U.S. efforts have fallen short.');
    expect(efforts).toHaveLength(3);
  });

  it('keeps "Mr." with the name (002)', () => {
    const sentences = sentencesOf(paragraphWith('002_586c2cfb64da63a0.txt', 'Mr. Assad and'));
    expect(sentences).toEqual([
      'Iraq’s Shiite-dominated government has for years cooperated with Mr. Assad and Shiite-majority Iran in the fight against extremists.',
    ]);
  });

  it('does not break at spaced ellipses and breaks after a closing quote (001)', () => {
    const sentences = sentencesOf(paragraphWith('001_e53c0ad875243b71.txt', 'Hakim al-Zimili'));
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toMatch(/Syria\. \. \. we are seeking .* \. \. \. definitely .*\[have now\]\.”$/);
    expect(sentences[1]).toMatch(/^Al-Zimili had been/);
    const scoffed = sentencesOf(paragraphWith('000_3f0f20a5d4ffc059.txt', 'ISIS farmers'));
    expect(scoffed.at(-2)).toMatch(/“ISIS farmers can figure out how to use\.”$/);
    expect(scoffed.at(-1)).toBe('He added that the Russians would never insist');
  });

  it('breaks at "?" and "!", and keeps an unspaced ellipsis or a trailing emoji with its sentence', () => {
    expect(sentencesOf(paragraphWith('001_e53c0ad875243b71.txt', 'HAHAHAHAHAHA'))).toEqual([
      'HAHAHAHAHAHA.',
      'Taking “it” on?',
      'Taking WHAT on!',
      'The corrupt Iraqi government trying to blackmail the US for even more guns and money, which they count while hiding under the bed, checking for flights to London?',
    ]);
    const tennyson = sentencesOf(paragraphWith('000_3f0f20a5d4ffc059.txt', 'Tennyson'));
    expect(tennyson.at(-1)).toMatch(/^We often forget .*Tennyson….” lest one good custom should corrupt another”\. 😉$/);
    const nah = sentencesOf(paragraphWith('003_56ad20256a752cea.txt', 'Nah …'));
    expect(nah.some((sentence) => sentence.startsWith('Nah … who am I kidding'))).toBe(true);
  });

  it('reads hard-wrapped lines as running text, but a blank line always ends a sentence', () => {
    const wrapped = paragraphWith('001_e53c0ad875243b71.txt', 'full blown Capitalism').replace(/^4\. /, '');
    expect(sentencesOf(wrapped)).toEqual([
      'What’s the rub, Russia is\n    full blown Capitalism at\n    it’s finest.',
      'So why not let\n    Putin pull a Shrub in the',
    ]);
    expect(sentencesOf('A hopeful sign\n\n   Open official opposition')).toEqual(['A hopeful sign', 'Open official opposition']);
  });

  it('keeps a URL whole', () => {
    const sentences = sentencesOf(paragraphWith('002_586c2cfb64da63a0.txt', 'youtube'));
    expect(sentences.at(-1)).toMatch(/https:\/\/www\.youtube\.com\/watch\?v=5IvxpNTNmzs$/);
  });

  it('splits a text of many thousand characters on one line as it splits its paragraphs one by one', () => {
    const paragraphs = seed('004_ec145ac0aa5f8fff.txt')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim().replace(/\s+/g, ' '))
      .filter((paragraph) => /^\p{Lu}.{80,}[a-z]\.$/u.test(paragraph));
    expect(paragraphs.length).toBeGreaterThan(5);
    const many = Array.from({ length: 12 }, () => paragraphs).flat();
    const line = many.join(' ');
    expect(line.length).toBeGreaterThan(20_000);
    expect(sentencesOf(line)).toEqual(many.flatMap((paragraph) => sentencesOf(paragraph)));
  });

  it('gives trimmed spans whose slices are the sentences, in order, for every seed', () => {
    for (const name of ['000_3f0f20a5d4ffc059.txt', '001_e53c0ad875243b71.txt', '002_586c2cfb64da63a0.txt', '003_56ad20256a752cea.txt', '004_ec145ac0aa5f8fff.txt']) {
      const text = seed(name);
      let previousEnd = 0;
      for (const { start, end } of splitSentences(text)) {
        expect(start).toBeGreaterThanOrEqual(previousEnd);
        expect(end).toBeGreaterThan(start);
        expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
        expect(text.slice(previousEnd, start).trim()).toBe('');
        previousEnd = end;
      }
      expect(text.slice(previousEnd).trim()).toBe('');
    }
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n ')).toEqual([]);
  });
});
