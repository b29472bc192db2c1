// Builds the lemma table (./lemmas.ts): irregular word form → lemma ("told" → "tell", "fought" →
// "fight", "went" → "go", "crises" → "crisis", "women" → "woman"), which plural folding (stem() in
// ./normalize.ts) cannot reach. The lemmas come from wink-lemmatizer (WordNet's morphy with WordNet's
// exception lists); this decides which of them to trust without knowing a word's part of speech.
// Regular forms ("killing" → "kill", "visited" → "visit") are left out: folding them lowered held-out
// hit@1 from 77.3 to 75.0 % (questions.jsonl) and from 63.6 to 60.5 % (discord-style.jsonl), as
// "visited" met "visit" in passages that were not about the visit asked of, "ruled out" met "ruling".
import type { WordNet } from './wordnet.js';

export interface Lemmatizer {
  noun(word: string): string;
  verb(word: string): string;
}

/** A regular inflection adds an ending to its lemma's stem ("killing" / "kill", "tried" / "try"). */
function isRegular(word: string, lemma: string): boolean {
  return /(?:ed|ing|s)$/.test(word) && word.startsWith(lemma.slice(0, Math.max(2, lemma.length - 1)));
}

/**
 * Irregular form → lemma, sorted by form, for the given vocabulary (lower-case plain words). `stem` is
 * the plural folding already applied, so entries that only repeat it are left out. A verb form that
 * is a WordNet noun in its own right ("ground", "left", "saw", "thought") is left alone: taken for
 * "grind", "leave", "see", "think" it would merge unrelated words.
 */
export function lemmaTable(words: Iterable<string>, lemmatizer: Lemmatizer, wordnet: WordNet, stem: (word: string) => string): Record<string, string> {
  const table: Array<[string, string]> = [];
  const isNoun = (word: string): boolean => wordnet.lemmas.get(word)?.parts.has('n') ?? false;
  for (const word of new Set(words)) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) continue;
    const verb = lemmatizer.verb(word);
    const noun = lemmatizer.noun(word);
    let lemma = word;
    if (verb !== word && !isNoun(word)) lemma = verb;
    // "isis", "status", "glass" are not plurals, whatever the noun rules say.
    else if (noun !== word && !/(?:ss|us|is)$/.test(word)) lemma = noun;
    if (lemma !== word && !isRegular(word, lemma) && lemma !== stem(word) && /^[a-z]+$/.test(lemma)) table.push([word, lemma]);
  }
  return Object.fromEntries(table.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
