// `npm run calibrate`: fusion variants and abstention thresholds measured on the held-out questions,
// then the figures of every question set with the shipped settings.
import { existsSync } from 'node:fs';
import { measureQuestions, rankingFigures, thresholdFigures } from '../calibration/calibrate.js';
import { setFigures } from '../calibration/figures.js';
import type { LabelledQuestion } from '../calibration/gold.js';
import { readLabelledQuestions } from '../calibration/labelled-file.js';
import { EVERY_SET, HELD_OUT_SETS } from '../calibration/question-sets.js';
import { fromProjectRoot } from '../config/paths.js';
import type { Engine } from '../engine/types.js';
import { SEARCH_SETTINGS } from '../engine/settings.js';
import type { FusionOptions } from '../search/fuse.js';
import type { CliContext } from './context.js';
import { openEngineWithProgress } from './open-with-progress.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export async function runCalibrate(context: CliContext, options: { questions?: string[] }): Promise<number> {
  const files = options.questions ?? HELD_OUT_SETS.map((set) => set.path);
  const questions = (await Promise.all(files.map((file) => readLabelledQuestions(fromProjectRoot(file))))).flat();
  const { engine, parts } = await openEngineWithProgress(context);
  try {
    const measured = await measureQuestions(parts, SEARCH_SETTINGS, questions);
    console.log(`model ${engine.modelId}; dense scale floor ${parts.search.denseScale.floor.toFixed(3)}, unit ${parts.search.denseScale.unit.toFixed(3)}`);
    console.log(`${questions.length} questions from ${files.join(', ')}\n`);
    console.log('fusion                          hit@1   hit@3   mrr@5');
    const base = SEARCH_SETTINGS.fusion;
    const variants: Array<[string, FusionOptions]> = [];
    for (const commentFactor of [1, 0.97, 0.9, 0.8]) {
      variants.push([`rrf k=60 comments×${commentFactor}`, { ...base, method: 'rrf', commentFactor }]);
      for (const denseWeight of [0, 0.2, 0.3, 0.4, 0.5, 0.7, 1]) {
        variants.push([`weighted dense=${denseWeight} comments×${commentFactor}`, { ...base, method: 'weighted', denseWeight, commentFactor }]);
      }
    }
    const everyResult = { ...SEARCH_SETTINGS, minRelativeScore: 0 };
    for (const [label, fusion] of variants) {
      const f = await rankingFigures(parts, { ...everyResult, fusion }, measured, label);
      console.log(`${label.padEnd(32)}${pct(f.hitAt1).padStart(6)}  ${pct(f.hitAt3).padStart(6)}  ${f.mrrAt5.toFixed(3)}`);
    }
    console.log('\ntail cut (results below this share of the best left out)   hit@3   results of 5');
    for (const minRelativeScore of [0, 0.2, 0.3, 0.4, 0.5]) {
      const f = await rankingFigures(parts, { ...SEARCH_SETTINGS, minRelativeScore }, measured, `${minRelativeScore}`);
      console.log(`  ${f.label.padEnd(58)}${pct(f.hitAt3).padStart(6)}   ${f.meanResults.toFixed(2)}`);
    }
    console.log('\nabstention: dense weight, threshold, unanswerable declined, answerable declined, margin');
    for (const t of thresholdFigures(measured)) {
      console.log(`  w=${t.denseWeight.toFixed(2)}  min=${t.minScore.toFixed(3)}  declined ${pct(t.declined).padStart(6)}  false ${pct(t.falseDeclines).padStart(6)}  margin ${t.margin}`);
    }
    console.log('\nshipped settings, every set            hit@1   hit@3   mrr@5  declined  false decl.');
    for (const set of EVERY_SET) {
      if (!existsSync(fromProjectRoot(set.path))) continue;
      const f = setFigures(...(await answerSet(engine, await readLabelledQuestions(fromProjectRoot(set.path)))));
      console.log(`  ${set.label.padEnd(36)}${pct(f.hitAt1).padStart(6)}  ${pct(f.hitAt3).padStart(6)}  ${f.mrrAt5.toFixed(3)}  ${pct(f.declined).padStart(8)}  ${pct(f.falseDeclines).padStart(11)}`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}

async function answerSet(engine: Engine, questions: LabelledQuestion[]): Promise<Parameters<typeof setFigures>> {
  const answers = [];
  for (const q of questions) answers.push(await engine.ask(q.question, { source: q.source, k: 5 }));
  return [questions, answers];
}
