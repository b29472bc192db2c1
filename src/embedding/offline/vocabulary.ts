// The WordPiece vocabulary: special tokens, single characters (so nothing common becomes [UNK]),
// sub-word pieces, then whole words ranked by spoken frequency with a bonus for WordNet lemmas.
import { CONTINUATION_PREFIX, countPieces, selectPieces } from './subword-pieces.js';
import type { WordFrequencies } from '../../text/word-frequencies.js';
import type { WordNet } from '../../text/wordnet.js';
import { isPlainWord } from '../../text/word-keys.js';
import { resolveRoot, vocabularyBaseForm, wordnetBaseForm } from './morphology.js';

export const PAD_TOKEN = '[PAD]';
export const UNK_TOKEN = '[UNK]';
export const CLS_TOKEN = '[CLS]';
export const SEP_TOKEN = '[SEP]';
export const MASK_TOKEN = '[MASK]';
export const SPECIAL_TOKENS = [PAD_TOKEN, UNK_TOKEN, CLS_TOKEN, SEP_TOKEN, MASK_TOKEN] as const;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
// Letters that survive lower-casing and accent stripping in Latin-script text.
const EXTRA_LETTERS = 'ßæøœðþłđı';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~€£¥°§©®™•…';

/** Punctuation is its own token (BertPreTokenizer splits it off) and carries no meaning here. */
export type TokenKind = 'special' | 'punctuation' | 'character' | 'digits' | 'piece' | 'word';

export interface Vocabulary {
  readonly tokens: readonly string[];
  readonly kinds: readonly TokenKind[];
  /** Corpus occurrences behind each token (words: with their inflections; pieces: of words containing them). */
  readonly counts: readonly number[];
  readonly ids: ReadonlyMap<string, number>;
  /** Id of a word's lemma when that lemma is a vocabulary word — also for inflections left out of the
   *  vocabulary because WordPiece splits them into lemma + suffix ("lawmakers" → "lawmaker" "##s"). */
  lemmaIdOf(word: string): number | undefined;
}

export interface VocabularyLimits {
  /** Total number of tokens. */
  readonly size: number;
  readonly prefixPieces: number;
  readonly continuationPieces: number;
}

const MAX_WORD_LENGTH = 24;
/** Longest suffix for which an inflection is left to WordPiece ("stop" + "##ped"). */
const MAX_FOLDED_SUFFIX = 4;

function candidateWords(frequencies: WordFrequencies, wordnet: WordNet | null): Set<string> {
  const words = new Set<string>(frequencies.counts.keys());
  for (const lemma of wordnet?.lemmas.keys() ?? []) if (isPlainWord(lemma)) words.add(lemma);
  for (const word of words) if (word.length > MAX_WORD_LENGTH) words.delete(word);
  return words;
}

interface Lexicon {
  readonly rootOf: ReadonlyMap<string, string>;
  /** Corpus count of a lemma together with all its inflections. */
  readonly familyCount: ReadonlyMap<string, number>;
  /** Regular inflections ("lawmakers") that WordPiece will split into their lemma and a "##suffix". */
  readonly folded: ReadonlySet<string>;
  readonly foldedSuffixes: ReadonlySet<string>;
}

function buildLexicon(words: ReadonlySet<string>, frequencies: WordFrequencies, wordnet: WordNet | null): Lexicon {
  const baseForm = wordnet ? (w: string) => wordnetBaseForm(w, wordnet) : (w: string) => vocabularyBaseForm(w, words);
  const rootOf = new Map<string, string>();
  const familyCount = new Map<string, number>();
  const folded = new Set<string>();
  const foldedSuffixes = new Set<string>();
  for (const word of words) {
    const root = resolveRoot(word, baseForm, words);
    rootOf.set(word, root);
    familyCount.set(root, (familyCount.get(root) ?? 0) + (frequencies.counts.get(word) ?? 0));
    const suffix = word.slice(root.length);
    if (root !== word && word.startsWith(root) && suffix.length <= MAX_FOLDED_SUFFIX) {
      folded.add(word);
      foldedSuffixes.add(suffix);
    }
  }
  return { rootOf, familyCount, folded, foldedSuffixes };
}

