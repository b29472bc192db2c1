// The CLI as users and the eval scorer run it: a real process, the JSON schema of ../shared/eval.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';

const run = promisify(execFile);

const resultSchema = z.object({
  citation: z.string().min(1),
  source: z.string().min(1),
  file: z.string().regex(/^seeds\/.+\.txt$/),
  title: z.string().min(1),
  kind: z.enum(['article', 'comment']),
  paragraph: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string().min(1),
  text: z.string().min(1),
  score: z.number(),
});
const answerSchema = z.object({
  question: z.string(),
  source: z.string().nullable(),
  answered: z.boolean(),
  results: z.array(resultSchema),
});

let embeddingsDir: string;
beforeAll(async () => {
  embeddingsDir = await mkdtemp(join(tmpdir(), 'cli-test-'));
});
afterAll(async () => {
  await rm(embeddingsDir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  return cliWith({}, ...args);
}

function cliWith(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, EMBEDDING_MODEL: 'offline', EMBEDDINGS_DIR: embeddingsDir, LOG_LEVEL: 'warn', DISCORD_TOKEN: '', ...env },
  });
}

describe('ask CLI', () => {
  it('prints the eval JSON schema with an exact quote', async () => {
    const { stdout } = await cli('ask', '--json', 'Who is Valentina Marvienko?');
    const answer = answerSchema.parse(JSON.parse(stdout));
    expect(answer.answered).toBe(true);
    const first = answer.results[0]!;
    expect(first.file).toBe('seeds/004_ec145ac0aa5f8fff.txt');
    expect(readFileSync(fromProjectRoot(first.file), 'utf8').slice(first.start, first.end)).toBe(first.quote);
  });

  it('answers a questions file one JSON line per question, in order, bad lines declined', async () => {
    const file = join(embeddingsDir, 'questions.jsonl');
    const questions = [
      { question: 'Who is Joseph Dunford?' },
      { question: 'Which missile systems?', source: '003_56ad20256a752cea' },
      { question: '' },
      { question: 'What is the recipe for hummus?' },
    ];
    await writeFile(file, questions.map((q) => JSON.stringify(q)).join('\n'));
    const { stdout } = await cli('ask', '--json', '--questions', file);
    const answers = stdout.trim().split('\n').map((line) => answerSchema.parse(JSON.parse(line)));
    expect(answers.map((a) => a.question)).toEqual(questions.map((q) => q.question));
    expect(answers[0]!.answered).toBe(true);
    expect(answers[1]!.results.every((r) => r.file === 'seeds/003_56ad20256a752cea.txt')).toBe(true);
    expect(answers[2]!.answered).toBe(false);
    expect(answers[3]).toMatchObject({ answered: false, results: [] });
  });

  it('prints the answer as the console shows it: plain text, no markdown', async () => {
    const { stdout } = await cli('ask', 'Who is Valentina Marvienko?', '--source', 'iraqi-shiite-militias');
    expect(stdout).toMatch(/^│ .*Valentina Marvienko/m);
    expect(stdout).toMatch(/^\[1\] .* · iraqi-shiite-militias:p\d+(\/s[\d-]+)?$/m);
    expect(stdout).toMatch(/^Show context \[1\]: \/quote iraqi-shiite-militias:p\d+ \d+ \d+$/m);
    expect(stdout).not.toMatch(/\*\*|`|^> |^## /m);
  });

  it('prints no control character, from the question or from a mistyped source', async () => {
    const { stdout } = await cli('ask', 'Who is\u001b[31m Valentina\u0007 Marvienko?');
    expect(stdout).toContain('Who is Valentina Marvienko?');
    const failure = await cli('ask', 'Who?', '--source', 'no\u001b[2Jwhere').catch((e: { stderr: string }) => e);
    expect((failure as { stderr: string }).stderr).toContain('Unknown source "nowhere"');
    expect(`${stdout}${(failure as { stderr: string }).stderr}`).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('gives each result the quoted sentences\' id, and a url opening the page at the quote when the source has one', async () => {
    const seedsDir = join(embeddingsDir, 'seeds-with-url');
    await cp(fromProjectRoot('seeds'), seedsDir, { recursive: true });
    const page = 'https://example.com/iraqi-militias';
    await writeFile(join(seedsDir, 'sources.json'), JSON.stringify({ '004_ec145ac0aa5f8fff.txt': { url: page } }));
    const env = { SEEDS_DIR: seedsDir, EMBEDDINGS_DIR: join(embeddingsDir, 'index-with-url') };
    const { stdout } = await cliWith(env, 'ask', '--json', '-k', '5', 'Why do Iraqi Shiite militias want Russian air strikes?');
    const results = (JSON.parse(stdout) as { results: { file: string; citation: string; quoteCitation: string; url?: string }[] }).results;
    expect(results.some((r) => r.file.endsWith('004_ec145ac0aa5f8fff.txt'))).toBe(true);
    for (const result of results) {
      expect(result.quoteCitation.startsWith(`${result.citation}/s`)).toBe(true);
      if (result.file.endsWith('004_ec145ac0aa5f8fff.txt')) expect(result.url?.startsWith(`${page}#:~:text=`)).toBe(true);
      else expect(result.url).toBeUndefined();
    }
  });

  it('exits non-zero with a plain message for an unknown source', async () => {
    const failure = await cli('ask', 'Who is Dunford?', '--source', 'nowhere').catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('Unknown source "nowhere"');
  });

  it('shows how to ask when no question is given, without opening the engine', async () => {
    const failure = await cliWith({ EMBEDDINGS_DIR: join(embeddingsDir, 'never-made') }, 'ask').catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toContain('no question given');
    expect(stderr).toContain('Usage: cited-sources-bot ask [options] [question...]');
    await expect(stat(join(embeddingsDir, 'never-made'))).rejects.toThrow(/ENOENT/);
  });
});
