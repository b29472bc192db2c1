// Sense vectors: every WordNet synset gets a vector from what WordNet says about it — its own identity,
// the content words of its definition (gloss) and its member words — retrofitted over its relations
// (hypernyms, derivations, topic domains …). A word's semantic vector is the mean of its synsets'
// vectors, each with its specific hypernym ancestors, the most frequent senses weighted most. So "army"
// ("a permanent organization of the military land forces of a nation") meets "military", "population"
// ("the people who inhabit a territory") meets "inhabitant" (both derived from "inhabit"), and
// "parliamentarian" meets "lawmaker" (via "legislator").
import { fillRandom, hashString } from './hashing.js';
import { hypernymAncestors } from './hypernym-ancestors.js';
import { retrofit } from './retrofit.js';
import { addScaledRow, normalizeRow } from './vector-math.js';
import type { Vocabulary } from './vocabulary.js';
import { synsetNeighbors } from './wordnet-graph.js';
import type { WordNet, WordNetSynset } from '../../text/wordnet.js';
import { isPlainWord, normalizeWord } from '../../text/word-keys.js';

// Shares of a synset's own vector next to its (unit) identity vector, each part unit length before
// weighting. Measured on word pairs and held-out retrieval (scripts/measure-offline-model.ts): members
// matter, quoted examples did not help.
const DEFINITION_SHARE = 1;
const MEMBERS_SHARE = 0.6;
/** Definition words weigh idf²: "of", "a", "relating" next to nothing, "military" or "inhabit" much. */
const IDF_POWER = 2;
const RETROFIT = { iterations: 3, anchor: 1 };
const MAX_SYNSET_NEIGHBORS = 32;
const SYNSET_SEED = 3;

/** Vocabulary ids of the lemmas in a text ("inhabits" → "inhabit"), in order, repeats kept. */
function lemmaIds(text: string, vocabulary: Vocabulary): number[] {
  const ids: number[] = [];
  for (const word of normalizeWord(text).split(/[^a-z]+/)) {
    const id = word.length > 1 ? vocabulary.lemmaIdOf(word) : undefined;
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** A gloss is a definition followed by quoted examples: `definition; "example"; "example"`. */
function definitionIds(synset: WordNetSynset, vocabulary: Vocabulary): number[] {
  return lemmaIds(synset.gloss.replace(/"[^"]*"/g, ' '), vocabulary);
}

/** Inverse document frequency of each word over all definitions, raised to IDF_POWER. */
function definitionWordWeights(definitions: readonly number[][], vocabularySize: number): Float32Array {
  const documents = new Int32Array(vocabularySize);
  for (const definition of definitions) for (const id of new Set(definition)) documents[id]! += 1;
  const weights = new Float32Array(vocabularySize);
  for (let id = 0; id < vocabularySize; id++) weights[id] = Math.log((definitions.length + 1) / (documents[id]! + 1)) ** IDF_POWER;
  return weights;
}

/** Adds `share` × the unit-length weighted sum of `wordVectors` rows `ids` to `table` row `row`. */
function addWordMean(table: Float32Array, row: number, wordVectors: Float32Array, ids: readonly number[], weightOf: (id: number) => number, share: number, scratch: Float32Array, dim: number): void {
  scratch.fill(0);
  for (const id of ids) addScaledRow(scratch, 0, wordVectors, id, weightOf(id), dim);
  normalizeRow(scratch, 0, dim);
  addScaledRow(table, row, scratch, 0, share, dim);
}

/** Subtracts the mean of the non-zero rows from each of them (then unit length again): what all words
 *  share (ancestors such as "entity", frequent definition words) would make unrelated words look alike. */
function removeMeanDirection(vectors: Float32Array, dim: number): void {
  const rows = vectors.length / dim;
  const used = (row: number): boolean => vectors.subarray(row * dim, (row + 1) * dim).some((x) => x !== 0);
  const mean = new Float32Array(dim);
  let count = 0;
  for (let row = 0; row < rows; row++) {
    if (!used(row)) continue;
    addScaledRow(mean, 0, vectors, row, 1, dim);
    count++;
  }
  if (count === 0) return;
  for (let row = 0; row < rows; row++) {
    if (!used(row)) continue;
    addScaledRow(vectors, row, mean, 0, -1 / count, dim);
    normalizeRow(vectors, row, dim);
  }
}

/**
 * Semantic vectors [vocabulary size, dim]: unit rows for WordNet lemmas, zero rows for other tokens.
 * `wordVectors` (unit rows) describe the definition and member words.
 */
export function senseVectors(vocabulary: Vocabulary, wordnet: WordNet, wordVectors: Float32Array, dim: number): Float32Array {
  const synsets = [...wordnet.synsets.values()];
  const definitions = synsets.map((s) => definitionIds(s, vocabulary));
  const definitionWeights = definitionWordWeights(definitions, vocabulary.tokens.length);
  const table = new Float32Array(synsets.length * dim);
  const scratch = new Float32Array(dim);
  synsets.forEach((synset, row) => {
    fillRandom(table, row * dim, dim, hashString(synset.key, SYNSET_SEED));
    normalizeRow(table, row, dim);
    addWordMean(table, row, wordVectors, definitions[row]!, (id) => definitionWeights[id]!, DEFINITION_SHARE, scratch, dim);
    // Multi-word members count by their words ("armed_forces": "armed", "force").
    const members = synset.words.flatMap((word) => lemmaIds(word, vocabulary));
    addWordMean(table, row, wordVectors, members, () => 1, MEMBERS_SHARE, scratch, dim);
    normalizeRow(table, row, dim);
  });
  const rowOf = new Map(synsets.map((s, row) => [s.key, row]));
  retrofit(table, dim, synsetNeighbors(synsets, rowOf, MAX_SYNSET_NEIGHBORS), RETROFIT);
  const ancestors = hypernymAncestors(synsets, rowOf);

  const semantic = new Float32Array(vocabulary.tokens.length * dim);
  synsets.forEach((synset, row) => {
    for (const word of synset.words) {
      // Inflections fold onto their lemma here too: the senses of "bombing" join those of "bomb".
      const id = isPlainWord(word) ? vocabulary.lemmaIdOf(word) : undefined;
      if (id === undefined) continue;
      const weight = wordnet.senseWeight(word, synset.key);
      addScaledRow(semantic, id, table, row, weight, dim);
      for (const [ancestor, share] of ancestors(row)) addScaledRow(semantic, id, table, ancestor, weight * share, dim);
    }
  });
  for (let id = 0; id < vocabulary.tokens.length; id++) normalizeRow(semantic, id, dim);
  removeMeanDirection(semantic, dim);
  return semantic;
}
