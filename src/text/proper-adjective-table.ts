// Builds the proper-adjective table (./proper-adjectives.ts) from WordNet: an adjective WordNet only
// ever spells with a capital ("Russian", never "russian") and whose pertainym is one noun lemma
// ("of or relating to Russia") maps to that noun. Adjectives also written in lower case ("Democratic"
// / "democratic", "Allied" / "allied", "Roman" / "roman") keep their everyday meaning and are left out.
import { isStopWord, stem, tokenize } from './normalize.js';
import type { WordNet } from './wordnet.js';

const PERTAINYM = '\\';
const CAPITALISED = /^\p{Lu}/u;

/** The one analysed term a lemma gives ("Russians" → "russian"), or null for phrases and stop words. */
function singleTerm(lemma: string): string | null {
  const tokens = tokenize(lemma.replace(/_/g, ' '));
  const [token] = tokens;
  return tokens.length === 1 && token !== undefined && !isStopWord(token) ? stem(token) : null;
}

/** Analysed adjective term → analysed noun term, sorted by adjective. */
export function properAdjectiveTable(wordnet: WordNet): Record<string, string> {
  const spelledLowerCase = new Set<string>();
  for (const synset of wordnet.synsets.values()) {
    synset.spellings.forEach((spelling, i) => {
      if (!CAPITALISED.test(spelling)) spelledLowerCase.add(synset.words[i]!);
    });
  }
  const places = new Map<string, Set<string>>();
  for (const synset of wordnet.synsets.values()) {
    if (!synset.key.startsWith('a')) continue;
    for (const pointer of synset.pointers) {
      const target = wordnet.synsets.get(pointer.targetKey);
      if (pointer.symbol !== PERTAINYM || !target || !pointer.targetKey.startsWith('n') || pointer.sourceWord === 0) continue;
      const adjective = synset.spellings[pointer.sourceWord - 1];
      const noun = target.spellings[pointer.targetWord - 1];
      if (!adjective || !noun || !CAPITALISED.test(adjective) || spelledLowerCase.has(synset.words[pointer.sourceWord - 1]!)) continue;
      const from = singleTerm(adjective);
      const to = singleTerm(noun);
      if (from === null || to === null || from === to) continue;
      places.set(from, (places.get(from) ?? new Set()).add(to));
    }
  }
  // An adjective of several places ("Galilean": Galilee, Galileo) names none of them for sure.
  const table = [...places].filter(([, targets]) => targets.size === 1).map(([from, targets]) => [from, [...targets][0]!] as const);
  return Object.fromEntries(table.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
