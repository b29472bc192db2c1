// A question as the weighted terms lexical search looks for: its analysed terms (see
// ../text/normalize.ts), each once, weighing 1 as words the user typed.
import type { WeightedTerm } from '../store/types.js';
import { analyze } from '../text/normalize.js';

export function queryTerms(question: string): WeightedTerm[] {
  return [...new Set(analyze(question))].map((term) => ({ term, weight: 1 }));
}
