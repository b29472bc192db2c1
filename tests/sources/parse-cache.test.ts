// Sources parsed at one start are reused at the next while nothing that decides the parse changed:
// the same Sources as parsing afresh, a changed file parsed again, and a cache that is damaged,
// altered or from another parser never used.
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/sources/load.js';
import { ParseCache } from '../../src/sources/parse-cache.js';
import { scratchProject, type ScratchProject } from '../index/setup.js';

let project: ScratchProject;
let cachePath: string;

beforeEach(async () => {
  project = await scratchProject();
  cachePath = join(project.root, 'embeddings', 'parsed-sources.jsonl');
});
afterEach(() => project.remove());

/** Loads the scratch seeds through a cache opened from the file, as a start does. */
async function loadWithCache() {
  const cache = await ParseCache.open(cachePath);
  const sources = await loadSources(project.seedsDir, project.root, { parseCache: cache, onSkip: () => {} });
  return { sources, counts: cache.counts };
}

const cacheLines = async () => (await readFile(cachePath, 'utf8')).trim().split('\n');

describe('parse cache', () => {
  it('gives back at the next start the very Sources a fresh parse gives, parsing nothing', async () => {
    const first = await loadWithCache();
    expect(first.counts).toEqual({ parsed: 5, reused: 0 });
    const second = await loadWithCache();
    expect(second.counts).toEqual({ parsed: 0, reused: 5 });
    expect(second.sources).toEqual(await project.sources());
  });

  it('parses again only the file that changed, and keeps entries for the files there are', async () => {
    await loadWithCache();
    await appendFile(join(project.seedsDir, '001_e53c0ad875243b71.txt'), '\nA paragraph added since the last start, about Valentina Matvienko and the Duma.\n');
    await rm(join(project.seedsDir, '004_ec145ac0aa5f8fff.txt'));
    const { sources, counts } = await loadWithCache();
    expect(counts).toEqual({ parsed: 1, reused: 3 });
    expect(sources).toEqual(await project.sources());
    expect(await cacheLines()).toHaveLength(1 + 4);
  });

  it('parses again a file whose sources.json entry changed', async () => {
    await loadWithCache();
    await writeFile(join(project.seedsDir, 'sources.json'), JSON.stringify({ '002_586c2cfb64da63a0.txt': { command: 'wsj-post' } }));
    const { sources, counts } = await loadWithCache();
    expect(counts).toEqual({ parsed: 1, reused: 4 });
    expect(sources.find((source) => source.fileName === '002_586c2cfb64da63a0.txt')?.command).toBe('wsj-post');
  });

  it('is not used when written by another parser', async () => {
    await loadWithCache();
    const [header, ...entries] = await cacheLines();
    await writeFile(cachePath, [JSON.stringify({ ...JSON.parse(header!), parser: 'another parser' }), ...entries].join('\n'));
    expect((await loadWithCache()).counts).toEqual({ parsed: 5, reused: 0 });
  });

  it('is not used when damaged, and is written anew', async () => {
    await loadWithCache();
    await writeFile(cachePath, '{"format": 1, "parser": ');
    const { sources, counts } = await loadWithCache();
    expect(counts).toEqual({ parsed: 5, reused: 0 });
    expect(sources).toEqual(await project.sources());
    expect((await loadWithCache()).counts).toEqual({ parsed: 0, reused: 5 });
  });

  it('is not used where it holds valid JSON of the wrong shape', async () => {
    await loadWithCache();
    const [header, ...entries] = await cacheLines();
    const broken = entries.map((line) => JSON.stringify({ ...JSON.parse(line), source: { ...JSON.parse(line).source, passages: [null] } }));
    await writeFile(cachePath, [header, ...broken].join('\n'));
    const { sources, counts } = await loadWithCache();
    expect(counts).toEqual({ parsed: 5, reused: 0 });
    expect(sources).toEqual(await project.sources());
  });

  it('never yields a passage that is not the file’s text at its offsets, whatever the cache says', async () => {
    await loadWithCache();
    const [header, ...entries] = await cacheLines();
    const altered = entries.map((line) => {
      const entry = JSON.parse(line);
      entry.source.passages[3].start += 1;
      return JSON.stringify(entry);
    });
    await writeFile(cachePath, [header, ...altered].join('\n'));
    const { sources, counts } = await loadWithCache();
    expect(counts).toEqual({ parsed: 5, reused: 0 });
    for (const source of sources) for (const passage of source.passages) expect(source.text.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('only costs a parse when its folder cannot be written', async () => {
    await writeFile(join(project.root, 'not-a-folder'), '');
    const cache = await ParseCache.open(join(project.root, 'not-a-folder', 'parsed-sources.jsonl'));
    const sources = await loadSources(project.seedsDir, project.root, { parseCache: cache, onSkip: () => {} });
    expect(sources).toEqual(await project.sources());
  });
});
