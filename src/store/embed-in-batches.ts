// Embeds texts a batch at a time so a progress bar can move while a large build runs.
import type { Embedder } from '../embedding/types.js';

export type ProgressCallback = (done: number, total: number) => void;
/** Called after each batch with every vector made so far, by text; lets a build insert while embedding goes on. */
export type BatchCallback = (vectors: ReadonlyMap<string, Float32Array>) => void;

/**
 * Texts per embedder call. Larger than the embedder's own model batches (32), so it can sort a
 * call's texts by length and pad less: 256 embedded 10,000 passages ~25% faster than 32 did.
 */
export const DEFAULT_EMBED_BATCH_SIZE = 256;

/** Returns one vector per distinct text, checked against the embedder's declared dimensions. */
export async function embedInBatches(
  embedder: Embedder,
  texts: readonly string[],
  batchSize: number,
  onProgress?: ProgressCallback,
  onBatch?: BatchCallback,
): Promise<Map<string, Float32Array>> {
  const distinct = [...new Set(texts)];
  const vectors = new Map<string, Float32Array>();
  onProgress?.(0, distinct.length);
  for (let start = 0; start < distinct.length; start += batchSize) {
    const batch = distinct.slice(start, start + batchSize);
    const embedded = await embedder.embedPassages(batch);
    if (embedded.length !== batch.length) {
      throw new Error(`Embedder ${embedder.modelId} returned ${embedded.length} vectors for ${batch.length} texts.`);
    }
    batch.forEach((text, i) => {
      const vector = embedded[i];
      if (vector?.length !== embedder.dimensions) {
        throw new Error(`Embedder ${embedder.modelId} returned a ${vector?.length}-dimensional vector; it declares ${embedder.dimensions}.`);
      }
      vectors.set(text, vector);
    });
    onBatch?.(vectors);
    onProgress?.(start + batch.length, distinct.length);
  }
  return vectors;
}
