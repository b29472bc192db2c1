// `npm run eval`: the shared questions through the same path as `ask --questions`, then the scorer.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fromProjectRoot } from '../config/paths.js';
import { runAsk } from './ask.js';
import { openEngineWithProgress, type CliContext } from './context.js';
import { collect } from './collect-stream.js';

export async function runEval(context: CliContext, options: { questions: string; model?: string }): Promise<number> {
  const questions = fromProjectRoot(options.questions);
  const scorer = join(dirname(questions), 'score.mjs');
  const { engine } = await openEngineWithProgress(context, { model: options.model });
  const answers = collect();
  try {
    await runAsk(engine, undefined, { questions }, answers.stream);
  } finally {
    await engine.close();
  }
  const dir = await mkdtemp(join(tmpdir(), 'eval-'));
  try {
    const file = join(dir, 'answers.jsonl');
    await writeFile(file, answers.text());
    console.log(`model ${engine.modelId}, ${engine.passageCount} passages`);
    const run = spawnSync(process.execPath, [scorer, questions, file, resolve(fromProjectRoot(context.config.SEEDS_DIR))], { stdio: 'inherit' });
    return run.status ?? 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
