// The held-out questions (written from the seeds alone, never from ../shared/eval) through the real
// engine: the WordNet offline model must not rank worse than the plain one, and every answer must
// hold up as a citation.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldRank, type LabelledQuestion } from '../../src/calibration/gold.js';
import { readLabelledQuestions } from '../../src/calibration/labelled-file.js';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { generateOfflineModel } from '../../src/embedding/offline/generate-offline-model.js';
import type { Answer } from '../../src/answer/types.js';
import { openEngine } from '../../src/engine/open.js';
import { createLogger } from '../../src/log/logger.js';

interface Run {
  answers: Answer[];
  mrr: number;
  hitAt3: number;
}

let questions: LabelledQuestion[];
let scratch: string;
let wordnet: Run;
let plain: Run;

async function run(modelsDir: string): Promise<Run> {
  const { engine } = await openEngine({
    projectRoot,
    seedsDir: fromProjectRoot('seeds'),
    embeddingsDir: await mkdtemp(join(scratch, 'index-')),
    modelsDir,
    model: 'offline',
    logger: createLogger('silent'),
  });
  try {
    const answers: Answer[] = [];
    for (const q of questions) answers.push(await engine.ask(q.question, { source: q.source, k: 5 }));
    const ranks = questions.flatMap((q, i) => (q.expect === 'answer' ? [goldRank(q, answers[i]!.results)] : []));
    return {
      answers,
      mrr: ranks.reduce((sum, r) => sum + (r >= 0 ? 1 / (r + 1) : 0), 0) / ranks.length,
      hitAt3: ranks.filter((r) => r >= 0 && r < 3).length / ranks.length,
    };
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  questions = await readLabelledQuestions(fromProjectRoot('tests/heldout/questions.jsonl'));
  scratch = await mkdtemp(join(tmpdir(), 'heldout-'));
  await generateOfflineModel(join(scratch, 'models'), { wordnetDir: null });
  wordnet = await run(fromProjectRoot('.models'));
  plain = await run(join(scratch, 'models'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('held-out questions', () => {
  it('rank no worse with the WordNet model than with the plain one', () => {
    expect(wordnet.mrr).toBeGreaterThanOrEqual(plain.mrr);
    expect(wordnet.hitAt3).toBeGreaterThanOrEqual(plain.hitAt3);
  });

  it('decline more unanswerable questions than they wrongly decline answerable ones', () => {
    const declined = (expect_: string) => questions.filter((q, i) => q.expect === expect_ && !wordnet.answers[i]!.answered).length;
    expect(declined('abstain')).toBeGreaterThan(declined('answer'));
  });

  it('quote only exact text from the file, kept to the source asked for', () => {
    questions.forEach((q, i) => {
      for (const r of wordnet.answers[i]!.results) {
        expect(readFileSync(fromProjectRoot(r.file), 'utf8').slice(r.start, r.end)).toBe(r.quote);
        if (q.source) expect(r.file).toBe(`seeds/${q.source}.txt`);
      }
    });
  });
});
