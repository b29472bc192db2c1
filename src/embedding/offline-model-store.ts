// The generated offline model lives in the models directory and is (re)generated on demand: when it is
// missing, made by another generator version, or made without WordNet while WordNet is now available.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateOfflineModel, OFFLINE_GENERATOR_VERSION, OFFLINE_MODEL_NAME } from './offline/generate-offline-model.js';
import type { OfflineModelConfig, OfflineVariant } from './offline/model-files.js';
import type { OutputShape } from './offline/onnx-graph.js';
import { findWordNetDir } from './offline/wordnet.js';

export interface OfflineModel {
  readonly name: string;
  readonly config: OfflineModelConfig;
}

/** 'tokens' is a separate model that leaves pooling to transformers.js (for benchmarks). */
export function offlineModelName(output: OutputShape): string {
  return output === 'pooled' ? OFFLINE_MODEL_NAME : `${OFFLINE_MODEL_NAME}-tokens`;
}

async function readConfig(dir: string): Promise<OfflineModelConfig | null> {
  const onnxFiles = ['onnx/model.onnx', 'onnx/model_quantized.onnx'];
  if (!onnxFiles.every((file) => existsSync(path.join(dir, file)))) return null;
  try {
    return JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8')) as OfflineModelConfig;
  } catch {
    return null;
  }
}

export async function ensureOfflineModel(modelsDir: string, output: OutputShape, log: (message: string) => void): Promise<OfflineModel> {
  const name = offlineModelName(output);
  const dir = path.join(modelsDir, name);
  const wanted: OfflineVariant = findWordNetDir() === null ? 'plain' : 'wordnet-retrofit';
  const existing = await readConfig(dir);
  if (
    existing?.offline_generator_version === OFFLINE_GENERATOR_VERSION &&
    existing.offline_variant === wanted &&
    existing.offline_output === output
  ) {
    return { name, config: existing };
  }
  log(`Generating the offline embedding model in ${dir} (once, about ten seconds).`);
  const report = await generateOfflineModel(modelsDir, { name, output, log });
  return { name, config: report.config };
}
