// Retrofitting (Faruqui et al. 2015, "Retrofitting Word Vectors to Semantic Lexicons"): each vector (here:
// each WordNet synset) moves towards the weighted mean of its neighbours while staying anchored to its original vector:
//   q_i ← (α q̂_i + Σ_j β_ij q_j) / (α + Σ_j β_ij),  with Σ_j β_ij = 1 (β weighted by relation).
import type { NeighborGraph } from './wordnet-graph.js';
import { normalizeRow } from './vector-math.js';

export interface RetrofitSettings {
  readonly iterations: number;
  /** α: how strongly a word keeps its original vector. */
  readonly anchor: number;
}

/** Dimensions are independent in the update, so they are processed a slice at a time: a slice of all
 *  rows is far smaller than the full table (one random row per edge). 64 measured fastest on the
 *  WordNet synset graph (118 000 rows, 330 000 edges). */
const SLICE = 64;

/** Updates `vectors` in place; rows of words with neighbours are unit length on return. */
export function retrofit(vectors: Float32Array, dim: number, graph: NeighborGraph, settings: RetrofitSettings): void {
  const rows = graph.offsets.length - 1;
  const share = normalizedWeights(graph);
  const keep = settings.anchor / (settings.anchor + 1);
  const move = 1 / (settings.anchor + 1);
  const original = new Float32Array(rows * SLICE);
  const current = new Float32Array(rows * SLICE);
  for (let first = 0; first < dim; first += SLICE) {
    const width = Math.min(SLICE, dim - first);
    for (let row = 0; row < rows; row++) {
      for (let d = 0; d < width; d++) original[row * SLICE + d] = vectors[row * dim + first + d]!;
    }
    current.set(original);
    for (let iteration = 0; iteration < settings.iterations; iteration++) {
      for (let row = 0; row < rows; row++) {
        const start = graph.offsets[row]!;
        const end = graph.offsets[row + 1]!;
        if (start === end) continue;
        const base = row * SLICE;
        for (let d = 0; d < width; d++) current[base + d] = keep * original[base + d]!;
        for (let k = start; k < end; k++) {
          const neighbor = graph.targets[k]! * SLICE;
          const weight = move * share[k]!;
          for (let d = 0; d < width; d++) current[base + d] = current[base + d]! + weight * current[neighbor + d]!;
        }
      }
    }
    for (let row = 0; row < rows; row++) {
      for (let d = 0; d < width; d++) vectors[row * dim + first + d] = current[row * SLICE + d]!;
    }
  }
  for (let row = 0; row < rows; row++) if (graph.offsets[row + 1]! > graph.offsets[row]!) normalizeRow(vectors, row, dim);
}

/** β_ij: each word's neighbour weights scaled to sum to 1 (Faruqui's 1/degree, weighted by relation). */
function normalizedWeights(graph: NeighborGraph): Float32Array {
  const share = new Float32Array(graph.weights.length);
  for (let row = 0; row + 1 < graph.offsets.length; row++) {
    let total = 0;
    for (let k = graph.offsets[row]!; k < graph.offsets[row + 1]!; k++) total += graph.weights[k]!;
    for (let k = graph.offsets[row]!; k < graph.offsets[row + 1]!; k++) share[k] = graph.weights[k]! / total;
  }
  return share;
}
