// Vocabulary keys must match what the tokenizer's BertNormalizer produces (lowercase, accents stripped),
// otherwise a vocabulary word could never be matched.

export function normalizeWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Plain lower-case letters only: the words the WordPiece vocabulary lists whole. */
export function isPlainWord(word: string): boolean {
  return /^[a-z]+$/.test(word);
}
