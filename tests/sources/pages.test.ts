// A file of several pages saved one after another: each page's words are credited to that page's
// author and outlet, under its own title, never to the first page's.
import { describe, expect, it } from 'vitest';
import { toCitedResult } from '../../src/citations/result.js';
import { answerReply } from '../../src/replies/answer.js';
import { parseSource } from '../../src/sources/parse.js';

const TWO_PAGES = [
  'Iraq Buys Chinese Drones After US Refuses Predators',
  '',
  'By Tom Baker | Defense Weekly | June 2, 2016',
  '',
  'Baghdad has taken delivery of armed CH-4 drones from China after Washington declined to sell Predators.',
  '',
  'The drones were used against positions near Ramadi within a week of their arrival, officials said.',
  '',
  '2 Comments',
  '',
  '  1. Sam Doe says:',
  '',
  '    Cheap drones are still drones, and Baghdad needed them last year.',
  '',
  'Russia Opens Intelligence Center in Baghdad',
  '',
  'By Maria Ivanova | Eurasia Review | October 1, 2015',
  '',
  'Russia, Iran, Syria and Iraq opened a joint information center in Baghdad to coordinate against ISIS.',
  '',
  '1 Comment',
  '',
  '  1. Pete says:',
  '',
  '    An information center is the least any of them could promise to each other.',
  '',
].join('\n');

describe('a file of two pages', () => {
  const source = parseSource('two-pages.txt', TWO_PAGES);
  const onSecondPage = source.passages.find((passage) => passage.text.startsWith('Russia, Iran, Syria and Iraq'))!;
  const petesComment = source.passages.find((passage) => passage.commenter === 'Pete')!;

  it('records each page’s own title, author and outlet; the first page’s are the source’s', () => {
    expect(source).toMatchObject({ title: 'Iraq Buys Chinese Drones After US Refuses Predators', author: 'Tom Baker', outlet: 'Defense Weekly' });
    expect(source.pages).toEqual([
      { title: 'Iraq Buys Chinese Drones After US Refuses Predators', author: 'Tom Baker', outlet: 'Defense Weekly', date: 'June 2, 2016' },
      { title: 'Russia Opens Intelligence Center in Baghdad', author: 'Maria Ivanova', outlet: 'Eurasia Review', date: 'October 1, 2015' },
    ]);
    expect(onSecondPage.page).toBe(2);
    expect(petesComment.page).toBe(2);
    expect(source.passages.filter((passage) => passage.page === 1).map((passage) => passage.text)).toContain(
      'Cheap drones are still drones, and Baghdad needed them last year.',
    );
  });

  it('cites a second-page passage under that page’s title and credits, with no link to the first page’s URL', () => {
    const linked = { ...source, url: 'https://example.org/drones' };
    const quote = { quote: onSecondPage.text, start: onSecondPage.start, end: onSecondPage.end };
    const result = toCitedResult(onSecondPage, linked, quote, 1);
    expect(result).toMatchObject({ title: 'Russia Opens Intelligence Center in Baghdad', author: 'Maria Ivanova', outlet: 'Eurasia Review', page: 2 });
    expect(result.url).toBeUndefined();

    const first = source.passages.find((passage) => passage.text.startsWith('Baghdad has taken delivery'))!;
    const firstResult = toCitedResult(first, linked, { quote: first.text, start: first.start, end: first.end }, 1);
    const reply = answerReply(
      { question: 'drones and intelligence centers', source: null, answered: true, results: [firstResult, result], searched: 9, tookMs: 1 },
      { sourceOf: () => ({ slug: source.slug, command: source.command, title: source.title, author: 'Tom Baker', outlet: 'Defense Weekly', url: linked.url, file: source.file, passages: 9 }) },
    );
    const description = reply.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/Iraq Buys Chinese Drones[^\n]*Tom Baker · Defense Weekly/);
    expect(description).toMatch(/Russia Opens Intelligence Center in Baghdad\*\* · Maria Ivanova · Eurasia Review/);
  });

  it('keeps a one-page file’s passages free of page numbers', () => {
    const single = parseSource('one.txt', TWO_PAGES.split('Russia Opens Intelligence Center')[0]!);
    expect(single.pages).toBeUndefined();
    expect(single.passages.every((passage) => passage.page === undefined)).toBe(true);
  });
});
