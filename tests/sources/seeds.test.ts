// The five seed pages, loaded as the bot loads them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/sources/load.js';
import { SLUG_PATTERN } from '../../src/sources/slug.js';
import type { Passage, Source } from '../../src/sources/types.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
let sources: Source[] = [];

beforeAll(async () => {
  sources = await loadSources(join(projectRoot, 'seeds'), projectRoot);
});

function seed(prefix: string): Source {
  const source = sources.find((candidate) => candidate.fileName.startsWith(prefix));
  if (!source) throw new Error(`no seed ${prefix}`);
  return source;
}

const articleOf = (source: Source): Passage[] => source.passages.filter((passage) => passage.kind === 'article');
const commentsOf = (source: Source): Passage[] => source.passages.filter((passage) => passage.kind === 'comment');
const headersOf = (source: Source): Passage[] => source.passages.filter((passage) => passage.kind === 'header');
/** Comment numbers in page order, each once. */
const commentNumbers = (source: Source): string[] => [...new Set(commentsOf(source).map((passage) => passage.comment ?? '?'))];
const passageWith = (source: Source, needle: string): Passage | undefined => source.passages.find((passage) => passage.text.includes(needle));

const BOILERPLATE = [
  'Leave a Reply',
  'Fill in your details below',
  'You are commenting using your',
  'Log Out',
  'Google+ photo',
  'Twitter picture',
  'Facebook photo',
  'Connecting to %s',
  'bloggers like this',
  'Your email address will not be published',
  'Required fields are marked',
  'image_pdfimage_print',
  'Order on Amazon',
  'Order at Amazon',
  'Order here',
  'Available at Amazon',
  'wherever books are sold',
  'priceless cultural institution',
  'Bruce Bawer',
  'Send this to a friend',
  'You May Also Like',
  'The middle class that vanished',
  'The TB pandemic',
  'Related video',
  'Arirang News',
  '2 responses to',
  '14 Responses',
  'One Response',
];

/** Header lines: passages of their own, never part of the article's or a comment's. */
const HEADER_LINES = ['Source: Zero Hedge', 'By Juan Cole', 'Get Ready: Putin’s Next'];

