// What a passage is found by in lexical search: its analysed terms; for a reader comment its
// commenter's name too ("what did CHUCKMAN say…" finds CHUCKMAN's paragraphs, though the name is not
// in their text); for a header line the fact it states, as a term no text analyses to, so search can
// ask a source for its byline (../search/hybrid.ts). Every store indexes passages through this one
// function, so they find the same passages for the same question.
import type { HeaderFact, Passage } from '../sources/types.js';
import { analyze } from '../text/normalize.js';

/**
 * Bump whenever what passages are found by changes (this file, ../text/normalize.ts and the tables it
 * reads): stored lexical indexes record it, and one built with another version is built again.
 */
export const LEXICAL_ANALYSIS_VERSION = 1;

/** The term a header line stating `fact` is found by ("_byline"): analysed text never has an underscore. */
export function factTerm(fact: HeaderFact): string {
  return `_${fact}`;
}

export function passageTerms(passage: Pick<Passage, 'text' | 'commenter' | 'fact'>): string[] {
  const terms = analyze(passage.text);
  if (passage.commenter !== undefined) terms.push(...analyze(passage.commenter));
  if (passage.fact !== undefined) terms.push(factTerm(passage.fact));
  return terms;
}
