// Source files in the encodings pages are really saved in, and files that are not text at all.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSources, type SkippedFile } from '../../src/sources/load.js';
import { readSourceText } from '../../src/sources/read-text.js';

const PAGE = [
  'Paris Talks on the Iraqi Airspace',
  '',
  'By Hélène Dupré',
  '',
  'Hélène Dupré reports that the café near the ministry was full of officials discussing the Russian offer.',
  '',
  'The délégation left without a communiqué, but both sides called the meeting a first step.',
  '',
].join('\n');

/** Windows-1252 puts typographic quotes and dashes in 0x80–0x9F, where Latin-1 has control codes. */
const CP1252_PAGE = Buffer.concat([
  Buffer.from('Quotes and Dashes\n\nThe minister said ', 'latin1'),
  Buffer.from([0x93]),
  Buffer.from('we will not wait', 'latin1'),
  Buffer.from([0x94, 0x20, 0x97, 0x20]),
  Buffer.from('and the Iraqi delegation', 'latin1'),
  Buffer.from([0x92]),
  Buffer.from('s answer came a week later', 'latin1'),
  Buffer.from([0x85]),
  Buffer.from('\n', 'latin1'),
]);
const CP1252_TEXT = 'Quotes and Dashes\n\nThe minister said “we will not wait” — and the Iraqi delegation’s answer came a week later…\n';

let root: string;
let seedsDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'encodings-'));
  seedsDir = join(root, 'seeds');
  await mkdir(seedsDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function read(name: string, bytes: Buffer): Promise<Awaited<ReturnType<typeof readSourceText>>> {
  await writeFile(join(seedsDir, name), bytes);
  return readSourceText(join(seedsDir, name));
}

describe('readSourceText', () => {
  it('reads UTF-8 as it is, and drops a UTF-8 byte-order mark', async () => {
    expect(await read('plain.txt', Buffer.from(PAGE, 'utf8'))).toEqual({ text: PAGE, encoding: 'utf-8' });
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE, 'utf8')]);
    expect(await read('marked.txt', marked)).toEqual({ text: PAGE, encoding: 'utf-8' });
  });

  it('detects Latin-1 when the bytes are not UTF-8', async () => {
    expect(await read('latin1.txt', Buffer.from(PAGE, 'latin1'))).toEqual({ text: PAGE, encoding: 'iso-8859-1' });
  });

  it('detects Windows-1252 by its quotes and dashes', async () => {
    expect(await read('cp1252.txt', CP1252_PAGE)).toEqual({ text: CP1252_TEXT, encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian', async () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE, 'utf16le')]);
    expect(await read('utf16le.txt', little)).toEqual({ text: PAGE, encoding: 'utf-16le' });
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(PAGE, 'utf16le').swap16()]);
    expect(await read('utf16be.txt', big)).toEqual({ text: PAGE, encoding: 'utf-16be' });
  });

  it('reads a page in a one-byte Cyrillic charset as text, though its high bytes look binary byte by byte', async () => {
    const russian = 'Ирак и Россия готовятся укрепить военные связи.\n\nМинистерство обороны Ирака сообщило об этом в четверг.\n';
    expect(await read('cp1251.txt', iconv.encode(russian, 'windows-1251'))).toEqual({ text: russian, encoding: 'windows-1251' });
  });

  it('does not read binary files as text', async () => {
    expect(await read('archive.txt', gzipSync(Buffer.from(PAGE.repeat(20))))).toEqual({ skip: 'it is a binary file, not text' });
    const withNul = Buffer.concat([Buffer.from('ELF header\n'), Buffer.alloc(64), Buffer.from('more\n')]);
    expect(await read('nul.txt', withNul)).toEqual({ skip: 'it is a binary file, not text' });
  });

  it('says why a file cannot be read', async () => {
    expect(await readSourceText(join(seedsDir, 'missing.txt'))).toEqual({ skip: expect.stringMatching(/^cannot be read \(ENOENT/) });
  });
});

describe('loadSources with other encodings', () => {
  it('quotes a Latin-1 page exactly in its decoded text and records the encoding', async () => {
    await writeFile(join(seedsDir, 'latin1.txt'), Buffer.from(PAGE, 'latin1'));
    const [source] = await loadSources(seedsDir, root);
    expect(source).toMatchObject({ encoding: 'iso-8859-1', author: 'Hélène Dupré', text: PAGE });
    const passage = source?.passages.find((candidate) => candidate.text.includes('café'));
    expect(passage?.text).toMatch(/^Hélène Dupré reports that the café/);
    for (const each of source?.passages ?? []) expect(source?.text.slice(each.start, each.end)).toBe(each.text);
    // The verbatim gate re-reads the file through the same function and finds the same text.
    expect(await readSourceText(join(seedsDir, 'latin1.txt'))).toEqual({ text: source?.text, encoding: 'iso-8859-1' });
  });

  it('skips a binary file with one warning and loads the rest', async () => {
    await writeFile(join(seedsDir, 'a.txt'), PAGE);
    await writeFile(join(seedsDir, 'b.txt'), gzipSync(Buffer.from(PAGE.repeat(20))));
    const skipped: SkippedFile[] = [];
    const sources = await loadSources(seedsDir, root, { onSkip: (file) => skipped.push(file) });
    expect(sources.map((source) => [source.fileName, source.encoding])).toEqual([['a.txt', 'utf-8']]);
    expect(skipped).toEqual([{ file: 'seeds/b.txt', reason: 'it is a binary file, not text' }]);
  });
});
