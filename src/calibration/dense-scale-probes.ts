// Measures a model's DenseScale (../search/dense-scale.ts) on a corpus: the best similarity that each
// of a fixed set of probe questions reaches among the passages. The probes (./probe-questions.json)
// were written for this, generically, not copied from any question set: everyday questions off any
// news topic, and news-style questions that name no particular event (election results, budgets,
// weather), which a news corpus is near but does not answer.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Embedder } from '../embedding/types.js';
import type { DenseScale } from '../search/dense-scale.js';
import type { PassageStore } from '../store/types.js';

const probesSchema = z.object({ offTopic: z.array(z.string()).min(10), uncovered: z.array(z.string()).min(10) });
export type ProbeQuestions = z.infer<typeof probesSchema>;

export function readProbeQuestions(): ProbeQuestions {
  return probesSchema.parse(JSON.parse(readFileSync(new URL('./probe-questions.json', import.meta.url), 'utf8')));
}

/** The unit never falls below this share of the floor's distance from 1, so a corpus that every probe
 *  misses alike (a tiny one) cannot make every small difference look large. */
const MIN_UNIT_SHARE = 0.05;

function quantile(sorted: readonly number[], p: number): number {
  const at = p * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export async function measureDenseScale(store: PassageStore, embedder: Embedder, probes: ProbeQuestions = readProbeQuestions()): Promise<DenseScale> {
  const best: number[] = [];
  for (const question of [...probes.offTopic, ...probes.uncovered]) {
    const [hit] = await store.dense(await embedder.embedQuery(question), 1);
    if (hit) best.push(hit.similarity);
  }
  if (best.length === 0) return { floor: 0, unit: 1 };
  best.sort((a, b) => a - b);
  const floor = quantile(best, 0.5);
  return { floor, unit: Math.max(quantile(best, 0.9) - floor, MIN_UNIT_SHARE * (1 - floor)) };
}
