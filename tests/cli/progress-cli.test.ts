// Progress for a person at a terminal: a status line while the offline model is generated on the
// first run, a bar while passages are embedded, and no empty "0/0" bar when nothing needs
// embedding. Without a terminal, none of it reaches stderr.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliInTerminal } from './run-cli.js';

/** A whole model generation plus a second run, on a machine that may be busy with other tests. */
const GENERATION_TIMEOUT_MS = 300_000;

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'progress-cli-'));
  // A models folder of its own: the first run really generates the offline model.
  env = { EMBEDDING_MODEL: 'offline', MODELS_DIR: join(dir, 'models'), EMBEDDINGS_DIR: join(dir, 'embeddings'), DISCORD_TOKEN: '', LOG_LEVEL: 'warn' };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run index in a terminal', () => {
  it('shows each model generation stage on the first run, then the embedding bar; later runs show no bar at all', async () => {
    const first = await runCliInTerminal(['index'], env);
    expect(first.code).toBe(0);
    for (const stage of ['reading WordNet', 'choosing the vocabulary', 'building the word vectors', 'writing the model files']) {
      expect(first.shown).toContain(`Generating the offline embedding model (first run only): ${stage}…`);
    }
    expect(first.shown).toMatch(/Generated the offline embedding model in \d+ s\./);
    const [, embedded] = /Embedding passages \[[^\]]*\] (\d+)\/\1/.exec(first.shown) ?? [];
    expect(Number(embedded)).toBeGreaterThan(0);
    expect(first.shown).toContain('Index rebuilt');

    const again = await runCliInTerminal(['index'], env);
    expect(again.shown).toContain('Index up to date');
    expect(again.shown).not.toContain('Embedding passages');
    expect(again.shown).not.toContain('0/0');
    expect(again.shown).not.toContain('Generating the offline embedding model');
  }, GENERATION_TIMEOUT_MS);

  it('draws nothing on stderr when it is not a terminal', async () => {
    const piped = await runCli(['index'], env);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('Index up to date');
    expect(piped.stderr).toBe('');
  });
});
