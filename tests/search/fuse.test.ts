import { describe, expect, it } from 'vitest';
import { fuse, type FusionOptions, type RankedCandidate } from '../../src/search/fuse.js';
import type { Passage } from '../../src/sources/types.js';

const passage = (id: string, kind: Passage['kind']): Passage => ({ id, source: 's', file: 'seeds/s.txt', kind, paragraph: 1, start: 0, end: 1, text: id });
const candidate = (id: string, kind: Passage['kind'], dense: number, lexical: number): RankedCandidate => ({
  passage: passage(id, kind),
  dense,
  lexical,
  matchedTerms: [],
  passageTerms: [],
});
const options: FusionOptions = { method: 'weighted', rrfK: 60, denseWeight: 0.3, commentFactor: 0.97, otherKindFactor: 0.5, headerFactor: 0.7 };

describe('fuse', () => {
  const article = candidate('a', 'article', 0.5, 10);
  const comment = candidate('c', 'comment', 0.48, 9);

  it('ranks an article above a comment that answers about as well', () => {
    expect(fuse([comment, article], options, { floor: 0.2, unit: 0.1 }).map((c) => c.passage.id)).toEqual(['a', 'c']);
  });

  it('ranks the comment first when the question asks for comments', () => {
    expect(fuse([comment, article], options, { floor: 0.2, unit: 0.1 }, 'comment').map((c) => c.passage.id)).toEqual(['c', 'a']);
  });

  it('counts the dense side from the floor, so a model that rates everything high still separates candidates', () => {
    const close = candidate('close', 'article', 0.9, 5);
    const far = candidate('far', 'article', 0.7, 5);
    const [first, second] = fuse([far, close], options, { floor: 0.65, unit: 0.05 });
    expect(first?.passage.id).toBe('close');
    // From 0 the dense parts would be 0.3 and 0.3 × 0.7 / 0.9; from the floor, 0.3 and 0.3 × 0.05 / 0.25.
    expect(second!.score).toBeCloseTo(0.7 + 0.3 * (0.05 / 0.25));
  });
});
