// Page shapes that used to turn articles into comments or lose them: comment counts above the article,
// several pages in one file, paragraphs far longer than the model's window.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/sources/parse.js';
import { countWords, MAX_PASSAGE_CHARS, MAX_PASSAGE_WORDS } from '../../src/sources/split-long.js';
import type { Passage } from '../../src/sources/types.js';

/** Article and comment passages: what a page says, not what it says about itself. */
const isBody = (passage: Passage): boolean => passage.kind === 'article' || passage.kind === 'comment';
const kinds = (passages: readonly Passage[]): Array<[string, string]> => passages.map((passage) => [passage.kind, passage.text]);

function expectExactOffsets(text: string, passages: readonly Passage[]): void {
  for (const passage of passages) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
}

describe('comment headings', () => {
  it('are no comments heading above the article: "14 Comments" under the byline is a link, and the article stays the article', () => {
    const page = [
      'Baghdad Weighs a Russian Air Campaign',
      '',
      'By Jane Roe | Example Daily',
      '14 Comments',
      '',
      'Iraqi officials met Russian envoys in Baghdad on Monday to discuss intelligence sharing.',
      '',
      'The talks, officials said, covered reconnaissance flights and the supply of helicopters.',
      '',
      '14 Comments',
      '',
      '  1. Sam Doe says:',
      '    Helicopters were always going to be the first thing Baghdad asked for.',
    ].join('\n');
    const { passages } = parseSource('x.txt', page);
    expect(kinds(passages.filter(isBody))).toEqual([
      ['article', 'Iraqi officials met Russian envoys in Baghdad on Monday to discuss intelligence sharing.'],
      ['article', 'The talks, officials said, covered reconnaissance flights and the supply of helicopters.'],
      ['comment', 'Helicopters were always going to be the first thing Baghdad asked for.'],
    ]);
    expect(passages.map((passage) => passage.text).join('\n')).not.toContain('14 Comments');
  });

  it('start a new comment at each bare "NAME says:" line when the page numbers nothing', () => {
    const page = [
      'Coalition Talks Stall Again',
      '',
      'Recent talks between the coalition partners ended without agreement on Tuesday evening.',
      '',
      '2 Comments',
      '',
      'Sam Doe says:',
      'Nobody expected these talks to go anywhere in the first place, frankly.',
      '',
      'Ann Lee says:',
      'They will meet again next month and nothing will change then either.',
    ].join('\n');
    const comments = parseSource('x.txt', page).passages.filter((passage) => passage.kind === 'comment');
    expect(comments.map((passage) => [passage.comment, passage.commenter, passage.paragraph])).toEqual([
      ['1', 'Sam Doe', 1],
      ['2', 'Ann Lee', 1],
    ]);
  });
});

describe('several pages in one file', () => {
  const file = [
    'Baghdad Weighs a Russian Air Campaign',
    '',
    'Iraqi officials met Russian envoys in Baghdad on Monday to discuss intelligence sharing.',
    '',
    '2 responses to “Baghdad Weighs a Russian Air Campaign”',
    '',
    '  1. Sam Doe says:',
    '    Helicopters were always going to be the first thing Baghdad asked for.',
    '',
    '  2. Ann Lee says:',
    '    The Americans will not like this, but they have nobody to blame.',
    '',
    'Leave a Reply',
    '',
    'Your email address will not be published. Required fields are marked *',
    '',
    'Moscow Sends Advisers to the Iraqi Front',
    '',
    'By John Smith | Example Weekly',
    '',
    'Russian military advisers arrived in Baghdad this week, according to two Iraqi officials.',
    '',
    'They will work with the joint intelligence centre set up last month with Iran and Syria.',
    '',
    '3 Comments',
    '',
    '  1. Carol Deng says:',
    '    Advisers first, aircraft later: the usual sequence for such deployments.',
    '',
    'Syria Talks Resume in Geneva Next Week',
    'October 14, 2015',
    '',
    'Delegations from both sides are expected in Geneva on Monday for another round of talks.',
  ].join('\n');
  const { passages } = parseSource('pages.txt', file);
  const body = passages.filter(isBody);

  it('reads each page’s article as article text again after the comments and the comment form before it', () => {
    expect(body.map((passage) => [passage.id, passage.kind, passage.text.slice(0, 20)])).toEqual([
      ['baghdad-weighs-russian:p1', 'article', 'Iraqi officials met '],
      ['baghdad-weighs-russian:c1p1', 'comment', 'Helicopters were alw'],
      ['baghdad-weighs-russian:c2p1', 'comment', 'The Americans will n'],
      ['baghdad-weighs-russian:p2', 'article', 'Russian military adv'],
      ['baghdad-weighs-russian:p3', 'article', 'They will work with '],
      ['baghdad-weighs-russian:c3p1', 'comment', 'Advisers first, airc'],
      ['baghdad-weighs-russian:p4', 'article', 'Delegations from bot'],
    ]);
    expectExactOffsets(file, passages);
  });

  it('makes every page’s title, byline and dateline header passages, numbered through the file', () => {
    for (const line of ['Moscow Sends Advisers to the Iraqi Front', 'By John Smith', 'Syria Talks Resume', 'October 14, 2015']) {
      expect(body.some((passage) => passage.text.includes(line))).toBe(false);
    }
    expect(passages.filter((passage) => passage.kind === 'header').map((passage) => [passage.id, passage.fact, passage.text])).toEqual([
      ['baghdad-weighs-russian:h1', 'title', 'Baghdad Weighs a Russian Air Campaign'],
      ['baghdad-weighs-russian:h2', 'title', 'Moscow Sends Advisers to the Iraqi Front'],
      ['baghdad-weighs-russian:h3', 'byline', 'By John Smith | Example Weekly'],
      ['baghdad-weighs-russian:h4', 'title', 'Syria Talks Resume in Geneva Next Week'],
      ['baghdad-weighs-russian:h5', 'date', 'October 14, 2015'],
    ]);
  });

  it('takes the source’s own facts from the first page only', () => {
    const source = parseSource('pages.txt', file);
    expect(source.title).toBe('Baghdad Weighs a Russian Air Campaign');
    expect(source.author).toBeUndefined();
    expect(source.outlet).toBeUndefined();
  });
});

