// `npm run eval`: every question set (../shared/eval and the held-out sets) through the same path as
// `ask --questions`, each scored by ../shared/eval/score.mjs, one line of figures per set. With
// --questions, that one file and the scorer's full output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EVERY_SET, type QuestionSet } from '../calibration/question-sets.js';
import { fromProjectRoot } from '../config/paths.js';
import type { Engine } from '../engine/types.js';
import { runAsk } from './ask.js';
import type { CliContext } from './context.js';
import { openEngineWithProgress } from './open-with-progress.js';
import { collect } from './collect-stream.js';

const SCORER = fromProjectRoot('../shared/eval/score.mjs');

interface ScorerFigures {
  hit_at_1: number | null;
  hit_at_3: number | null;
  mrr_at_5: number | null;
  abstain_correct: number | null;
  false_abstain: number | null;
  citations_exact: number | null;
  boilerplate_results: number;
}

export async function runEval(context: CliContext, options: { questions?: string; model?: string }): Promise<number> {
  const sets: QuestionSet[] = options.questions ? [{ label: options.questions, path: options.questions, tunable: false }] : [...EVERY_SET];
  const { engine } = await openEngineWithProgress(context, { model: options.model });
  const dir = await mkdtemp(join(tmpdir(), 'eval-'));
  try {
    const seeds = resolve(fromProjectRoot(context.config.SEEDS_DIR));
    console.log(`model ${engine.modelId}, ${engine.passageCount} passages`);
    if (options.questions) {
      const answers = await answersFile(engine, fromProjectRoot(options.questions), dir);
      return spawnSync(process.execPath, [SCORER, fromProjectRoot(options.questions), answers, seeds], { stdio: 'inherit' }).status ?? 1;
    }
    console.log(`${'set'.padEnd(30)}${['hit@1', 'hit@3', 'mrr@5', 'declined', 'false decl.', 'exact', 'boilerplate'].map((h) => h.padStart(12)).join('')}`);
    for (const set of sets) {
      const questions = fromProjectRoot(set.path);
      if (!existsSync(questions)) {
        console.log(`${set.label.padEnd(30)}  (not found: ${set.path})`);
        continue;
      }
      const answers = await answersFile(engine, questions, dir);
      const run = spawnSync(process.execPath, [SCORER, questions, answers, seeds, '--json'], { encoding: 'utf8' });
      if (run.status !== 0) {
        process.stderr.write(run.stderr);
        return run.status ?? 1;
      }
      const { figures } = JSON.parse(run.stdout) as { figures: ScorerFigures };
      const pct = (x: number | null): string => (x === null ? '-' : `${x.toFixed(1)} %`);
      const cells = [pct(figures.hit_at_1), pct(figures.hit_at_3), figures.mrr_at_5?.toFixed(3) ?? '-', pct(figures.abstain_correct), pct(figures.false_abstain), pct(figures.citations_exact), String(figures.boilerplate_results)];
      console.log(`${set.label.padEnd(30)}${cells.map((c) => c.padStart(12)).join('')}`);
    }
    return 0;
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Answers every question of the file as `ask --json --questions` does; returns the answers file. */
async function answersFile(engine: Engine, questions: string, dir: string): Promise<string> {
  const answers = collect();
  await runAsk(engine, undefined, { questions }, answers.stream);
  const file = join(dir, `answers-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  await writeFile(file, answers.text());
  return file;
}
