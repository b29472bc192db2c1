// What a passage is found by in lexical search: its analysed terms. Every store indexes passages
// through this one function, so they find the same passages for the same question.
import type { Passage } from '../sources/types.js';
import { analyze } from '../text/normalize.js';

export function passageTerms(passage: Pick<Passage, 'text'>): string[] {
  return analyze(passage.text);
}
