// Passages compare field by field: what a build uses to tell whether a stored passage is still current.
import { describe, expect, it } from 'vitest';
import { samePassage } from '../../src/sources/same-passage.js';
import type { Passage } from '../../src/sources/types.js';

const passage: Passage = {
  id: 'zero-hedge:c4p1',
  source: 'zero-hedge',
  file: 'seeds/005.txt',
  kind: 'comment',
  commenter: 'CHUCKMAN',
  comment: '4',
  paragraph: 1,
  start: 120,
  end: 160,
  text: 'Russia has been asked for help by Iraq.',
};

describe('samePassage', () => {
  it('holds for a copy, however its keys are ordered', () => {
    const reordered = Object.fromEntries(Object.entries(passage).reverse()) as unknown as Passage;
    expect(samePassage(passage, { ...passage })).toBe(true);
    expect(samePassage(passage, reordered)).toBe(true);
  });

  it('fails when any one field differs', () => {
    for (const [key, value] of Object.entries(passage)) {
      const changed = { ...passage, [key]: typeof value === 'number' ? value + 1 : `${value}x` };
      expect(samePassage(passage, changed), key).toBe(false);
    }
  });

  it('fails when one has an optional field the other lacks, and treats an undefined field as absent', () => {
    expect(samePassage(passage, { ...passage, part: 1 })).toBe(false);
    expect(samePassage({ ...passage, part: 1 }, passage)).toBe(false);
    expect(samePassage(passage, { ...passage, part: undefined })).toBe(true);
  });
});
