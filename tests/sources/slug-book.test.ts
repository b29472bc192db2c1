// Slugs, and with them every citation id, stay with the source they were given to.
import { describe, expect, it } from 'vitest';
import { assignSlugs, updateSlugBook, type SlugBook, type SlugCandidate } from '../../src/sources/slug.js';

const candidate = (file: string, derived: string, hash = `hash-of-${file}`, chosen?: string): SlugCandidate => ({
  file,
  hash,
  derived,
  ...(chosen === undefined ? {} : { chosen }),
});

describe('assignSlugs', () => {
  it('without a book, gives derived slugs in order, later duplicates suffixed', () => {
    expect(assignSlugs([candidate('a', 'wsj'), candidate('b', 'wsj'), candidate('c', 'wsj')])).toEqual(['wsj', 'wsj-2', 'wsj-3']);
  });

  it('keeps an incumbent’s slug when a newcomer with the same derived slug sorts before it', () => {
    const book: SlugBook = { wsj: { file: 'z', hash: 'hz' } };
    expect(assignSlugs([candidate('a', 'wsj'), candidate('z', 'wsj', 'changed')], book)).toEqual(['wsj-2', 'wsj']);
  });

  it('keeps the slug of a removed file reserved, so its old ids never open another page', () => {
    const book: SlugBook = { wsj: { file: 'gone', hash: 'h-gone' } };
    expect(assignSlugs([candidate('new', 'wsj')], book)).toEqual(['wsj-2']);
  });

  it('gives a renamed file (same content, new name) the slug its old name had, once', () => {
    const book: SlugBook = { wsj: { file: 'old-name', hash: 'same' } };
    expect(assignSlugs([candidate('copy-1', 'wsj', 'same'), candidate('copy-2', 'wsj', 'same')], book)).toEqual(['wsj', 'wsj-2']);
  });

  it('uses a slug chosen in sources.json as is; an incumbent holding it moves aside', () => {
    const book: SlugBook = { wsj: { file: 'a', hash: 'ha' } };
    expect(assignSlugs([candidate('a', 'wsj', 'ha'), candidate('b', 'other', 'hb', 'wsj')], book)).toEqual(['wsj-2', 'wsj']);
  });

  it('never gives two sources the same slug, whatever the book says', () => {
    const book: SlugBook = { x: { file: 'a', hash: '1' }, 'x-2': { file: 'gone', hash: '2' } };
    const slugs = assignSlugs([candidate('a', 'x'), candidate('b', 'x'), candidate('c', 'x-2'), candidate('d', 'x', '2')], book);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs[0]).toBe('x');
    expect(slugs[3]).toBe('x-2');
  });
});

describe('updateSlugBook', () => {
  it('records present sources at their current hash and keeps every earlier entry', () => {
    const book: SlugBook = { old: { file: 'gone', hash: 'h0' }, a: { file: 'a', hash: 'h1' } };
    expect(updateSlugBook(book, [{ slug: 'a', file: 'a', hash: 'h2' }, { slug: 'b', file: 'b', hash: 'h3' }])).toEqual({
      old: { file: 'gone', hash: 'h0' },
      a: { file: 'a', hash: 'h2' },
      b: { file: 'b', hash: 'h3' },
    });
  });
});
