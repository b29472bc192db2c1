// README.md is the user's manual: every `npm run <script>` it tells people to type must exist.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('npm scripts named in README.md', () => {
  const named = [...new Set([...readme.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!))];

  it('finds the commands the README documents', () => {
    expect(named).toEqual(expect.arrayContaining(['ask', 'eval', 'calibrate', 'bench', 'index']));
  });

  it.each(named)('npm run %s is defined in package.json', (name) => {
    expect(scripts[name]).toMatch(/\S/);
  });
});
