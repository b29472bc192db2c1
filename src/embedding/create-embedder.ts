// The one way the rest of the project gets an Embedder: "offline" (generated here, works without a
// network) or a Hugging Face id (downloaded once into the models directory). A Hub model that cannot be
// fetched falls back to the offline model with one warning; modelId says which model was used.
import { HUB_HOST, isHubModelCached, probeHubModel } from './hub-availability.js';
import { parseModelSpec } from './model-spec.js';
import type { HubModelProfile } from './model-spec.js';
import { ensureOfflineModel } from './offline-model-store.js';
import type { GenerationStageCallback } from './offline/generate-offline-model.js';
import type { OutputShape } from './offline/onnx-graph.js';
import { SharedComponentEmbedder } from './shared-component-embedder.js';
import { TransformersEmbedder } from './transformers-embedder.js';
import type { Embedder } from './types.js';

export interface CreateEmbedderOptions {
  /** "offline", "offline-shared-component" (a test variant) or a Hugging Face model id such as "Xenova/bge-small-en-v1.5". */
  readonly model: string;
  /** Where models are generated and downloaded (e.g. `<projectRoot>/.models`). */
  readonly modelsDir: string;
  /** Receives warnings (fallback to offline) and notes (model generation). Default: console.warn. */
  readonly log?: (message: string) => void;
  /** int8 weights (default) or float32. */
  readonly quantized?: boolean;
  /** Offline model only: 'tokens' leaves mean pooling to transformers.js, for before/after benchmarks. */
  readonly offlineOutput?: OutputShape;
  /** How long the Hub may take to answer the first request (default 5 s). */
  readonly networkTimeoutMs?: number;
  /** Hub address (default https://huggingface.co/); tests point it at a closed local port. */
  readonly remoteHost?: string;
  /** Told each stage of an offline model generation (first run only), for a progress line. */
  readonly onModelGeneration?: GenerationStageCallback;
}

const DEFAULT_NETWORK_TIMEOUT_MS = 5_000;

export async function createEmbedder(options: CreateEmbedderOptions): Promise<Embedder> {
  const spec = parseModelSpec(options.model);
  if (spec.kind === 'offline') {
    const offline = await loadOffline(options);
    return spec.sharedComponent ? new SharedComponentEmbedder(offline) : offline;
  }
  try {
    return await loadHub(spec.id, spec.profile, options);
  } catch (error) {
    const offline = await loadOffline(options);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    (options.log ?? console.warn)(`Embedding model ${spec.id} is unavailable (${reason}); using ${offline.modelId} instead.`);
    return offline;
  }
}

async function loadOffline(options: CreateEmbedderOptions): Promise<Embedder> {
  const quantized = options.quantized ?? true;
  const output = options.offlineOutput ?? 'pooled';
  const { name, config } = await ensureOfflineModel(options.modelsDir, output, options.log ?? console.warn, options.onModelGeneration);
  const precision = quantized ? 'int8' : 'fp32';
  return TransformersEmbedder.load({
    modelName: name,
    modelsDir: options.modelsDir,
    modelId: `${name}/${config.offline_variant}/g${config.offline_generator_version}/d${config.hidden_size}/${precision}`,
    quantized,
    pooling: config.offline_output === 'pooled' ? 'graph' : 'mean',
    queryInstruction: '',
    // The static model is a table lookup and a mean: a second ONNX thread would only spin, on the
    // core an index build's HNSW worker needs.
    onnxThreads: 1,
    allowDownload: false,
  });
}

async function loadHub(id: string, profile: HubModelProfile, options: CreateEmbedderOptions): Promise<Embedder> {
  const quantized = options.quantized ?? true;
  const remoteHost = options.remoteHost ?? HUB_HOST;
  const cached = isHubModelCached(options.modelsDir, id, quantized);
  if (!cached) {
    const problem = await probeHubModel(id, remoteHost, options.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS);
    if (problem !== null) throw new Error(problem);
  }
  return TransformersEmbedder.load({
    modelName: id,
    modelsDir: options.modelsDir,
    modelId: `${id}/${quantized ? 'int8' : 'fp32'}`,
    quantized,
    pooling: profile.pooling,
    queryInstruction: profile.queryInstruction,
    allowDownload: !cached,
    remoteHost,
  });
}
