// Configuration mistakes end the real CLI at once with the whole list of problems: folders
// included, never a raw errno message, and never a hang on a path under /proc.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (env: Record<string, string>, ...args: string[]) => runCli(args, { EMBEDDING_MODEL: 'offline', DISCORD_TOKEN: '', ...env });

describe('folder configuration', () => {
  it('lists a seeds folder that is a file and an index folder under /proc, with the other problems, and exits 1', async () => {
    const file = join(dir, 'seeds.txt');
    await writeFile(file, 'a file');
    const { code, stderr } = await cli({ SEEDS_DIR: file, EMBEDDINGS_DIR: '/proc/x', COOLDOWN_SECONDS: 'soon' }, 'index');
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration:');
    expect(stderr).toContain(`SEEDS_DIR: ${file} is a file, not a folder`);
    expect(stderr).toContain('EMBEDDINGS_DIR: /proc/x is under /proc');
    expect(stderr).toContain('COOLDOWN_SECONDS:');
    expect(stderr).not.toMatch(/\bE(NOENT|NOTDIR|ACCES|PERM)\b/);
  });

  it('reports a missing seeds folder in words', async () => {
    const missing = join(dir, 'no-such-seeds');
    const { code, stderr } = await cli({ SEEDS_DIR: missing, EMBEDDINGS_DIR: join(dir, 'embeddings') }, 'ask', 'Who is Dunford?');
    expect(code).toBe(1);
    expect(stderr).toContain(`SEEDS_DIR: ${missing} does not exist`);
    expect(stderr).not.toContain('ENOENT');
  });
});
