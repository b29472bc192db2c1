import { beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { queryTerms } from '../../src/search/query-terms.js';
import { loadSources } from '../../src/sources/load.js';
import type { Source } from '../../src/sources/types.js';

let sources: Source[];
let index: LexicalIndex;
const slugOf = (filePrefix: string): string => {
  const source = sources.find((s) => s.fileName.startsWith(filePrefix));
  if (!source) throw new Error(`no seed ${filePrefix}`);
  return source.slug;
};

beforeAll(async () => {
  sources = await loadSources(fromProjectRoot('seeds'), projectRoot);
  index = LexicalIndex.build(sources.flatMap((s) => s.passages));
});

describe('LexicalIndex on the seeds', () => {
  it('indexes every passage', () => {
    expect(index.size).toBe(sources.reduce((n, s) => n + s.passages.length, 0));
    expect(index.stats.documentCount).toBe(index.size);
  });

  it('finds a missile code however it is written', () => {
    for (const query of ['S-400', 's400', 'S400 missiles']) {
      const [top] = index.search(queryTerms(query), 3);
      expect(top?.passage.source).toBe(slugOf('003_'));
      expect(top?.passage.text).toContain('S-400');
    }
  });

  it('finds a rare name, and a misspelling of it', () => {
    for (const query of ['Marvienko', 'Who is Valentina Matvienko?']) {
      const [top] = index.search(queryTerms(query), 3);
      expect(top?.passage.source).toBe(slugOf('004_'));
      expect(top?.passage.text).toContain('Valentina Marvienko');
    }
  });

  it("finds a commenter's paragraphs by the commenter's name, which their text does not hold", () => {
    const written = sources.flatMap((s) => s.passages).filter((p) => p.commenter === 'CHUCKMAN');
    const hits = index.search(queryTerms('chuckman'), written.length);
    expect(written.length).toBeGreaterThan(1);
    expect(written.some((p) => /chuckman/i.test(p.text))).toBe(false);
    expect(new Set(hits.map((h) => h.passage.id))).toEqual(new Set(written.map((p) => p.id)));
  });

  it('matches "al Abadi", "al-Abadi" and "Abadi" in passages of every source that names him', () => {
    const named = sources.flatMap((s) => s.passages).filter((p) => /Abadi/.test(p.text));
    const found = new Set(index.search(queryTerms('Abadi'), 100).map((h) => h.passage.id));
    expect(named.length).toBeGreaterThan(3);
    for (const p of named) expect(found).toContain(p.id);
  });

  it('matches the amount of a deal', () => {
    const [top] = index.search(queryTerms('$4.2 billion'), 3);
    expect(top?.passage.text).toContain('$4.2 billion arms deal');
  });

  it('keeps only the requested source', () => {
    const slug = slugOf('002_');
    const hits = index.search(queryTerms('Russia Iraq Iran Syria military deal'), 10, slug);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.passage.source).toBe(slug);
    expect(index.search(queryTerms('Marvienko'), 10, slug)).toEqual([]);
  });

  it('returns ranks and raw scores in descending order, at most k', () => {
    const hits = index.search(queryTerms('Russian air strikes against ISIS in Iraq'), 5);
    expect(hits).toHaveLength(5);
    hits.forEach((hit, i) => {
      expect(hit.rank).toBe(i + 1);
      expect(hit.terms.length).toBeGreaterThan(0);
      if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    });
  });

  it('finds nothing for a question made of stop words only, or of words in no passage', () => {
    expect(index.search(queryTerms('What is it about?'), 5)).toEqual([]);
    expect(index.search(queryTerms('Bitcoin'), 5)).toEqual([]);
  });

  it('weighs rare terms above common ones', () => {
    expect(index.stats.idf('marvienko')).toBeGreaterThan(index.stats.idf('iraq'));
  });
});

describe('fuzzy matching is for rare words only', () => {
  it('does not let a common word stand in for a similar one ("band" is not "bank")', () => {
    expect(index.search(queryTerms('band'), 5)).toEqual([]);
    expect(index.search(queryTerms('bank'), 5).length).toBeGreaterThan(0);
  });
});

describe('LexicalIndex across word forms', () => {
  it('meets "Russia" in a passage when the question says "the Russians"', () => {
    const hits = index.search(queryTerms('the Russians'), 10);
    expect(hits.some((hit) => /\bRussia\b/.test(hit.passage.text) && !/\bRussians?\b/.test(hit.passage.text))).toBe(true);
  });
});
