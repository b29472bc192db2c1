// The held-out questions (written from the seeds alone, never from ../shared/eval) through the real
// engine, with three models: the offline WordNet model (the floors below hold its figures, so
// retrieval cannot get worse unnoticed), the plain offline model (must not rank better than the
// WordNet one), and the WordNet model with one component shared by every vector, whose similarities
// all sit 0.4 higher (the anisotropy of real sentence models): the same code and settings, with no
// tuning for it, must still decline the unanswerable questions and answer the answerable ones.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { setFigures, type SetFigures } from '../../src/calibration/figures.js';
import type { LabelledQuestion } from '../../src/calibration/gold.js';
import { readLabelledQuestions } from '../../src/calibration/labelled-file.js';
import { HELD_OUT_SETS } from '../../src/calibration/question-sets.js';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { generateOfflineModel } from '../../src/embedding/offline/generate-offline-model.js';
import { OFFLINE_MODEL_SPEC, OFFLINE_SHARED_MODEL_SPEC } from '../../src/embedding/model-spec.js';
import { openEngine } from '../../src/engine/open.js';
import { createLogger } from '../../src/log/logger.js';

type SetName = 'questions' | 'discord-style';
type Floors = Record<SetName, Pick<SetFigures, 'hitAt1' | 'hitAt3' | 'declined'> & { maxFalseDeclines: number }>;

/**
 * Measured with `npm run calibrate` (offline model) when they were last raised; a change that lowers
 * one must say why in its commit, and lower it here.
 */
const WORDNET_FLOORS: Floors = {
  questions: { hitAt1: 0.75, hitAt3: 0.9, declined: 0.5, maxFalseDeclines: 0.01 },
  'discord-style': { hitAt1: 0.74, hitAt3: 0.86, declined: 0.84, maxFalseDeclines: 0.04 },
};

interface Run {
  answers: Answer[];
  figures: SetFigures;
}

let sets: Record<SetName, LabelledQuestion[]>;
let scratch: string;
const runs = new Map<string, Record<SetName, Run>>();

async function run(name: string, modelsDir: string, model: string): Promise<void> {
  const { engine } = await openEngine({
    projectRoot,
    seedsDir: fromProjectRoot('seeds'),
    embeddingsDir: await mkdtemp(join(scratch, 'index-')),
    modelsDir,
    model,
    logger: createLogger('silent'),
  });
  try {
    const result = {} as Record<SetName, Run>;
    for (const set of Object.keys(sets) as SetName[]) {
      const answers: Answer[] = [];
      for (const q of sets[set]) answers.push(await engine.ask(q.question, { source: q.source, k: 5 }));
      result[set] = { answers, figures: setFigures(sets[set], answers) };
    }
    runs.set(name, result);
  } finally {
    await engine.close();
  }
}

const figuresOf = (name: string, set: SetName): SetFigures => runs.get(name)![set].figures;
const SET_NAMES: readonly SetName[] = ['questions', 'discord-style'];

beforeAll(async () => {
  sets = {} as Record<SetName, LabelledQuestion[]>;
  for (const set of HELD_OUT_SETS) sets[set.path.replace(/^.*\/|\.jsonl$/g, '') as SetName] = await readLabelledQuestions(fromProjectRoot(set.path));
  scratch = await mkdtemp(join(tmpdir(), 'heldout-'));
  await generateOfflineModel(join(scratch, 'models'), { wordnetDir: null });
  await run('wordnet', fromProjectRoot('.models'), OFFLINE_MODEL_SPEC);
  await run('plain', join(scratch, 'models'), OFFLINE_MODEL_SPEC);
  await run('shared', fromProjectRoot('.models'), OFFLINE_SHARED_MODEL_SPEC);
}, 300_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('held-out questions', () => {
  it.each(SET_NAMES)('%s: the offline model holds the measured floors', (set) => {
    const f = figuresOf('wordnet', set);
    const floor = WORDNET_FLOORS[set];
    expect(f.hitAt1).toBeGreaterThanOrEqual(floor.hitAt1);
    expect(f.hitAt3).toBeGreaterThanOrEqual(floor.hitAt3);
    expect(f.declined).toBeGreaterThanOrEqual(floor.declined);
    expect(f.falseDeclines).toBeLessThanOrEqual(floor.maxFalseDeclines);
  });

  it('rank no worse with the WordNet model than with the plain one', () => {
    expect(figuresOf('wordnet', 'questions').mrrAt5).toBeGreaterThanOrEqual(figuresOf('plain', 'questions').mrrAt5);
    expect(figuresOf('wordnet', 'questions').hitAt3).toBeGreaterThanOrEqual(figuresOf('plain', 'questions').hitAt3);
  });

  it.each(SET_NAMES)('%s: a model whose similarities all sit far higher still declines and answers, untuned', (set) => {
    const shared = figuresOf('shared', set);
    const offline = figuresOf('wordnet', set);
    // Within 6 points of the offline model on every figure (the shared component moves each vector a little differently).
    expect(shared.declined).toBeGreaterThanOrEqual(offline.declined - 0.06);
    expect(shared.falseDeclines).toBeLessThanOrEqual(offline.falseDeclines + 0.07);
    expect(shared.hitAt3).toBeGreaterThanOrEqual(offline.hitAt3 - 0.06);
    expect(shared.declined).toBeGreaterThan(0.35);
  });

  it('quote only exact text from the file, kept to the source asked for', () => {
    for (const [name, byset] of runs) {
      for (const set of SET_NAMES) {
        sets[set].forEach((q, i) => {
          for (const r of byset[set].answers[i]!.results) {
            expect(readFileSync(fromProjectRoot(r.file), 'utf8').slice(r.start, r.end), name).toBe(r.quote);
            if (q.source) expect(r.file).toBe(`seeds/${q.source}.txt`);
          }
        });
      }
    }
  });
});

afterAll(() => {
  for (const [name, byset] of runs) {
    for (const set of SET_NAMES) {
      const f = byset[set].figures;
      const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
      console.log(`${name.padEnd(8)} ${set.padEnd(14)} hit@1 ${pct(f.hitAt1)}  hit@3 ${pct(f.hitAt3)}  declined ${pct(f.declined)}  false ${pct(f.falseDeclines)}`);
    }
  }
});
