// Sources that change while the engine runs: a changed file is never quoted from, the watcher re-reads
// it within moments, and citation ids stay with their sources across restarts.
import { copyFile, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../src/config/paths.js';
import { SourceChangedError } from '../../src/engine/errors.js';
import type { LiveEngine, SourcesChange } from '../../src/engine/live-engine.js';
import { openEngine, PARSE_CACHE_FILE } from '../../src/engine/open.js';
import { createLogger } from '../../src/log/logger.js';
import { createResponder } from '../../src/replies/responder.js';

const MARVIENKO = '004_ec145ac0aa5f8fff.txt';
const QUESTION = 'Who is Valentina Marvienko?';

let root: string;
let seedsDir: string;
let embeddingsDir: string;
let engine: LiveEngine | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'live-sources-'));
  seedsDir = join(root, 'seeds');
  embeddingsDir = join(root, 'embeddings');
  await mkdir(seedsDir);
  for (const name of ['001_e53c0ad875243b71.txt', MARVIENKO]) await copyFile(fromProjectRoot(join('seeds', name)), join(seedsDir, name));
});

afterEach(async () => {
  await engine?.close();
  engine = undefined;
  await rm(root, { recursive: true, force: true });
});

async function open(watch: boolean): Promise<LiveEngine> {
  const opened = await openEngine({
    projectRoot: root,
    seedsDir,
    embeddingsDir,
    modelsDir: fromProjectRoot('.models'),
    model: 'offline',
    logger: createLogger('silent'),
    watch,
  });
  engine = opened.engine;
  return opened.engine;
}

function nextChange(live: LiveEngine): Promise<SourcesChange> {
  return new Promise((resolve) => {
    const stop = live.onSourcesChanged((change) => {
      stop();
      resolve(change);
    });
  });
}

const fileText = (file: string): Promise<string> => readFile(join(root, file), 'utf8');

describe('a source edited while the engine runs', () => {
  it('is never quoted from as it was, and is answered from as it is once re-read', async () => {
    const live = await open(true);
    const before = await live.ask(QUESTION);
    expect(before.results[0]?.quote).toContain('Valentina Marvienko');

    const changed = nextChange(live);
    const path = join(seedsDir, MARVIENKO);
    const edited = (await readFile(path, 'utf8')).replace('Valentina Marvienko, was quick to declare', 'Valentina Marvienko, was slow to declare');
    await writeFile(path, edited);
    // Asked before the watcher has re-read the file: nothing from the old text is quoted.
    const during = await live.ask(QUESTION).catch((error: unknown) => error);
    if (during instanceof Error) expect(during).toBeInstanceOf(SourceChangedError);
    else for (const result of (during as typeof before).results) expect(result.file).not.toBe(`seeds/${MARVIENKO}`);

    const change = await changed;
    expect(change.listChanged).toBe(false);
    const after = await live.ask(QUESTION);
    const first = after.results[0]!;
    expect(first.quote).toContain('was slow to declare');
    expect((await fileText(first.file)).slice(first.start, first.end)).toBe(first.quote);
  });

  it('an old "Show context" button says the paragraph changed instead of marking stale offsets', async () => {
    const live = await open(true);
    const responder = createResponder(live, () => new Map(), 3);
    const { answer } = await responder.ask({ question: QUESTION });
    const cited = answer.results[0]!;
    const changed = nextChange(live);
    const path = join(seedsDir, MARVIENKO);
    await writeFile(path, (await readFile(path, 'utf8')).replace('In fact, the president of the Russian upper house', 'Indeed the head of the Russian upper house'));
    await changed;

    const { passageFingerprint } = await import('../../src/citations/fingerprint.js');
    const { reply, found } = await responder.quote({
      citation: cited.citation,
      quoted: { start: cited.start, end: cited.end },
      fingerprint: passageFingerprint(cited.text),
    });
    expect(found).toBe(true);
    const description = reply.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/changed since the answer quoted it/);
    expect(description).toContain('Indeed the head of the Russian upper house');
    // The cited paragraph: the blockquoted lines under its label.
    const paragraph = description.split('\n').filter((line) => line.startsWith('>')).join('\n');
    expect(paragraph).toContain('Indeed the head of the Russian upper house');
    expect(paragraph).not.toMatch(/(?<!\\)\*\*/);
  });

  it('a deleted source is not quoted from, and leaves the list once re-read', async () => {
    const live = await open(true);
    expect(live.listSources()).toHaveLength(2);
    const changed = nextChange(live);
    await unlink(join(seedsDir, MARVIENKO));
    const during = await live.ask(QUESTION).catch((error: unknown) => error as Error);
    if (!(during instanceof Error)) for (const result of during.results) expect(result.file).not.toBe(`seeds/${MARVIENKO}`);
    const change = await changed;
    expect(change.listChanged).toBe(true);
    expect(live.listSources().map((source) => source.file)).toEqual(['seeds/001_e53c0ad875243b71.txt']);
  });

  it('a source added to the folder is answered from once re-read', async () => {
    const live = await open(true);
    const changed = nextChange(live);
    await copyFile(fromProjectRoot('seeds/003_56ad20256a752cea.txt'), join(seedsDir, '003_56ad20256a752cea.txt'));
    const change = await changed;
    expect(change.listChanged).toBe(true);
    expect(change.stats.files.added).toEqual(['seeds/003_56ad20256a752cea.txt']);
    const answer = await live.ask('S-400 or S-300 missile systems');
    expect(answer.results[0]?.file).toBe('seeds/003_56ad20256a752cea.txt');
  });

  it('without watching, a changed file is still never quoted from', async () => {
    const live = await open(false);
    const path = join(seedsDir, MARVIENKO);
    await writeFile(path, (await readFile(path, 'utf8')).replace('Marvienko', 'Matvienko'));
    const during = await live.ask(QUESTION).catch((error: unknown) => error as Error);
    if (!(during instanceof Error)) for (const result of during.results) expect(result.file).not.toBe(`seeds/${MARVIENKO}`);
    const cited = (await live.ask('Shiite militias visited Moscow to seek Russian airstrikes')).results[0]!;
    expect(cited.file).toBe('seeds/001_e53c0ad875243b71.txt');
  });
});

