import { describe, expect, it } from 'vitest';
import { askedFor } from '../../src/search/question-intent.js';

describe('askedFor', () => {
  it('hears a question ask for reader comments by name', () => {
    expect(askedFor('what did the commenters say about Barzani').kind).toBe('comment');
    expect(askedFor('did anyone in the comments mention China?').kind).toBe('comment');
    expect(askedFor('Which poet does a reader quote?').kind).toBe('comment');
  });

  it('hears a question about the page itself, and which header fact answers it', () => {
    expect(askedFor('who wrote the piece on the Bush failure?')).toEqual({ kind: 'header', facts: ['byline'], authorship: true });
    expect(askedFor("who's the author of that article")).toMatchObject({ facts: ['byline'], authorship: true });
    expect(askedFor('which site is the Cole post on')).toMatchObject({ kind: 'header', facts: ['outlet', 'byline'], authorship: false });
    expect(askedFor("where's this from")).toMatchObject({ facts: ['outlet', 'byline'] });
    expect(askedFor('headline of the militia story?')).toMatchObject({ facts: ['title'] });
    expect(askedFor('what is the sanctions post called')).toMatchObject({ facts: ['title'] });
  });

  it('asks for nothing in particular otherwise', () => {
    expect(askedFor('What did Barzani say?')).toEqual({ facts: [], authorship: false });
    expect(askedFor('Who is commenting on the deal?').kind).toBeUndefined();
    // "called" about the world, not the page; "author" as the subject of a content question.
    expect(askedFor("what is Iraq's second city called").facts).toEqual([]);
    expect(askedFor('is the author upset about the deal').authorship).toBe(false);
    // "from" without asking where the page comes from.
    expect(askedFor('did the jets come from Russia').facts).toEqual([]);
  });
});
