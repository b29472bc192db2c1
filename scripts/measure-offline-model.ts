// Measures the offline embedding model's lexical semantics, for tuning the generator:
//   (a) cosine similarity of single-word embeddings over related vs unrelated word pairs,
//   (b) dense-only and hybrid hit@1 / hit@3 on the held-out questions (tests/heldout only).
// Generates the model into a temporary models directory, so the project's .models/ is untouched.
// Usage: npx tsx scripts/measure-offline-model.ts [--plain] [--pairs]   (--pairs: every pair and gold rank)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureQuestions, rankingFigures } from '../src/calibration/calibrate.js';
import { goldRank } from '../src/calibration/gold.js';
import { readLabelledQuestions } from '../src/calibration/labelled-file.js';
import { projectRoot } from '../src/config/paths.js';
import { generateOfflineModel } from '../src/embedding/offline/generate-offline-model.js';
import { openEngine } from '../src/engine/open.js';
import { EmbeddedStore } from '../src/index/embedded-store.js';
import { SEARCH_SETTINGS } from '../src/engine/settings.js';
import { createLogger } from '../src/log/logger.js';

const RELATED: ReadonlyArray<readonly [string, string]> = [
  ['army', 'military'], ['aircraft', 'planes'], ['bombing', 'strikes'], ['population', 'inhabitants'],
  ['killing', 'assassination'], ['chief', 'head'], ['war', 'conflict'], ['pact', 'agreement'],
  ['lawmakers', 'parliamentarians'], ['lawmakers', 'legislators'], ['weapons', 'arms'], ['soldiers', 'troops'],
  ['fighters', 'militants'], ['car', 'automobile'], ['help', 'assistance'], ['attack', 'assault'],
  ['country', 'nation'], ['city', 'town'], ['government', 'administration'], ['election', 'vote'],
  ['money', 'funds'], ['oil', 'petroleum'], ['fight', 'battle'], ['treaty', 'pact'],
  ['missile', 'rocket'], ['jets', 'aircraft'], ['purchase', 'buy'], ['doctor', 'physician'],
  ['kill', 'murder'], ['meeting', 'talks'], ['request', 'ask'], ['baghdad', 'city'],
  ['iraq', 'country'], ['islamic', 'muslim'], ['terrorism', 'terrorist'], ['ally', 'partner'],
  ['enemy', 'foe'], ['delivery', 'shipment'], ['training', 'instruction'], ['president', 'leader'],
  ['cleric', 'clergyman'], ['ministry', 'department'], ['victory', 'win'], ['intelligence', 'spy'],
];

