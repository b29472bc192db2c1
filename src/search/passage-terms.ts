// What a passage is found by in lexical search: its analysed terms, and for a reader comment its
// commenter's name too ("what did CHUCKMAN say…" finds CHUCKMAN's paragraphs, though the name is not
// in their text). Every store indexes passages through this one function, so they find the same
// passages for the same question.
import type { Passage } from '../sources/types.js';
import { analyze } from '../text/normalize.js';

export function passageTerms(passage: Pick<Passage, 'text' | 'commenter'>): string[] {
  const terms = analyze(passage.text);
  return passage.commenter === undefined ? terms : [...terms, ...analyze(passage.commenter)];
}
