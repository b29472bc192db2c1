// The configured folders are checked at start and reported with the other configuration problems:
// never a raw errno message, never a hang on a path under /proc or /sys.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';

let dir: string;
let usable: Record<string, string>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'config-folders-'));
  mkdirSync(join(dir, 'seeds'));
  writeFileSync(join(dir, 'a-file'), 'not a folder');
  usable = { SEEDS_DIR: join(dir, 'seeds'), EMBEDDINGS_DIR: join(dir, 'embeddings'), MODELS_DIR: join(dir, 'models') };
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The report's lines, or [] when the configuration is accepted. */
function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env, { checkFolders: true });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n').slice(1);
  }
}

describe('folder checks', () => {
  it('accepts existing seeds and index and model folders that can be created', () => {
    expect(problems(usable)).toEqual([]);
    expect(problems({ ...usable, EMBEDDINGS_DIR: join(dir, 'not', 'yet', 'there') })).toEqual([]);
  });

  it('reports a missing SEEDS_DIR, one that is a file, and a link to nothing, without errno codes', () => {
    const missing = join(dir, 'no-seeds');
    const link = join(dir, 'dangling');
    symlinkSync(join(dir, 'gone'), link);
    expect(problems({ ...usable, SEEDS_DIR: missing })).toEqual([`  SEEDS_DIR: ${missing} does not exist`]);
    expect(problems({ ...usable, SEEDS_DIR: join(dir, 'a-file') })).toEqual([`  SEEDS_DIR: ${join(dir, 'a-file')} is a file, not a folder`]);
    expect(problems({ ...usable, SEEDS_DIR: link })).toEqual([`  SEEDS_DIR: ${link} is a link to something that does not exist`]);
  });

  it('reports index and model folders that are files or cannot be created', () => {
    const underFile = join(dir, 'a-file', 'models');
    const lines = problems({ ...usable, EMBEDDINGS_DIR: join(dir, 'a-file'), MODELS_DIR: underFile });
    expect(lines).toEqual([
      `  EMBEDDINGS_DIR: ${join(dir, 'a-file')} is a file, not a folder`,
      `  MODELS_DIR: ${underFile} cannot be created: ${join(dir, 'a-file')} is a file, not a folder`,
    ]);
  });

  it('refuses /proc and /sys, also through a symbolic link, for every folder', () => {
    const link = join(dir, 'kernel');
    symlinkSync('/proc/self', link);
    const lines = problems({ SEEDS_DIR: '/sys/kernel', EMBEDDINGS_DIR: '/proc/x', MODELS_DIR: join(link, 'models') });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ {2}SEEDS_DIR: \/sys\/kernel is under \/sys/);
    expect(lines[1]).toMatch(/^ {2}EMBEDDINGS_DIR: \/proc\/x is under \/proc/);
    expect(lines[2]).toMatch(/^ {2}MODELS_DIR: .*kernel\/models is under \/proc/);
  });

  it('lists folder problems in the same report as the other variables', () => {
    const lines = problems({ ...usable, SEEDS_DIR: join(dir, 'no-seeds'), RESULTS_PER_ANSWER: '9', EMBEDDINGS_DIR: '/proc/x' });
    expect(lines.map((line) => line.trim().split(':')[0])).toEqual(['RESULTS_PER_ANSWER', 'SEEDS_DIR', 'EMBEDDINGS_DIR']);
  });

  it('leaves folders alone unless asked (tests and tools pass their own)', () => {
    expect(parseConfig({ SEEDS_DIR: join(dir, 'no-seeds') }).SEEDS_DIR).toBe(join(dir, 'no-seeds'));
  });
});
