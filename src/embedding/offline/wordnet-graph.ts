// The lexical graph used for retrofitting: which vocabulary words WordNet says are related, and how
// strongly. Synonyms (same synset) weigh most; hypernyms/hyponyms, derivations and "similar to" less.
// A word's rarer senses count less (weight 1 / sense rank), so "bank" leans to its money sense.
import type { WordNet, WordNetSynset } from './wordnet.js';
import { isPlainWord } from './word-keys.js';

const SYNONYM_WEIGHT = 1;
const POINTER_WEIGHTS: Readonly<Record<string, number>> = {
  '&': 0.8, // similar to (adjectives)
  '@': 0.5, // hypernym
  '~': 0.5, // hyponym
  '@i': 0.5, // instance hypernym
  '~i': 0.5, // instance hyponym
  '+': 0.6, // derivationally related form
  '\\': 0.6, // pertainym / derived from adjective
  '<': 0.6, // participle of verb
  '$': 0.6, // verb group
  '^': 0.4, // also see
  '=': 0.4, // attribute
  '*': 0.4, // entailment
  '>': 0.4, // cause
  '#m': 0.3, '%m': 0.3, '#p': 0.3, '%p': 0.3, '#s': 0.3, '%s': 0.3, // holonyms / meronyms
};

/** Neighbours in compressed-row form: the neighbours of word i are targets[offsets[i] .. offsets[i+1]). */
export interface NeighborGraph {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float32Array;
}

interface Member {
  readonly id: number;
  readonly senseWeight: number;
}

export function wordnetNeighbors(
  wordnet: WordNet,
  rootIdOf: (word: string) => number | undefined,
  vocabularySize: number,
  maxNeighbors: number,
): NeighborGraph {
  const edges: Array<Map<number, number> | undefined> = new Array(vocabularySize);
  const link = (from: Member, to: Member, relationWeight: number): void => {
    if (from.id === to.id) return;
    const map = edges[from.id] ?? (edges[from.id] = new Map());
    map.set(to.id, (map.get(to.id) ?? 0) + relationWeight * from.senseWeight * to.senseWeight);
  };
  const membersOf = (synset: WordNetSynset, onlyWord = 0): Member[] => {
    const members: Member[] = [];
    synset.words.forEach((word, index) => {
      if (onlyWord !== 0 && index + 1 !== onlyWord) return;
      const id = isPlainWord(word) ? rootIdOf(word) : undefined;
      if (id !== undefined) members.push({ id, senseWeight: 1 / wordnet.senseRank(word, synset.key) });
    });
    return members;
  };

  for (const synset of wordnet.synsets.values()) {
    const members = membersOf(synset);
    for (const from of members) for (const to of members) link(from, to, SYNONYM_WEIGHT);
    for (const pointer of synset.pointers) {
      const weight = POINTER_WEIGHTS[pointer.symbol];
      const target = wordnet.synsets.get(pointer.targetKey);
      if (weight === undefined || target === undefined) continue;
      const sources = pointer.sourceWord === 0 ? members : membersOf(synset, pointer.sourceWord);
      const targets = membersOf(target, pointer.targetWord);
      for (const from of sources) for (const to of targets) link(from, to, weight);
    }
  }
  return compress(edges, maxNeighbors);
}

/** Keeps each word's strongest neighbours (ties broken by id, for determinism). */
function compress(edges: ReadonlyArray<Map<number, number> | undefined>, maxNeighbors: number): NeighborGraph {
  const offsets = new Int32Array(edges.length + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let id = 0; id < edges.length; id++) {
    const strongest = [...(edges[id] ?? [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxNeighbors);
    for (const [target, weight] of strongest) {
      targets.push(target);
      weights.push(weight);
    }
    offsets[id + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), weights: Float32Array.from(weights) };
}
