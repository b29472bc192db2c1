// A command that opens the engine starts reading the embedded index before importing the engine:
// with an index large enough for a worker, its lexical index is loading by then; with Postgres there
// is nothing to read ahead.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIndexAhead } from '../../src/cli/context.js';
import { parseConfig } from '../../src/config/config.js';
import { buildOrUpdateIndex } from '../../src/index/build.js';
import { createLogger } from '../../src/log/logger.js';
import type { Embedder } from '../../src/embedding/types.js';
import { offlineEmbedder, seedSources } from '../index/setup.js';

let embedder: Embedder;
let dir: string;

beforeAll(async () => {
  embedder = await offlineEmbedder();
  dir = await mkdtemp(join(tmpdir(), 'read-ahead-'));
  await buildOrUpdateIndex({ dir, sources: await seedSources(), embedder });
});
afterAll(async () => {
  await embedder.dispose();
  await rm(dir, { recursive: true, force: true });
});

const logger = createLogger('silent');

describe('readIndexAhead', () => {
  it('starts nothing for a Postgres store', () => {
    const context = { config: parseConfig({ EMBEDDINGS_DIR: dir, DATABASE_URL: 'postgres://127.0.0.1:1/none' }), logger };
    expect(readIndexAhead(context).takeEarlyLexical).toBeUndefined();
  });

  it('reads the embedded index’s manifest, and leaves an index too small for a worker to the build', async () => {
    const ahead = readIndexAhead({ config: parseConfig({ EMBEDDINGS_DIR: dir }), logger });
    const early = ahead.takeEarlyLexical?.();
    expect(early).toBeInstanceOf(Promise);
    expect(await early).toBeUndefined();
    // Taken by the first engine opened; a second one reads its own.
    expect(ahead.takeEarlyLexical?.()).toBeUndefined();
  });
});
