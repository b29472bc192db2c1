import { beforeAll, describe, expect, it } from 'vitest';
import { citationContext } from '../../src/citations/context.js';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { loadSources } from '../../src/sources/load.js';
import type { Source } from '../../src/sources/types.js';

let sources: Source[];
const sourceOf = (filePrefix: string): Source => {
  const source = sources.find((s) => s.fileName.startsWith(filePrefix));
  if (!source) throw new Error(`no seed ${filePrefix}`);
  return source;
};

beforeAll(async () => {
  sources = await loadSources(fromProjectRoot('seeds'), projectRoot);
});

describe('citationContext', () => {
  it('gives two passages before and two after, in reading order', () => {
    const { passages } = sourceOf('004_');
    const articles = passages.filter((p) => p.kind === 'article');
    const cited = articles[5]!;
    const context = citationContext(passages, cited.id);
    expect(context?.passage).toBe(cited);
    expect(context?.before).toEqual([articles[3], articles[4]]);
    expect(context?.after).toEqual([articles[6], articles[7]]);
  });

  it('handles the first and the last passage of a section', () => {
    const { passages } = sourceOf('004_');
    const articles = passages.filter((p) => p.kind === 'article');
    const first = citationContext(passages, articles[0]!.id);
    expect(first?.before).toEqual([]);
    expect(first?.after).toEqual(articles.slice(1, 3));
    const last = citationContext(passages, articles.at(-1)!.id);
    expect(last?.before).toEqual(articles.slice(-3, -1));
    expect(last?.after).toEqual([]);
  });

  it('gives a comment other comments as context, not the end of the article', () => {
    const { passages } = sourceOf('001_');
    const comments = passages.filter((p) => p.kind === 'comment');
    const firstComment = citationContext(passages, comments[0]!.id);
    expect(firstComment?.before).toEqual([]);
    expect(firstComment?.after).toEqual(comments.slice(1, 3));
    const lastArticle = passages.filter((p) => p.kind === 'article').at(-1)!;
    expect(citationContext(passages, lastArticle.id)?.after).toEqual([]);
  });

  it('keeps the quoted span when it lies inside the passage, and only then', () => {
    const { passages } = sourceOf('003_');
    const cited = passages.find((p) => p.text.includes('Othman Al-Ghanimi'))!;
    const start = cited.start + cited.text.indexOf('Lt. Gen.');
    const inside = { start, end: start + 'Lt. Gen. Othman Al-Ghanimi'.length };
    expect(citationContext(passages, cited.id, inside)?.quoted).toEqual(inside);
    expect(citationContext(passages, cited.id, { start: cited.start - 5, end: cited.start + 5 })?.quoted).toBeUndefined();
    expect(citationContext(passages, cited.id)?.quoted).toBeUndefined();
  });

  it('is undefined for an unknown citation id', () => {
    expect(citationContext(sourceOf('003_').passages, 'no-such-source:p99')).toBeUndefined();
  });
});
