import { describe, expect, it } from 'vitest';
import { askedKind } from '../../src/search/question-intent.js';

describe('askedKind', () => {
  it('hears a question ask for reader comments by name', () => {
    expect(askedKind('what did the commenters say about Barzani')).toBe('comment');
    expect(askedKind('did anyone in the comments mention China?')).toBe('comment');
    expect(askedKind('Which poet does a reader quote?')).toBe('comment');
  });

  it('asks for no kind otherwise', () => {
    expect(askedKind('What did Barzani say?')).toBeUndefined();
    expect(askedKind('Who is commenting on the deal?')).toBeUndefined();
  });
});
