// Retrofitting (Faruqui et al. 2015, "Retrofitting Word Vectors to Semantic Lexicons"): each word moves
// towards the weighted mean of its lexical neighbours while staying anchored to its original vector:
//   q_i ← (α q̂_i + Σ_j β_ij q_j) / (α + Σ_j β_ij)
import type { NeighborGraph } from './wordnet-graph.js';
import { addScaledRow, normalizeRow, scaleRow } from './vector-math.js';

export interface RetrofitSettings {
  readonly iterations: number;
  /** α: how strongly a word keeps its original vector. */
  readonly anchor: number;
}

/** Updates `vectors` in place (rows of length `dim`, unit length on return for words with neighbours). */
export function retrofit(vectors: Float32Array, dim: number, graph: NeighborGraph, settings: RetrofitSettings): void {
  const original = vectors.slice();
  const rows = graph.offsets.length - 1;
  for (let iteration = 0; iteration < settings.iterations; iteration++) {
    for (let row = 0; row < rows; row++) {
      const start = graph.offsets[row]!;
      const end = graph.offsets[row + 1]!;
      if (start === end) continue;
      // Neighbour weights are normalised to sum 1 (Faruqui's β = 1/degree, here weighted by relation).
      let totalWeight = 0;
      for (let k = start; k < end; k++) totalWeight += graph.weights[k]!;
      scaleRow(vectors, row, 0, dim);
      addScaledRow(vectors, row, original, row, settings.anchor, dim);
      for (let k = start; k < end; k++) {
        addScaledRow(vectors, row, vectors, graph.targets[k]!, graph.weights[k]! / totalWeight, dim);
      }
      normalizeRow(vectors, row, dim);
    }
  }
}
