// The graph used for retrofitting synset vectors: which synsets WordNet relates, and how strongly.
// Hypernyms weigh most, then derivations, "similar to" and topic domains; hyponyms and members least.
import type { WordNetSynset } from '../../text/wordnet.js';

/** Neighbours in compressed-row form: the neighbours of row i are targets[offsets[i] .. offsets[i+1]). */
export interface NeighborGraph {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float32Array;
}

/** Relations between synsets, each relation's weight shared by its targets ("military" has one hypernym
 *  but hundreds of domain members: together they weigh what one hypernym does). */
const SYNSET_RELATION_WEIGHTS: Readonly<Record<string, number>> = {
  '@': 1, // hypernym
  '@i': 1, // instance hypernym ("Baghdad" → "national capital")
  '~': 0.3, // hyponyms
  '~i': 0.2, // instances
  '+': 0.8, // derivationally related ("population" and "inhabitant" → "inhabit")
  '&': 0.8, // similar to
  '\\': 0.6, // pertainym
  '<': 0.6, // participle
  '$': 0.6, // verb group
  '^': 0.5, // also see
  '=': 0.5, // attribute
  '*': 0.4, // entailment
  '>': 0.4, // cause
  ';c': 0.6, // topic domain ("army" → "military")
  '-c': 0.2, // topic domain members
  ';r': 0.3, '-r': 0.1, // region domain
  '#m': 0.3, '%m': 0.3, '#p': 0.3, '%p': 0.3, '#s': 0.3, '%s': 0.3, // holonyms / meronyms
};

/** Neighbours of every synset (rows in the order of `synsets`) for retrofitting synset vectors. */
export function synsetNeighbors(synsets: readonly WordNetSynset[], rowOf: ReadonlyMap<string, number>, maxNeighbors: number): NeighborGraph {
  const edges = synsets.map((synset) => {
    const byRelation = new Map<string, number[]>();
    for (const pointer of synset.pointers) {
      const target = rowOf.get(pointer.targetKey);
      if (target === undefined || SYNSET_RELATION_WEIGHTS[pointer.symbol] === undefined) continue;
      const list = byRelation.get(pointer.symbol) ?? [];
      if (!list.includes(target)) list.push(target);
      byRelation.set(pointer.symbol, list);
    }
    const map = new Map<number, number>();
    for (const [symbol, targets] of byRelation) {
      const weight = SYNSET_RELATION_WEIGHTS[symbol]! / targets.length;
      for (const target of targets) map.set(target, (map.get(target) ?? 0) + weight);
    }
    return map;
  });
  return compress(edges, maxNeighbors);
}

/** Keeps each row's strongest neighbours (ties broken by row, for determinism). */
function compress(edges: ReadonlyArray<ReadonlyMap<number, number>>, maxNeighbors: number): NeighborGraph {
  const offsets = new Int32Array(edges.length + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let id = 0; id < edges.length; id++) {
    const strongest = [...edges[id]!].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxNeighbors);
    for (const [target, weight] of strongest) {
      targets.push(target);
      weights.push(weight);
    }
    offsets[id + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), weights: Float32Array.from(weights) };
}