describe('lines that look like the top of a page but are not', () => {
  it('a commenter’s name over the comment’s date', () => {
    const page = [
      'Coalition Talks Stall Again',
      '',
      'Recent talks between the coalition partners ended without agreement on Tuesday evening.',
      '',
      '1 Comment',
      '',
      'Sam Doe',
      'October 15, 2015',
      '',
      'Nobody expected these talks to go anywhere in the first place, frankly.',
    ].join('\n');
    expect(parseSource('x.txt', page).passages.at(-1)?.kind).toBe('comment');
  });

  it('a card in a list of other stories, with its title and date', () => {
    const page = [
      'Coalition Talks Stall Again',
      '',
      'Recent talks between the coalition partners ended without agreement on Tuesday evening.',
      '',
      'You May Also Like',
      '',
      'The Middle Class That Vanished From the Cities',
      'October 15, 2015',
      '',
      'One of the giants of the South experiences the highest rates of poverty in the country…',
    ].join('\n');
    const { passages } = parseSource('x.txt', page);
    expect(passages.filter(isBody).map((passage) => passage.paragraph)).toEqual([1]);
    expect(passages.some((passage) => passage.text.includes('Middle Class'))).toBe(false);
  });
});

describe('furniture between paragraphs', () => {
  it('is never swallowed by a short paragraph joining its neighbour', () => {
    const page = [
      'Coalition Talks Stall Again',
      '',
      'Recent talks between the coalition partners ended without agreement on Tuesday evening.',
      'Share this:',
      'Click to share on Twitter (Opens in new window)',
      '',
      'Talks resume Monday.',
    ].join('\n');
    const { passages } = parseSource('x.txt', page);
    expect(passages.some((passage) => /Share this|Click to share/.test(passage.text))).toBe(false);
    expect(passages.filter((passage) => passage.kind === 'article').map((passage) => passage.text)).toEqual([
      'Recent talks between the coalition partners ended without agreement on Tuesday evening.',
      'Talks resume Monday.',
    ]);
  });
});

describe('paragraphs longer than the model’s window', () => {
  const words = (count: number, from = 0): string[] =>
    Array.from({ length: count }, (_, i) => ['baghdad', 'moscow', 'officials', 'agreed', 'talks', 'militias', 'airspace'][(i + from) % 7]!);

  /** Parts that cover [start, end), each within the limits, cut where there is a space (or anywhere, when `hardCuts`). */
  function expectCutInto(text: string, parts: readonly Passage[], start: number, end: number, hardCuts = false): void {
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]?.start).toBe(start);
    expect(parts.at(-1)?.end).toBe(end);
    parts.forEach((part, index) => {
      expect(part).toMatchObject({ paragraph: 1, part: index + 1 });
      expect(countWords(part.text)).toBeLessThanOrEqual(MAX_PASSAGE_WORDS);
      expect(part.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      const next = parts[index + 1];
      if (next) expect(text.slice(part.end, next.start)).toMatch(hardCuts ? /^\s*$/ : /^\s+$/);
    });
    expectExactOffsets(text, parts);
  }

  it('are cut at word boundaries when they have no sentence breaks', () => {
    const paragraph = words(700).join(' ');
    const page = `A Page Without Full Stops\n\n${paragraph}\n`;
    const start = page.indexOf(paragraph);
    expectCutInto(page, parseSource('x.txt', page).passages.filter((passage) => passage.kind === 'article'), start, start + paragraph.length);
  });

  it('are cut even when a run of characters has no space at all', () => {
    const paragraph = `${'x'.repeat(4000)} and then some words`;
    const page = `A Page of Noise\n\n${paragraph}\n`;
    const start = page.indexOf(paragraph);
    expectCutInto(page, parseSource('x.txt', page).passages.filter((passage) => passage.kind === 'article'), start, start + paragraph.length, true);
  });

  it('make a file whose only line is 200,000 characters long article text, named by its opening words', () => {
    const sentences = Array.from({ length: 3000 }, (_, i) => `${words(12, i).join(' ')}.`.replace(/^./, (c) => c.toUpperCase()));
    const line = sentences.join(' ').slice(0, 200_000).trimEnd();
    expect(line).toHaveLength(200_000);
    const source = parseSource('long.txt', line);
    expect(source.title).toBe('Baghdad moscow officials agreed talks militias airspace baghdad…');
    expect(source.passages.every((passage) => passage.kind === 'article')).toBe(true);
    expectCutInto(line, source.passages, 0, line.length);
    // At sentence boundaries: every part but the last ends a sentence.
    for (const part of source.passages.slice(0, -1)) expect(part.text.endsWith('.')).toBe(true);
  });
});
