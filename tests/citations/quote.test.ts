import { beforeAll, describe, expect, it } from 'vitest';
import { selectQuote } from '../../src/citations/quote.js';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { queryTerms } from '../../src/search/query-terms.js';
import type { Idf } from '../../src/search/termStats.js';
import { loadSources } from '../../src/sources/load.js';
import type { Passage, Source } from '../../src/sources/types.js';

let sources: Source[];
let idf: Idf;

beforeAll(async () => {
  sources = await loadSources(fromProjectRoot('seeds'), projectRoot);
  idf = LexicalIndex.build(sources.flatMap((s) => s.passages)).stats.idf;
});

const passageWith = (phrase: string): Passage => {
  const passage = sources.flatMap((s) => s.passages).find((p) => p.text.includes(phrase));
  if (!passage) throw new Error(`no passage holds ${phrase}`);
  return passage;
};

const QUESTIONS = [
  'Who is Valentina Marvienko?',
  'Which air defence missiles are Iraq and Russia reportedly discussing?',
  'What does one commenter say about the Mada newspaper?',
  'What reason did Abadi give for keeping the Russians out of the fight for now?',
  'How much does a Bitcoin cost today?',
  'US Russia Iraq ISIS air strikes',
];

describe('selectQuote', () => {
  it('returns, for every passage of every seed, an exact trimmed substring at its file offsets', () => {
    for (const source of sources) {
      for (const passage of source.passages) {
        for (const question of QUESTIONS) {
          const q = selectQuote(question, passage, idf);
          expect(q.quote.length).toBeGreaterThan(0);
          expect(q.quote.length).toBeLessThanOrEqual(600);
          expect(source.text.slice(q.start, q.end)).toBe(q.quote);
          expect(q.start).toBeGreaterThanOrEqual(passage.start);
          expect(q.end).toBeLessThanOrEqual(passage.end);
          expect(q.quote).toBe(q.quote.trim());
        }
      }
    }
  });

  it('quotes the sentence that answers, not the whole passage', () => {
    const q = selectQuote('What was the value of the 2013 Russian arms deal Maliki agreed?', passageWith('$4.2 billion'), idf);
    expect(q.quote).toContain('$4.2 billion arms deal');
    expect(q.quote).not.toContain('Iraq has a history');
    expect(q.quote).not.toContain('Putin granted');
  });

  it('says who Valentina Marvienko is', () => {
    const q = selectQuote('Who is Valentina Marvienko?', passageWith('Marvienko'), idf);
    expect(q.quote).toContain('president of the Russian upper house');
  });

  it('finds the sentence of a misspelt name through the terms search matched', () => {
    const index = LexicalIndex.build(sources.flatMap((s) => s.passages));
    const question = 'Who is Fayyad?';
    const [hit] = index.search(queryTerms(question), 1);
    expect(hit?.passage.text).toContain('Faleh al-Fayyadh');
    expect(hit?.passageTerms).toContain('fayyadh');
    const q = selectQuote(question, hit!.passage, idf, { matchedTerms: hit!.passageTerms });
    expect(q.quote).toMatch(/^Faleh al-Fayyadh, head of the Popular Mobilization Units/);
    // Without them the question matches nothing there, and the quote is the passage's opening.
    expect(selectQuote(question, hit!.passage, idf).quote).not.toContain('Fayyadh');
  });

  it('does not cut a quote at the abbreviations of a rank', () => {
    const q = selectQuote('Whom did Ambassador Maksimov sit down with about military cooperation?', passageWith('Othman Al-Ghanimi'), idf);
    expect(q.quote).toContain('This week Iraqi army chief of staff Lt. Gen. Othman Al-Ghanimi and Russian Ambassador');
    expect(q.quote).toMatch(/cooperation\.$/);
  });

  it('takes in a following sentence that is about the same subject', () => {
    const q = selectQuote('Which US general visited Baghdad and was told Iraq was not seeking Moscow\'s help?', passageWith('Joseph Dunford'), idf);
    expect(q.quote).toContain('Joseph Dunford');
    expect(q.quote).toContain('had assured him they were not seeking help from Moscow');
  });

  it('extends a very short sentence with its neighbour', () => {
    const passage = passageWith('A hopeful sign.');
    const q = selectQuote('Is it a hopeful sign?', passage, idf);
    expect(q.quote.startsWith('A hopeful sign.')).toBe(true);
    expect(q.quote.length).toBeGreaterThan('A hopeful sign.'.length);
  });

  it('falls back to the opening of the passage when nothing matches', () => {
    const passage = passageWith('Marvienko');
    const q = selectQuote('What is the price of Bitcoin?', passage, idf);
    expect(q.start).toBe(passage.start + passage.text.length - passage.text.trimStart().length);
    expect(q.quote).toMatch(/^In fact, the president/);
  });

  it('cuts a sentence longer than the limit at word boundaries around the matching words', () => {
    const passage = passageWith('KIRK SORENSEN');
    const fileText = sources.find((s) => s.slug === passage.source)!.text;
    const q = selectQuote('Who uncovered the thorium liquid salt generator?', passage, idf, { maxChars: 200 });
    expect(q.quote.length).toBeLessThanOrEqual(200);
    expect(fileText.slice(q.start, q.end)).toBe(q.quote);
    expect(q.quote.toLowerCase()).toContain('thorium liquid salt');
    expect(fileText[q.start - 1]).toMatch(/\s/);
    expect(fileText[q.end] ?? ' ').toMatch(/\s/);
  });
});
