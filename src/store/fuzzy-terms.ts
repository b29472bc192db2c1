// Which query terms may match a near spelling, and how much such a match counts. Shared by both
// stores so that a misspelt name ("Matvienko") finds the same passages in each.
import { isRareWord } from '../search/term-weight.js';

/** Edit distance allowed as a share of the term's length: 1 edit for 5–7 letters, 2 from 8. */
const EDITS_PER_LETTER = 0.2;
const MAX_EDITS = 2;
const MIN_FUZZY_LENGTH = 5;
/** A fuzzy match counts this much of an exact one, less with each edit (minisearch's default). */
export const FUZZY_MATCH_WEIGHT = 0.45;

/**
 * Edits allowed when matching the term, 0 for exact matching only. A rare term no passage contains
 * is likely a misspelling or a variant ("defence", "Matvienko"): only those search fuzzily, as fuzzy
 * matching of known terms ("russian" ~ "russia") added noise and a common word absent from the
 * passages ("price") is simply not covered by them.
 */
export function allowedEdits(term: string, documentFrequency: number): number {
  if (term.length < MIN_FUZZY_LENGTH || documentFrequency > 0 || !isRareWord(term)) return 0;
  return Math.min(MAX_EDITS, Math.round(term.length * EDITS_PER_LETTER));
}

/** The weight of a passage term that matched a query term with `distance` edits (minisearch's formula). */
export function fuzzyMatchWeight(passageTerm: string, distance: number): number {
  return (FUZZY_MATCH_WEIGHT * passageTerm.length) / (passageTerm.length + distance);
}