describe('seed sources', () => {
  it('loads every seed in file-name order, each with passages, a sha256 and its project-relative path', () => {
    expect(sources.map((source) => source.fileName)).toEqual([
      '000_3f0f20a5d4ffc059.txt',
      '001_e53c0ad875243b71.txt',
      '002_586c2cfb64da63a0.txt',
      '003_56ad20256a752cea.txt',
      '004_ec145ac0aa5f8fff.txt',
    ]);
    for (const source of sources) {
      expect(source.file).toBe(`seeds/${source.fileName}`);
      expect(source.text).toBe(readFileSync(join(projectRoot, source.file), 'utf8'));
      expect(source.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(articleOf(source).length).toBeGreaterThan(0);
    }
  });

  it('reads the titles as a reader would see them', () => {
    expect(sources.map((source) => source.title)).toEqual([
      'Get Ready: Putin’s Next Conquest',
      'In final Failure for Bush/Cheney, many in Iraq seek Russian Alliance',
      'Iraq Signs Collaboration Deal With Russia, Iran, Syria on ISIS Fight',
      'Iraq and Russia Prepare to Boost Military Ties as US Threatens Sanctions',
      'Iraqi Shiite militias to turn to Russia to combat ISIS',
    ]);
  });

  it('credits the outlet and author the pages name', () => {
    expect(seed('001')).toMatchObject({ author: 'Juan Cole', outlet: 'Informed Comment' });
    // A blog post that quotes the WSJ at length, after a line of its own: not the Journal's page.
    expect(seed('002').outlet).toBeUndefined();
    expect(seed('002').quotes).toBe('The Wall Street Journal');
    expect(seed('003').outlet).toBe('Zero Hedge');
    expect(seed('000').outlet).toBeUndefined();
    expect(seed('004').outlet).toBeUndefined();
  });

  it('gives unique, readable, Discord-valid slugs from the outlet or the title (not from an outlet a post quotes)', () => {
    expect(sources.map((source) => source.slug)).toEqual([
      'putins-next-conquest',
      'informed-comment',
      'iraq-signs-collaboration',
      'zero-hedge',
      'iraqi-shiite-militias',
    ]);
    for (const source of sources) expect(source.slug).toMatch(SLUG_PATTERN);
  });

  it('gives every passage a unique citation id and points it at its source', () => {
    const ids = sources.flatMap((source) => source.passages.map((passage) => passage.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const source of sources) {
      for (const passage of source.passages) {
        expect(passage.source).toBe(source.slug);
        expect(passage.file).toBe(source.file);
        expect(passage.id.startsWith(`${source.slug}:`)).toBe(true);
        expect(passage.id.length).toBeLessThanOrEqual(48);
      }
    }
  });

  it('cites exact, trimmed slices of the file for every passage of every seed', () => {
    for (const source of sources) {
      const fileText = readFileSync(join(projectRoot, source.file), 'utf8');
      let previousEnd = 0;
      for (const passage of source.passages) {
        expect(fileText.slice(passage.start, passage.end)).toBe(passage.text);
        expect(passage.text).toBe(passage.text.trim());
        expect(passage.text.length).toBeGreaterThan(0);
        expect(passage.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = passage.end;
      }
    }
  });

  it('keeps page furniture out of every passage, and header lines out of the article and comments', () => {
    for (const source of sources) {
      for (const passage of source.passages) {
        for (const phrase of BOILERPLATE) expect(passage.text, `${passage.id} contains "${phrase}"`).not.toContain(phrase);
        if (passage.kind === 'header') continue;
        for (const line of HEADER_LINES) expect(passage.text, `${passage.id} contains "${line}"`).not.toContain(line);
        expect(passage.text, passage.id).not.toMatch(/^\s*https?:\/\/\S+\s*$/);
      }
    }
  });

  it('keeps the furniture it leaves out, line by line, to tell bait questions by', () => {
    expect(seed('000_').furniture).toEqual(expect.arrayContaining(['Leave a Reply', 'Connecting to %s', '%d bloggers like this:']));
    expect(seed('002_').furniture).toEqual(expect.arrayContaining(['Order on Amazon, Amazon UK, or wherever books are sold.', 'Send this to a friend']));
    expect(seed('004_').furniture).toEqual(expect.arrayContaining(['You May Also Like', 'The middle class that vanished']));
    for (const source of sources) for (const line of source.furniture ?? []) expect(source.text).toContain(line);
  });

  it('makes each line stating a title, byline or outlet a header passage of its own, cited h1, h2… in page order', () => {
    // The pages mix no-break spaces into their lines; expectations are written with plain spaces.
    const plain = (text: string): string => text.replace(/\u00a0/g, ' ');
    expect(sources.map((source) => headersOf(source).map((passage) => [passage.id, passage.fact, plain(passage.text)]))).toEqual([
      [['putins-next-conquest:h1', 'title', 'Get Ready: Putin’s Next Conquest.']],
      [
        ['informed-comment:h1', 'title', 'In final Failure for Bush/Cheney, many in Iraq seek Russian Alliance'],
        ['informed-comment:h2', 'byline', 'By Juan Cole | (Informed Comment) | – –'],
      ],
      [['iraq-signs-collaboration:h1', 'title', 'Iraq Signs Collaboration Deal With Russia, Iran, Syria on ISIS Fight']],
      [
        ['zero-hedge:h1', 'title', 'Iraq and Russia Prepare to Boost Military Ties as US Threatens Sanctions'],
        ['zero-hedge:h2', 'outlet', 'Source: Zero Hedge'],
      ],
      [['iraqi-shiite-militias:h1', 'title', 'Iraqi Shiite militias to turn to Russia to combat ISIS.']],
    ]);
    for (const source of sources) {
      for (const passage of headersOf(source)) expect(passage.paragraph).toBe(Number(passage.id.split(':h')[1]));
    }
  });

  it('credits the quoted stretch of 002 to the Journal, and the blogger’s own lead-in and closing words to nobody else', () => {
    const source = seed('002');
    const article = articleOf(source);
    expect(article[0]?.text).toMatch(/From the WSJ:$/);
    expect(article.at(-1)?.text).toMatch(/^Our\snext President will have to form a working relationship with Russia/);
    expect(article.map((passage) => passage.quoting)).toEqual([
      undefined,
      ...Array.from({ length: article.length - 2 }, () => 'The Wall Street Journal'),
      undefined,
    ]);
    expect(source.passages.filter((passage) => passage.kind !== 'article').every((passage) => passage.quoting === undefined)).toBe(true);
    for (const other of sources.filter((candidate) => candidate !== source)) {
      expect(other.quotes).toBeUndefined();
      expect(other.passages.every((passage) => passage.quoting === undefined)).toBe(true);
    }
  });

  it('keeps the article text, including a last paragraph cut off mid-sentence', () => {
    expect(passageWith(seed('000'), '$4.2 billion arms deal')?.kind).toBe('article');
    expect(passageWith(seed('004'), 'Valentina Marvienko')?.kind).toBe('article');
    const lastOf000 = articleOf(seed('000')).at(-1);
    expect(lastOf000?.text.endsWith('He added that the Russians would never insist')).toBe(true);
    expect(passageWith(seed('002'), 'From the WSJ:')?.kind).toBe('article');
    expect(passageWith(seed('003'), 'Lt. Gen. Othman Al-Ghanimi')?.kind).toBe('article');
    expect(articleOf(seed('001')).at(-1)?.text).toMatch(/^The socialist Patriotic Union of Kurdistan/);
    expect(articleOf(seed('004')).at(-1)?.text).toMatch(/no important gains for the Iraqis\.$/);
  });

  it('numbers article paragraphs from 1 as a reader counts them, headings not counted', () => {
    for (const source of sources) {
      const numbers = [...new Set(articleOf(source).map((passage) => passage.paragraph))];
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    }
    // A subtitle joins the paragraph it heads rather than standing alone or being lost.
    const first = articleOf(seed('000'))[0];
    expect(first?.text).toMatch(/^Why Iraq Wants Russian Help\n\nFrustrated with the United States/);
    expect(first?.id).toBe('putins-next-conquest:p1');
    const headed = passageWith(seed('003'), 'Converted Soviet Cargo Planes');
    expect(headed?.text).toMatch(/F-16s\n\nIn more continuing fallout/);
    expect(headed?.paragraph).toBe(2);
    expect(articleOf(seed('003'))[0]?.text).toMatch(/^In summer of 2014/);
  });

  it('reads the 14 numbered responses of 001, bullets as replies, with no names to give', () => {
    const source = seed('001');
    expect(commentNumbers(source)).toEqual(['1', '2', '3', '3.1', '4', '5', '5.1', '6', '7', '8', '9', '10', '11']);
    for (const passage of commentsOf(source)) expect(passage.commenter).toBeUndefined();
    expect(passageWith(source, 'Those “mindnumbing excesses”')).toMatchObject({ kind: 'comment', comment: '3.1', paragraph: 1 });
    expect(passageWith(source, 'Thank you, God’s Spirit')?.comment).toBe('5.1');
    // Comment 4 is hard-wrapped: one paragraph across its lines.
    const wrapped = commentsOf(source).filter((passage) => passage.comment === '4');
    expect(wrapped).toHaveLength(1);
    expect(wrapped[0]?.text).toMatch(/^What’s the rub, Russia is\n\s+full blown Capitalism at\n\s+it’s finest\./);
    expect(commentsOf(source).filter((passage) => passage.comment === '9').map((passage) => passage.paragraph)).toEqual([1, 2, 3]);
    expect(passageWith(source, 'If the next U.S. President')).toMatchObject({ comment: '10', paragraph: 2, id: 'informed-comment:c10p2' });
  });

  it('reads the signed, nested comments of 003 with names and the page’s numbers', () => {
    const source = seed('003');
    const byComment = new Map(commentsOf(source).map((passage) => [passage.comment, passage.commenter]));
    expect([...byComment]).toEqual([
      ['2', 'thomas malthaus'],
      ['3', 'CHUCKMAN'],
      ['4', 'Chris Chuba'],
      ['4.1', 'Jesus'],
      ['4.1.1', 'CHUCKMAN'],
      ['4.1.1.1', 'rightiswrong rightiswrong'],
      ['4.1.1.1.1', 'Richard Seeto'],
      ['4.1.1.1.2', 'David Bedford'],
      ['4.2', 'Monte McKenzie'],
    ]);
    // Comment 1 is a signature with no words: no passage.
    expect(commentsOf(source).some((passage) => passage.comment === '1')).toBe(false);
    // "A hopeful sign." is too short alone and joins the paragraph after it, spanning the blank line.
    const hopeful = passageWith(source, 'A hopeful sign.');
    expect(hopeful).toMatchObject({ comment: '3', commenter: 'CHUCKMAN', paragraph: 1 });
    expect(hopeful?.text).toMatch(/^A hopeful sign\.\n\n\s+Open official opposition/);
    expect(passageWith(source, 'And the possibility of genuine assistance')?.paragraph).toBe(3);
    expect(passageWith(source, 'Coronavirus has a death rate')?.id).toBe('zero-hedge:c4.1.1.1p1');
  });

  it('reads unsigned comments of 000 and 002, keeping a comment’s URL inside it', () => {
    const first = commentsOf(seed('000'));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ comment: '1', paragraph: 1 });
    expect(first[0]?.commenter).toBeUndefined();
    expect(first[0]?.text).toMatch(/^Perhaps the changing ‘World Order’.*😉$/s);
    const second = commentsOf(seed('002'));
    expect(second).toHaveLength(1);
    expect(second[0]?.text).toMatch(/^from Strategypage\.com .*\n\s+https:\/\/www\.youtube\.com\/watch\?v=5IvxpNTNmzs$/s);
    expect(commentsOf(seed('004'))).toHaveLength(0);
  });
});
