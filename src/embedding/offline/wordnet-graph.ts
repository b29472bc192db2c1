// The lexical graph used for retrofitting: which vocabulary words WordNet says are related, and how
// strongly. Synonyms (same synset) weigh most; hypernyms, derivations and "similar to" less, hyponyms least.
// A word's rarer senses count less (weight 1 / sense rank), so it leans to its common meanings.
import type { WordNet } from './wordnet.js';
import { isPlainWord } from './word-keys.js';

const SYNONYM_WEIGHT = 1;
const POINTER_WEIGHTS: Readonly<Record<string, number>> = {
  '&': 0.8, // similar to (adjectives)
  // A word leans on its (one or two) hypernyms more than on its (possibly hundreds of) hyponyms,
  // so "parliamentarian" moves towards "legislator" without "legislator" dissolving into its kinds.
  '@': 0.8, // hypernym
  '~': 0.3, // hyponym
  '@i': 0.6, // instance hypernym
  '~i': 0.2, // instance hyponym
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
  /** 1-based position in the synset, as lexical pointers refer to it. */
  readonly wordNumber: number;
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
  // Vocabulary members of every synset, computed once.
  const members = new Map<string, Member[]>();
  for (const synset of wordnet.synsets.values()) {
    const list: Member[] = [];
    synset.words.forEach((word, index) => {
      const id = isPlainWord(word) ? rootIdOf(word) : undefined;
      if (id !== undefined) list.push({ id, senseWeight: 1 / wordnet.senseRank(word, synset.key), wordNumber: index + 1 });
    });
    members.set(synset.key, list);
  }
  const select = (list: readonly Member[], wordNumber: number): readonly Member[] =>
    wordNumber === 0 ? list : list.filter((m) => m.wordNumber === wordNumber);

  for (const synset of wordnet.synsets.values()) {
    const own = members.get(synset.key)!;
    for (const from of own) for (const to of own) link(from, to, SYNONYM_WEIGHT);
    for (const pointer of synset.pointers) {
      const weight = POINTER_WEIGHTS[pointer.symbol];
      const target = members.get(pointer.targetKey);
      if (weight === undefined || target === undefined) continue;
      for (const from of select(own, pointer.sourceWord)) for (const to of select(target, pointer.targetWord)) link(from, to, weight);
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
