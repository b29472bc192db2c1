// A test variant of a model: every vector gets one shared component (unit vector + strength × one fixed
// unit vector, renormalised), the anisotropy real sentence models have, where almost any two texts
// score a cosine of 0.4–0.9. Retrieval settings that hold for any model must hold for this one too,
// with no hand-tuning (tests/quality). Not meant for answering anyone's questions.
import { fillRandom, hashString } from './offline/hashing.js';
import type { Embedder } from './types.js';

export const SHARED_COMPONENT_STRENGTH = 1.2;

export class SharedComponentEmbedder implements Embedder {
  readonly modelId: string;
  private readonly shared: Float32Array;

  constructor(
    private readonly inner: Embedder,
    private readonly strength = SHARED_COMPONENT_STRENGTH,
  ) {
    this.modelId = `${inner.modelId}+shared-component-${strength}`;
    this.shared = new Float32Array(inner.dimensions);
    fillRandom(this.shared, 0, inner.dimensions, hashString('shared component'));
    normalize(this.shared);
  }

  get dimensions(): number {
    return this.inner.dimensions;
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    return (await this.inner.embedPassages(texts)).map((v) => this.shift(v));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.shift(await this.inner.embedQuery(text));
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  private shift(vector: Float32Array): Float32Array {
    const shifted = new Float32Array(vector.length);
    for (let i = 0; i < vector.length; i++) shifted[i] = vector[i]! + this.strength * this.shared[i]!;
    return normalize(shifted);
  }
}

function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const scale = sum === 0 ? 0 : 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! * scale;
  return vector;
}
