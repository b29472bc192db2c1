// README.md is the user's manual: every `npm run <script>` it tells people to type must exist, and
// a command whose output is JSON must print JSON alone, as README shows it.
import { exec } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('npm scripts named in README.md', () => {
  // Flags between `npm run` and the script name (-s) are npm's own.
  const named = [...new Set([...readme.matchAll(/npm run(?: -[\w-]+)* ([\w:][\w:-]*)/g)].map((match) => match[1]!))];

  it('finds the commands the README documents', () => {
    expect(named).toEqual(expect.arrayContaining(['ask', 'eval', 'calibrate', 'bench', 'index']));
  });

  it.each(named)('npm run %s is defined in package.json', (name) => {
    expect(scripts[name]).toMatch(/\S/);
  });
});

describe('README commands that print JSON', () => {
  const jsonCommands = readme.split('\n').filter((line) => /^npm run\b.*--json/.test(line));

  it('are all run silently (npm run -s), so npm\'s banner does not come before the JSON', () => {
    expect(jsonCommands.length).toBeGreaterThan(0);
    for (const line of jsonCommands) expect(line).toMatch(/^npm run (-s|--silent) /);
  });

  it('print JSON alone, run exactly as README shows them', async () => {
    const line = jsonCommands.find((command) => command.includes('"Who is Valentina Marvienko?"'))!;
    const embeddingsDir = await mkdtemp(join(tmpdir(), 'readme-json-'));
    try {
      const { stdout } = await promisify(exec)(line, {
        cwd: projectRoot,
        env: { ...process.env, EMBEDDING_MODEL: 'offline', EMBEDDINGS_DIR: embeddingsDir, DISCORD_TOKEN: '', LOG_LEVEL: 'warn' },
      });
      expect(JSON.parse(stdout)).toMatchObject({ question: 'Who is Valentina Marvienko?', answered: true });
    } finally {
      await rm(embeddingsDir, { recursive: true, force: true });
    }
  });
});