describe('sources across restarts', () => {
  it('are parsed once and kept beside the index, and a file edited between two starts is read as it now is', async () => {
    const first = await open(false);
    expect((await first.ask(QUESTION)).results[0]?.text).toContain('Valentina Marvienko');
    await first.close();
    engine = undefined;
    const cached = await readFile(join(embeddingsDir, PARSE_CACHE_FILE), 'utf8');
    expect(cached.trim().split('\n')).toHaveLength(1 + 2);

    const edited = (await fileText(`seeds/${MARVIENKO}`)).replace('Valentina Marvienko', 'Valentina Matvienko');
    await writeFile(join(seedsDir, MARVIENKO), edited);
    const second = await open(false);
    const [best] = (await second.ask('Who is Valentina Matvienko?')).results;
    expect(best?.text).toContain('Valentina Matvienko');
    expect(edited.slice(best!.start, best!.end)).toBe(best!.quote);
  });
});

describe('citation ids across restarts', () => {
  it('stay with their source when a newcomer with the same title sorts before it', async () => {
    const first = await open(false);
    const original = (await first.ask(QUESTION)).results[0]!;
    await first.close();
    engine = undefined;

    // Same page (same title, same derived slug) saved again under a name that sorts first, and edited.
    const copy = (await readFile(join(seedsDir, MARVIENKO), 'utf8')).replace('Valentina Marvienko', 'Valentina Matvienko');
    await writeFile(join(seedsDir, '000_copy.txt'), copy);
    const second = await open(false);
    const slugs = second.listSources().map((source) => [source.file, source.slug]);
    expect(slugs).toContainEqual([`seeds/${MARVIENKO}`, original.source]);
    expect(slugs).toContainEqual(['seeds/000_copy.txt', `${original.source}-2`]);
    const context = await second.context(original.citation);
    expect(context?.source.file).toBe(`seeds/${MARVIENKO}`);
    expect(context?.passage.text).toBe(original.text);
  });

  it('of a removed source stay unknown rather than opening another page', async () => {
    const first = await open(false);
    const original = (await first.ask(QUESTION)).results[0]!;
    await first.close();
    engine = undefined;

    await unlink(join(seedsDir, MARVIENKO));
    const other = (await readFile(fromProjectRoot(join('seeds', MARVIENKO)), 'utf8')).replace('Marvienko', 'Matvienko');
    await writeFile(join(seedsDir, '009_other.txt'), other);
    const second = await open(false);
    expect(second.listSources().find((source) => source.file === 'seeds/009_other.txt')?.slug).toBe(`${original.source}-2`);
    expect(await second.context(original.citation)).toBeUndefined();
  });
});
