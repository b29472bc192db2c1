// Slugs, and with them every citation id, stay with the source they were given to.
import { describe, expect, it } from 'vitest';
import { assignSlugs, updateSlugBook, type SlugBook, type SlugCandidate } from '../../src/sources/slug.js';

const candidate = (file: string, derived: string, hash = `hash-of-${file}`, chosen?: string): SlugCandidate => ({
  file,
  hash,
  derived,
  ...(chosen === undefined ? {} : { chosen }),
});

const slugsOf = (candidates: SlugCandidate[], book?: SlugBook): string[] => assignSlugs(candidates, book).slugs;

describe('assignSlugs', () => {
  it('without a book, gives derived slugs in order, later duplicates suffixed', () => {
    expect(slugsOf([candidate('a', 'wsj'), candidate('b', 'wsj'), candidate('c', 'wsj')])).toEqual(['wsj', 'wsj-2', 'wsj-3']);
  });

  it('keeps an incumbent’s slug when a newcomer with the same derived slug sorts before it', () => {
    const book: SlugBook = { wsj: { file: 'z', hash: 'hz' } };
    expect(slugsOf([candidate('a', 'wsj'), candidate('z', 'wsj', 'changed')], book)).toEqual(['wsj-2', 'wsj']);
  });

  it('keeps the slug of a removed file reserved, so its old ids never open another page', () => {
    const book: SlugBook = { wsj: { file: 'gone', hash: 'h-gone' } };
    expect(slugsOf([candidate('new', 'wsj')], book)).toEqual(['wsj-2']);
  });

  it('gives a renamed file (same content, new name) the slug its old name had, once', () => {
    const book: SlugBook = { wsj: { file: 'old-name', hash: 'same' } };
    expect(slugsOf([candidate('copy-1', 'wsj', 'same'), candidate('copy-2', 'wsj', 'same')], book)).toEqual(['wsj', 'wsj-2']);
  });

  it('uses a slug chosen in sources.json as is, unless it belongs to another file: the incumbent keeps it and the choice is refused', () => {
    expect(slugsOf([candidate('a', 'wsj', 'ha'), candidate('b', 'other', 'hb', 'wsj')])).toEqual(['wsj-2', 'wsj']);
    const book: SlugBook = { wsj: { file: 'a', hash: 'ha' }, old: { file: 'gone', hash: 'hg' } };
    const { slugs, refused } = assignSlugs([candidate('a', 'wsj', 'ha'), candidate('b', 'other', 'hb', 'wsj'), candidate('c', 'c', 'hc', 'old')], book);
    expect(slugs).toEqual(['wsj', 'other', 'c']);
    expect(refused).toEqual([
      { file: 'b', chosen: 'wsj', heldBy: 'a' },
      { file: 'c', chosen: 'old', heldBy: 'gone' },
    ]);
  });

  it('never gives two sources the same slug, whatever the book says', () => {
    const book: SlugBook = { x: { file: 'a', hash: '1' }, 'x-2': { file: 'gone', hash: '2' } };
    const slugs = slugsOf([candidate('a', 'x'), candidate('b', 'x'), candidate('c', 'x-2'), candidate('d', 'x', '2')], book);
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
