// The same held-out questions through the engine on each store: Postgres must rank within two points
// of hit@3 of the embedded store, on both held-out sets, and every quote must stay verbatim.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { goldRank, type LabelledQuestion } from '../../src/calibration/gold.js';
import { readLabelledQuestions } from '../../src/calibration/labelled-file.js';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { openEngine } from '../../src/engine/open.js';
import { createLogger } from '../../src/log/logger.js';
import { storeLocation } from '../../src/store/open-store.js';
import { startServer, type PgliteServer } from '../store/pglite.js';

const SETS = ['tests/heldout/questions.jsonl', 'tests/heldout/discord-style.jsonl'];
/** hit@3 may differ by at most this much (2 points). */
const TOLERANCE = 0.02;

let server: PgliteServer;
let scratch: string;
const questions = new Map<string, LabelledQuestion[]>();
const answers = { embedded: new Map<string, Answer[]>(), postgres: new Map<string, Answer[]>() };

async function answerAll(databaseUrl: string | undefined, into: Map<string, Answer[]>): Promise<void> {
  const embeddingsDir = await mkdtemp(join(scratch, 'index-'));
  const { engine } = await openEngine({
    projectRoot,
    seedsDir: fromProjectRoot('seeds'),
    embeddingsDir,
    store: storeLocation({ databaseUrl, embeddingsDir }),
    modelsDir: fromProjectRoot('.models'),
    model: 'offline',
    logger: createLogger('silent'),
  });
  try {
    for (const [set, list] of questions) {
      const found: Answer[] = [];
      for (const q of list) found.push(await engine.ask(q.question, { source: q.source, k: 5 }));
      into.set(set, found);
    }
  } finally {
    await engine.close();
  }
}

function hitAt3(set: string, found: readonly Answer[]): number {
  const list = questions.get(set)!;
  const ranks = list.flatMap((q, i) => (q.expect === 'answer' ? [goldRank(q, found[i]!.results)] : []));
  return ranks.filter((r) => r >= 0 && r < 3).length / ranks.length;
}

beforeAll(async () => {
  for (const set of SETS) questions.set(set, await readLabelledQuestions(fromProjectRoot(set)));
  [server, scratch] = await Promise.all([startServer(), mkdtemp(join(tmpdir(), 'heldout-stores-'))]);
  await answerAll(undefined, answers.embedded);
  await answerAll(server.url, answers.postgres);
});

afterAll(async () => {
  await server?.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe('held-out questions on the Postgres store', () => {
  it.each(SETS)('rank within two points of hit@3 of the embedded store: %s', (set) => {
    const embedded = hitAt3(set, answers.embedded.get(set)!);
    const postgres = hitAt3(set, answers.postgres.get(set)!);
    expect(embedded).toBeGreaterThan(0.5);
    expect(Math.abs(postgres - embedded)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('quote only exact text from the files', () => {
    for (const found of answers.postgres.values()) {
      for (const answer of found) {
        for (const r of answer.results) expect(readFileSync(fromProjectRoot(r.file), 'utf8').slice(r.start, r.end)).toBe(r.quote);
      }
    }
  });
});