const UNRELATED: ReadonlyArray<readonly [string, string]> = [
  ['army', 'banana'], ['aircraft', 'recipe'], ['population', 'guitar'], ['bombing', 'poetry'],
  ['killing', 'sofa'], ['chief', 'carrot'], ['war', 'bicycle'], ['pact', 'umbrella'],
  ['lawmakers', 'kitchen'], ['military', 'cheese'], ['weapons', 'butterfly'], ['soldiers', 'tomato'],
  ['fighters', 'wallpaper'], ['car', 'philosophy'], ['help', 'violin'], ['attack', 'lettuce'],
  ['country', 'shampoo'], ['city', 'penguin'], ['government', 'toothbrush'], ['election', 'pineapple'],
  ['money', 'giraffe'], ['oil', 'sonnet'], ['fight', 'blanket'], ['treaty', 'mushroom'],
  ['missile', 'cookie'], ['jets', 'grammar'], ['purchase', 'dolphin'], ['doctor', 'tractor'],
  ['murder', 'pillow'], ['meeting', 'glacier'], ['request', 'zebra'], ['baghdad', 'pancake'],
  ['iraq', 'harmonica'], ['islamic', 'spaghetti'], ['terrorism', 'strawberry'], ['ally', 'carpet'],
  ['enemy', 'lemonade'], ['delivery', 'eyebrow'], ['training', 'volcano'], ['president', 'spoon'],
  ['cleric', 'surfing'], ['ministry', 'ankle'], ['victory', 'onion'], ['intelligence', 'bathtub'],
];

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  const plain = process.argv.includes('--plain');
  const showPairs = process.argv.includes('--pairs');
  const scratch = await mkdtemp(path.join(tmpdir(), 'measure-offline-'));
  try {
    const modelsDir = path.join(scratch, 'models');
    const report = await generateOfflineModel(modelsDir, plain ? { wordnetDir: null } : {});
    console.log(`generated ${report.config.offline_variant} in ${(report.milliseconds / 1000).toFixed(1)} s; files: ${JSON.stringify(report.files)}`);

    const logger = createLogger('warn');
    const { engine, parts } = await openEngine({
      projectRoot,
      seedsDir: path.join(projectRoot, 'seeds'),
      embeddingsDir: path.join(scratch, 'embeddings'),
      modelsDir,
      model: 'offline',
      logger,
    });
    try {
      const similarity = async ([a, b]: readonly [string, string]): Promise<number> =>
        dot(await parts.embedder.embedQuery(a), await parts.embedder.embedQuery(b));
      const related = await Promise.all(RELATED.map(similarity));
      const unrelated = await Promise.all(UNRELATED.map(similarity));
      if (showPairs) {
        RELATED.forEach((p, i) => console.log(`  ${p.join('/').padEnd(30)} ${related[i]!.toFixed(2)}   ${UNRELATED[i]!.join('/').padEnd(26)} ${unrelated[i]!.toFixed(2)}`));
      }
      // Probability that a related pair scores above an unrelated one (ROC AUC).
      let above = 0;
      for (const r of related) for (const u of unrelated) above += r > u ? 1 : r === u ? 0.5 : 0;
      const auc = above / (related.length * unrelated.length);
      console.log(`word pairs: related ${mean(related).toFixed(3)}  unrelated ${mean(unrelated).toFixed(3)}  (max ${Math.max(...unrelated).toFixed(2)})  AUC ${auc.toFixed(3)}`);

      // Dense-only figures read the embedded store's HNSW index directly (exact ranks too).
      if (!(parts.store instanceof EmbeddedStore)) throw new Error('measure-offline-model needs the embedded store');
      const { vectors } = parts.store;
      const questions = await readLabelledQuestions(path.join(projectRoot, 'tests/heldout/questions.jsonl'));
      const answerable = questions.filter((q) => q.expect === 'answer');
      let hit1 = 0;
      let hit3 = 0;
      let reciprocal = 0;
      const ranks: string[] = [];
      for (const q of answerable) {
        const slug = q.source === undefined ? undefined : parts.catalog.find(q.source)?.slug;
        const filter = slug === undefined ? undefined : (p: { source: string }) => p.source === slug;
        const vector = await parts.embedder.embedQuery(q.question);
        const hits = vectors.searchDense(vector, 5, filter);
        const rank = goldRank(q, hits.map((h) => h.passage));
        if (rank === 0) hit1++;
        if (rank >= 0 && rank < 3) hit3++;
        // Exact rank over every passage: a finer signal than hits in the top 5.
        const fullRank = goldRank(q, vectors.bruteForce(vector, vectors.count, filter).map((h) => h.passage));
        reciprocal += 1 / (fullRank + 1);
        ranks.push(`${q.id}:${fullRank + 1}`);
      }
      if (showPairs) console.log(`  gold ranks: ${ranks.join(' ')}`);
      console.log(`dense only (${answerable.length} answerable): hit@1 ${pct(hit1 / answerable.length)}  hit@3 ${pct(hit3 / answerable.length)}  MRR ${(reciprocal / answerable.length).toFixed(3)}`);

      const measured = await measureQuestions(parts, SEARCH_SETTINGS, questions);
      const base = SEARCH_SETTINGS.fusion;
      for (const [label, fusion] of [
        ['rrf k=60', { ...base, method: 'rrf' as const }],
        ['weighted dense=0.3', { ...base, method: 'weighted' as const, denseWeight: 0.3 }],
        ['weighted dense=0.5', { ...base, method: 'weighted' as const, denseWeight: 0.5 }],
        ['weighted dense=0.7', { ...base, method: 'weighted' as const, denseWeight: 0.7 }],
      ] as const) {
        const f = await rankingFigures(parts, { ...SEARCH_SETTINGS, minRelativeScore: 0, fusion }, measured, label);
        console.log(`hybrid ${label.padEnd(20)} hit@1 ${pct(f.hitAt1)}  hit@3 ${pct(f.hitAt3)}  mrr@5 ${f.mrrAt5.toFixed(3)}`);
      }
    } finally {
      await engine.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
