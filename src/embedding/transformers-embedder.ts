// An Embedder on the transformers.js feature-extraction pipeline (ONNX Runtime in-process).
import path from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import { withSessionOptions } from './onnx-session-options.js';
import type { Embedder } from './types.js';

type FeatureExtractor = Awaited<ReturnType<typeof pipeline<'feature-extraction'>>>;

export interface TransformersEmbedderSettings {
  /** Directory name under `modelsDir`, or a Hugging Face id (downloaded into `modelsDir`). */
  readonly modelName: string;
  readonly modelsDir: string;
  readonly modelId: string;
  /** Load onnx/model_quantized.onnx (int8) rather than onnx/model.onnx. */
  readonly quantized: boolean;
  /**
   * 'graph': the model pools inside its graph and outputs [batch, 1, dim] (the offline model);
   * 'cls' / 'mean': transformers.js pools the token vectors.
   */
  readonly pooling: 'graph' | 'cls' | 'mean';
  readonly queryInstruction: string;
  /** ONNX Runtime threads per inference; unset: one per core. Only for a model already in `modelsDir`. */
  readonly onnxThreads?: number;
  /** Whether missing files may be fetched from the Hub. */
  readonly allowDownload: boolean;
  readonly remoteHost?: string;
}

/** Texts per model call: bounds padding and memory; passages are sorted by length to limit padding further. */
const BATCH_SIZE = 32;

export class TransformersEmbedder implements Embedder {
  private constructor(
    private readonly extractor: FeatureExtractor,
    private readonly settings: TransformersEmbedderSettings,
    readonly dimensions: number,
  ) {}

  get modelId(): string {
    return this.settings.modelId;
  }

  static async load(settings: TransformersEmbedderSettings): Promise<TransformersEmbedder> {
    // transformers.js keeps these settings globally; each load sets all it depends on.
    env.localModelPath = settings.modelsDir;
    env.allowLocalModels = true;
    env.allowRemoteModels = settings.allowDownload;
    if (settings.remoteHost !== undefined) env.remoteHost = settings.remoteHost;
    const load = () =>
      pipeline('feature-extraction', settings.modelName, {
        quantized: settings.quantized,
        cache_dir: settings.modelsDir,
        local_files_only: !settings.allowDownload,
      });
    const modelFile = path.join(settings.modelsDir, settings.modelName, 'onnx', settings.quantized ? 'model_quantized.onnx' : 'model.onnx');
    const extractor = await (settings.onnxThreads === undefined ? load() : withSessionOptions(modelFile, { intraOpNumThreads: settings.onnxThreads }, load));
    const dimensions = Number((extractor.model.config as { hidden_size?: unknown }).hidden_size);
    if (!Number.isInteger(dimensions) || dimensions <= 0) {
      await extractor.dispose();
      throw new Error(`Model ${settings.modelName} has no hidden_size in its config.json`);
    }
    return new TransformersEmbedder(extractor, settings, dimensions);
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    const vectors = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const batch = order.slice(start, start + BATCH_SIZE);
      const embedded = await this.embedBatch(batch.map((i) => texts[i]!));
      batch.forEach((textIndex, row) => (vectors[textIndex] = embedded[row]!));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [vector] = await this.embedBatch([this.settings.queryInstruction + text]);
    return vector!;
  }

  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }

  private async embedBatch(texts: string[]): Promise<Float32Array[]> {
    // Normalising here rather than with the pipeline's `normalize`: its tensor code reads every
    // element through a slow accessor, which cost more than the model itself (npm run bench).
    const pooling = this.settings.pooling === 'graph' ? 'none' : this.settings.pooling;
    const output = await this.extractor(texts, { pooling, normalize: false });
    const data = output.data as Float32Array;
    const dim = this.dimensions;
    return texts.map((_, row) => unitOrZero(data.slice(row * dim, (row + 1) * dim)));
  }
}

/**
 * The vector scaled to length 1. A text with no weighted token (e.g. only punctuation) has a zero
 * vector, which stays zero and so matches nothing.
 */
function unitOrZero(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  if (!(norm > 0) || !Number.isFinite(norm)) return new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
