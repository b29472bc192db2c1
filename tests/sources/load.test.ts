// New pages dropped into a seeds folder: picked up, cleaned, named, and bad files reported.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSources, type SkippedFile } from '../../src/sources/load.js';
import { MetadataError } from '../../src/sources/metadata.js';
import { parseSource } from '../../src/sources/parse.js';
import { updateSlugBook } from '../../src/sources/slug.js';

const PLAIN_ARTICLE = [
  'Baghdad Weighs a Russian Air Campaign.',
  '',
  'Iraqi officials met Russian envoys in Baghdad on Monday to discuss intelligence sharing against the Islamic State.',
  '',
  'The talks, officials said, covered reconnaissance flights and the supply of helicopters to the Iraqi army.',
  '',
].join('\n');

let root: string;
let seedsDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sources-'));
  seedsDir = join(root, 'seeds');
  await mkdir(seedsDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadSources', () => {
  it('picks up a new plain article with no comments', async () => {
    await writeFile(join(seedsDir, '010_new.txt'), PLAIN_ARTICLE);
    const [source, ...others] = await loadSources(seedsDir, root);
    expect(others).toHaveLength(0);
    expect(source).toMatchObject({ fileName: '010_new.txt', file: 'seeds/010_new.txt', title: 'Baghdad Weighs a Russian Air Campaign', slug: 'baghdad-weighs-russian' });
    expect(source?.passages.map((passage) => [passage.id, passage.kind, passage.paragraph])).toEqual([
      ['baghdad-weighs-russian:h1', 'header', 1],
      ['baghdad-weighs-russian:p1', 'article', 1],
      ['baghdad-weighs-russian:p2', 'article', 2],
    ]);
    for (const passage of source?.passages ?? []) expect(PLAIN_ARTICLE.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('skips and reports empty and unreadable files, keeping the others; no usable file at all is an error', async () => {
    await writeFile(join(seedsDir, '001_empty.txt'), ' \n\n');
    const skipped: SkippedFile[] = [];
    await expect(loadSources(seedsDir, root, { onSkip: (file) => skipped.push(file) })).rejects.toThrow(/No usable source/);
    await writeFile(join(seedsDir, '002_article.txt'), PLAIN_ARTICLE);
    skipped.length = 0;
    const sources = await loadSources(seedsDir, root, { onSkip: (file) => skipped.push(file) });
    expect(sources.map((source) => source.fileName)).toEqual(['002_article.txt']);
    expect(skipped).toEqual([{ file: 'seeds/001_empty.txt', reason: 'the file is empty' }]);
    await mkdir(join(seedsDir, '003_not_a_file.txt'));
    skipped.length = 0;
    await loadSources(seedsDir, root, { onSkip: (file) => skipped.push(file) });
    expect(skipped.map((file) => file.file)).toEqual(['seeds/001_empty.txt', 'seeds/003_not_a_file.txt']);
    expect(skipped[1]?.reason).toMatch(/^cannot be read/);
  });

  it('makes colliding derived slugs unique with a suffix, ids included', async () => {
    await writeFile(join(seedsDir, 'a.txt'), PLAIN_ARTICLE);
    await writeFile(join(seedsDir, 'b.txt'), PLAIN_ARTICLE);
    const sources = await loadSources(seedsDir, root);
    expect(sources.map((source) => source.slug)).toEqual(['baghdad-weighs-russian', 'baghdad-weighs-russian-2']);
    expect(sources[1]?.passages.map((passage) => passage.id)).toEqual(['baghdad-weighs-russian-2:h1', 'baghdad-weighs-russian-2:p1', 'baghdad-weighs-russian-2:p2']);
  });

  it('takes facts and the command name from sources.json, deriving the rest; the command name is not part of any id', async () => {
    await writeFile(join(seedsDir, 'a.txt'), PLAIN_ARTICLE);
    await writeFile(
      join(seedsDir, 'sources.json'),
      JSON.stringify({ 'a.txt': { command: 'baghdad', url: 'https://example.org/baghdad', date: '2015-10-01' } }),
    );
    const [source] = await loadSources(seedsDir, root);
    expect(source).toMatchObject({
      slug: 'baghdad-weighs-russian',
      command: 'baghdad',
      url: 'https://example.org/baghdad',
      date: '2015-10-01',
      title: 'Baghdad Weighs a Russian Air Campaign',
    });
    expect(source?.passages[1]?.id).toBe('baghdad-weighs-russian:p1');
    await writeFile(join(seedsDir, 'sources.json'), JSON.stringify({ 'a.txt': { command: 'renamed' } }));
    const [renamed] = await loadSources(seedsDir, root);
    expect(renamed?.command).toBe('renamed');
    expect(renamed?.passages.map((passage) => passage.id)).toEqual(source?.passages.map((passage) => passage.id));
  });

  it('fixes the slug, and so the ids, when sources.json gives one', async () => {
    await writeFile(join(seedsDir, 'a.txt'), PLAIN_ARTICLE);
    await writeFile(join(seedsDir, 'sources.json'), JSON.stringify({ 'a.txt': { slug: 'baghdad' } }));
    const [source] = await loadSources(seedsDir, root);
    expect(source).toMatchObject({ slug: 'baghdad', command: 'baghdad' });
    expect(source?.passages.map((passage) => passage.id)).toEqual(['baghdad:h1', 'baghdad:p1', 'baghdad:p2']);
  });

  it('lets each source keep the slug the book recorded: a newcomer with the same title that sorts earlier gets the suffix', async () => {
    await writeFile(join(seedsDir, 'b.txt'), PLAIN_ARTICLE);
    const [incumbent] = await loadSources(seedsDir, root);
    expect(incumbent?.slug).toBe('baghdad-weighs-russian');
    const book = updateSlugBook({}, [incumbent!]);
    await writeFile(join(seedsDir, 'a.txt'), PLAIN_ARTICLE.replace('Monday', 'Tuesday'));
    const sources = await loadSources(seedsDir, root, { slugBook: book });
    expect(sources.map((source) => [source.fileName, source.slug])).toEqual([
      ['a.txt', 'baghdad-weighs-russian-2'],
      ['b.txt', 'baghdad-weighs-russian'],
    ]);
    expect(sources[1]?.passages.map((passage) => passage.id)).toEqual(incumbent?.passages.map((passage) => passage.id));
  });

  it('rejects an invalid sources.json with the reason', async () => {
    await writeFile(join(seedsDir, 'a.txt'), PLAIN_ARTICLE);
    await writeFile(join(seedsDir, 'sources.json'), JSON.stringify({ 'a.txt': { command: 'Not A Command' } }));
    await expect(loadSources(seedsDir, root)).rejects.toThrow(/a\.txt\.command: must match/);
    await writeFile(join(seedsDir, 'sources.json'), JSON.stringify({ 'missing.txt': { slug: 'x' } }));
    await expect(loadSources(seedsDir, root)).rejects.toThrow(MetadataError);
  });
});

describe('parseSource on page shapes the seeds do not have', () => {
  it('drops furniture by its vocabulary, wherever it stands, and keeps readers’ comments after it', () => {
    const page = [
      'Drone Strike Reshapes Iraq Policy',
      '',
      'By Jane Roe | Example Daily',
      'October 12, 2015',
      '',
      'Washington and Baghdad disagreed sharply this week over the future of the coalition.',
      'Share this:',
      'Click to share on Twitter (Opens in new window)',
      '',
      'Officials in both capitals said the talks would continue next month in Amman.',
      '',
      'Buy it on Amazon or at your local bookstore today.',
      '',
      'Related posts',
      '',
      'Another unrelated story about something else entirely',
      '',
      '3 thoughts on “Drone Strike Reshapes Iraq Policy”',
      '',
      '  1. Sam Doe says',
      '    October 13, 2015 at 9:02 am',
      '',
      '    Talks in Amman will not fix a broken alliance, in my view.',
      '',
      '    Reply',
      '',
      'Leave a comment',
      '',
      'Notify me of new comments via email.',
    ].join('\n');
    const source = parseSource('x.txt', page);
    expect(source).toMatchObject({ author: 'Jane Roe', outlet: 'Example Daily', date: 'October 12, 2015', slug: 'example-daily' });
    expect(source.passages.map((passage) => [passage.kind, passage.fact, passage.text])).toEqual([
      ['header', 'title', 'Drone Strike Reshapes Iraq Policy'],
      ['header', 'byline', 'By Jane Roe | Example Daily'],
      ['header', 'date', 'October 12, 2015'],
      ['article', undefined, 'Washington and Baghdad disagreed sharply this week over the future of the coalition.'],
      ['article', undefined, 'Officials in both capitals said the talks would continue next month in Amman.'],
      ['comment', undefined, 'Talks in Amman will not fix a broken alliance, in my view.'],
    ]);
    expect(source.passages[5]).toMatchObject({ commenter: 'Sam Doe', comment: '1', id: 'example-daily:c1p1' });
  });

  it('does not mistake a sentence that starts like furniture for furniture', () => {
    const page = [
      'Coalition Talks',
      '',
      'Recent articles in the Iraqi press suggest the coalition is losing patience with Washington.',
      '',
      'Leave a reply to the ministry, officials told reporters, and it will be answered within a week.',
    ].join('\n');
    expect(parseSource('y.txt', page).passages.map((passage) => [passage.kind, passage.paragraph])).toEqual([
      ['header', 1],
      ['article', 1],
      ['article', 2],
    ]);
  });
});