/** Ranking score of a whole word: corpus count (lemmas with their inflections), plus a bonus for WordNet
 *  lemmas so that words with meaning relations (e.g. "parliamentarian", absent from subtitles) make the cut. */
function wordScore(word: string, count: number, wordnet: WordNet | null): number {
  const lemma = wordnet?.lemmas.get(word);
  return count + (lemma ? 8 + 2 * lemma.senses + 4 * lemma.tagged : 0);
}

export function buildVocabulary(frequencies: WordFrequencies, wordnet: WordNet | null, limits: VocabularyLimits): Vocabulary {
  const tokens: string[] = [];
  const kinds: TokenKind[] = [];
  const counts: number[] = [];
  const ids = new Map<string, number>();
  const push = (token: string, kind: TokenKind, count: number): void => {
    if (ids.has(token) || tokens.length >= limits.size) return;
    ids.set(token, tokens.length);
    tokens.push(token);
    kinds.push(kind);
    counts.push(count);
  };

  const candidates = candidateWords(frequencies, wordnet);
  const lexicon = buildLexicon(candidates, frequencies, wordnet);
  const wordCount = (word: string): number =>
    lexicon.rootOf.get(word) === word ? lexicon.familyCount.get(word) ?? 0 : frequencies.counts.get(word) ?? 0;
  const ranked = [...candidates]
    .filter((word) => !lexicon.folded.has(word))
    .map((word) => [word, wordScore(word, wordCount(word), wordnet)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([word]) => word);
  const pieces = countPieces(new Map([...candidates].map((w) => [w, frequencies.counts.get(w) ?? 0])));
  const pieceCount = (token: string): number => pieces.get(token)?.corpus ?? 0;

  for (const token of SPECIAL_TOKENS) push(token, 'special', 0);
  for (const char of PUNCTUATION) push(char, 'punctuation', 0);
  for (const char of LETTERS + EXTRA_LETTERS) push(char, 'character', pieceCount(char));
  for (const char of LETTERS) push(CONTINUATION_PREFIX + char, 'character', pieceCount(CONTINUATION_PREFIX + char));
  for (const digit of DIGITS) {
    push(digit, 'digits', 0);
    push(CONTINUATION_PREFIX + digit, 'digits', 0);
  }
  for (const first of DIGITS) {
    for (const second of DIGITS) {
      push(first + second, 'digits', 0);
      push(CONTINUATION_PREFIX + first + second, 'digits', 0);
    }
  }
  // Folded inflections rely on their suffix being a piece.
  for (const suffix of [...lexicon.foldedSuffixes].sort()) push(CONTINUATION_PREFIX + suffix, 'piece', pieceCount(CONTINUATION_PREFIX + suffix));
  const wordBudget = limits.size - tokens.length - limits.prefixPieces - limits.continuationPieces;
  const words = ranked.slice(0, wordBudget);
  // A piece must not shadow a whole word, nor an inflection meant to split into lemma + suffix.
  const notPieces = new Set([...words, ...lexicon.folded]);
  for (const token of selectPieces(pieces, true, limits.prefixPieces, notPieces)) push(token, 'piece', pieceCount(token));
  for (const token of selectPieces(pieces, false, limits.continuationPieces, notPieces)) push(token, 'piece', pieceCount(token));
  // Fill every remaining slot (pieces that duplicate a suffix piece left a few free).
  for (const word of ranked) push(word, 'word', wordCount(word));

  const lemmaIdOf = (word: string): number | undefined => {
    const id = ids.get(lexicon.rootOf.get(word) ?? word);
    return id !== undefined && kinds[id] === 'word' ? id : undefined;
  };
  return { tokens, kinds, counts, ids, lemmaIdOf };
}
