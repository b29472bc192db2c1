// The generated offline model lives in the models directory and is (re)generated on demand: when it is
// missing or was made by another generator version. An existing model of either variant is kept (a
// deliberate `npm run model --plain` stays); `npm run model` regenerates it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateOfflineModel, OFFLINE_GENERATOR_VERSION, OFFLINE_MODEL_NAME, type GenerationStageCallback } from './offline/generate-offline-model.js';
import type { OfflineModelConfig } from './offline/model-files.js';
import type { OutputShape } from './offline/onnx-graph.js';

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

export async function ensureOfflineModel(
  modelsDir: string,
  output: OutputShape,
  log: (message: string) => void,
  onStage?: GenerationStageCallback,
): Promise<OfflineModel> {
  const name = offlineModelName(output);
  const dir = path.join(modelsDir, name);
  const existing = await readConfig(dir);
  if (existing?.offline_generator_version === OFFLINE_GENERATOR_VERSION && existing.offline_output === output) {
    return { name, config: existing };
  }
  log(`Generating the offline embedding model in ${dir} (once; 10–30 seconds).`);
  const report = await generateOfflineModel(modelsDir, { name, output, log, onStage });
  return { name, config: report.config };
}
