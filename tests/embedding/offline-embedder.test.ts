// The offline model through the real transformers.js pipeline: unit vectors, IDF-like weighting,
// sub-word fallback for unknown words, morphology, WordNet semantics, and int8 ≈ float32.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { createEmbedder } from '../../src/embedding/create-embedder.js';
import { generateOfflineModel, OFFLINE_GENERATOR_VERSION, OFFLINE_MODEL_NAME } from '../../src/embedding/offline/generate-offline-model.js';
import { TransformersEmbedder } from '../../src/embedding/transformers-embedder.js';
import type { Embedder } from '../../src/embedding/types.js';
import { loadSources } from '../../src/sources/load.js';
import { cosine, norm, scratchDir } from './helpers.js';

describe('offline embedder', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  let embedder: Embedder;
  let fp32: Embedder;
  let plain: Embedder;
  const notes: string[] = [];

  beforeAll(async () => {
    scratch = await scratchDir('offline-embedder');
    // Missing model: createEmbedder generates it.
    embedder = await createEmbedder({ model: 'offline', modelsDir: scratch.dir, log: (m) => notes.push(m) });
    fp32 = await createEmbedder({ model: 'offline', modelsDir: scratch.dir, quantized: false, log: (m) => notes.push(m) });
    const plainDir = path.join(scratch.dir, 'plain');
    await generateOfflineModel(plainDir, { wordnetDir: null });
    plain = await TransformersEmbedder.load({
      modelName: OFFLINE_MODEL_NAME,
      modelsDir: plainDir,
      modelId: 'plain',
      quantized: true,
      pooling: 'cls',
      queryInstruction: '',
      allowDownload: false,
    });
  });
  afterAll(async () => {
    await Promise.all([embedder?.dispose(), fp32?.dispose(), plain?.dispose()]);
    await scratch.remove();
  });

  const similarity = async (model: Embedder, a: string, b: string): Promise<number> => {
    const [va, vb] = await model.embedPassages([a, b]);
    return cosine(va!, vb!);
  };

  it('generated the model once and names model, variant, generator version and precision', () => {
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/Generating the offline embedding model/);
    expect(embedder.modelId).toBe(`${OFFLINE_MODEL_NAME}/wordnet-retrofit/g${OFFLINE_GENERATOR_VERSION}/d256/int8`);
    expect(fp32.modelId).toBe(`${OFFLINE_MODEL_NAME}/wordnet-retrofit/g${OFFLINE_GENERATOR_VERSION}/d256/fp32`);
    expect(embedder.dimensions).toBe(256);
  });

  it('embeds every seed passage as a unit vector, batched and sorted without mixing up the order', async () => {
    const passages = (await loadSources(path.join(projectRoot, 'seeds'), projectRoot)).flatMap((s) => s.passages);
    expect(passages.length).toBeGreaterThan(40);
    const vectors = await embedder.embedPassages(passages.map((p) => p.text));
    expect(vectors).toHaveLength(passages.length);
    for (const vector of vectors) expect(norm(vector)).toBeCloseTo(1, 4);
    for (const index of [0, Math.floor(passages.length / 2), passages.length - 1]) {
      const alone = await embedder.embedQuery(passages[index]!.text);
      expect(cosine(alone, vectors[index]!)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic across calls', async () => {
    const text = 'Iraq asks Russia for air strikes against the Islamic State.';
    expect(Array.from(await embedder.embedQuery(text))).toEqual(Array.from(await embedder.embedQuery(text)));
  });

  it('returns a zero vector, not NaN, for a text without any weighted token', async () => {
    const [empty, punctuation] = await embedder.embedPassages(['', '?!']);
    for (const vector of [empty!, punctuation!]) expect(Array.from(vector).every((x) => x === 0)).toBe(true);
  });

  it('weighs rare words above common ones', async () => {
    const query = await embedder.embedQuery('the Marvienko');
    const [withRareWord, withOnlyThe] = await embedder.embedPassages(['Marvienko spoke yesterday.', 'The weather was fine.']);
    expect(cosine(query, withRareWord!)).toBeGreaterThan(cosine(query, withOnlyThe!) + 0.3);
    const mixed = await embedder.embedQuery('people Kurdistan');
    const [kurdistan, people] = await embedder.embedPassages(['Kurdistan held a vote.', 'People held a vote.']);
    expect(cosine(mixed, kurdistan!)).toBeGreaterThan(cosine(mixed, people!));
  });

  it('splits an unknown word into several sub-word pieces rather than [UNK]', async () => {
    env.localModelPath = scratch.dir;
    const tokenizer = await AutoTokenizer.from_pretrained(OFFLINE_MODEL_NAME, { local_files_only: true });
    const ids: number[] = tokenizer.encode('Marvienko', null, { add_special_tokens: false });
    const tokens = ids.map((id) => tokenizer.model.vocab[id]);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens).not.toContain('[UNK]');
    expect(tokens.slice(1).every((t) => t?.startsWith('##'))).toBe(true);
    // Typography is normalised: curly apostrophes, acronym dots, accents.
    const normalised = tokenizer.encode('U.S. officials’ naïve', null, { add_special_tokens: false });
    expect(normalised.map((id: number) => tokenizer.model.vocab[id])).toEqual(['us', '.', 'official', '##s', "'", 'naive']);
  });

  it('keeps morphological variants close', async () => {
    const unrelated = await similarity(embedder, 'lawmaker', 'banana');
    for (const [a, b] of [['lawmaker', 'lawmakers'], ['bomb', 'bombing'], ['study', 'studies'], ['militant', 'militants']] as const) {
      const close = await similarity(embedder, a, b);
      expect(close, `${a} / ${b}`).toBeGreaterThan(0.8);
      expect(close).toBeGreaterThan(unrelated + 0.5);
    }
  });

  const mean = (values: readonly number[]): number => values.reduce((sum, x) => sum + x, 0) / values.length;
  const RELATED = [
    ['army', 'military'], ['population', 'inhabitants'], ['killing', 'assassination'], ['lawmakers', 'parliamentarians'],
    ['lawmakers', 'legislators'], ['car', 'automobile'], ['help', 'assistance'], ['pact', 'agreement'],
  ] as const;
  const UNRELATED_WORDS = ['banana', 'guitar', 'weather', 'kitchen'];

  it('brings WordNet synonyms and related words together (glosses, relations), unlike the plain variant', async () => {
    const related = await Promise.all(RELATED.map(([a, b]) => similarity(embedder, a, b)));
    const relatedPlain = await Promise.all(RELATED.map(([a, b]) => similarity(plain, a, b)));
    const unrelated = await Promise.all(RELATED.flatMap(([a]) => UNRELATED_WORDS.map((u) => similarity(embedder, a, u))));
    // Single pairs of 256-dimensional vectors carry random cross-talk of about ±0.06: compare means.
    expect(mean(related)).toBeGreaterThan(mean(unrelated) + 0.15);
    expect(mean(related)).toBeGreaterThan(mean(relatedPlain) + 0.15);
    // Related words do not come from making everything alike.
    expect(Math.abs(mean(unrelated))).toBeLessThan(0.05);
    // The pairs the dense search should catch: a word and its gloss ("army": "… the military land forces …"),
    // two words derived from one verb ("inhabit").
    for (const [a, b] of [['army', 'military'], ['population', 'inhabitants']] as const) {
      const pair = await similarity(embedder, a, b);
      const unrelatedToA = await Promise.all(UNRELATED_WORDS.map((u) => similarity(embedder, a, u)));
      expect(pair, `${a} / ${b}`).toBeGreaterThan(mean(unrelatedToA) + 0.05);
      expect(pair, `${a} / ${b} vs plain`).toBeGreaterThan((await similarity(plain, a, b)) + 0.05);
    }
  });

  it('gives the same vectors when transformers.js mean-pools a token-level output (the benchmark baseline)', async () => {
    const tokens = await createEmbedder({ model: 'offline', modelsDir: scratch.dir, offlineOutput: 'tokens', log: () => {} });
    try {
      expect(tokens.modelId).not.toBe(embedder.modelId);
      const texts = ['Iraq seeks Russian help against ISIS.', 'A much longer passage about lawmakers in Baghdad, who debated the request for air strikes.'];
      const [pooled, meanPooled] = await Promise.all([embedder.embedPassages(texts), tokens.embedPassages(texts)]);
      texts.forEach((_, i) => expect(cosine(pooled[i]!, meanPooled[i]!)).toBeCloseTo(1, 5));
    } finally {
      await tokens.dispose();
    }
  });

  it('runs ONNX on one thread (no spinning pool beside the HNSW worker), with the same vectors as a pool of threads', async () => {
    // Thread ids, not a count: a thread of an earlier test may end meanwhile, which a count would miss.
    const threads = () => new Set(readdirSync('/proc/self/task'));
    const started = (before: Set<string>) => [...threads()].filter((id) => !before.has(id));
    const before = threads();
    const oneThread = await createEmbedder({ model: 'offline', modelsDir: scratch.dir, log: () => {} });
    expect(started(before)).toEqual([]);
    const beforePool = threads();
    // A pool of one thread per core, the calling one included, as ONNX Runtime makes by default on most
    // machines (asked for explicitly: the default depends on how the runtime reads this machine's cores).
    const poolSize = Math.max(2, availableParallelism());
    const pooled = await TransformersEmbedder.load({
      modelName: OFFLINE_MODEL_NAME,
      modelsDir: scratch.dir,
      modelId: 'ort-thread-pool',
      quantized: true,
      pooling: 'graph',
      queryInstruction: '',
      allowDownload: false,
      onnxThreads: poolSize,
    });
    try {
      expect(started(beforePool)).toHaveLength(poolSize - 1);
      const texts = ['Iraq seeks Russian help against ISIS.', 'Lawmakers in Baghdad debated the request for air strikes.'];
      const [a, b] = await Promise.all([oneThread.embedPassages(texts), pooled.embedPassages(texts)]);
      texts.forEach((_, i) => expect(Array.from(a[i]!)).toEqual(Array.from(b[i]!)));
    } finally {
      await Promise.all([oneThread.dispose(), pooled.dispose()]);
    }
  });

  it('gives close vectors with int8 and float32 weights', async () => {
    const texts = ['Iraq seeks Russian help against ISIS.', 'Lawmakers in Baghdad debated the request.', 'Marvienko'];
    const [q, f] = await Promise.all([embedder.embedPassages(texts), fp32.embedPassages(texts)]);
    texts.forEach((_, i) => expect(cosine(q[i]!, f[i]!)).toBeGreaterThan(0.999));
  });
});
