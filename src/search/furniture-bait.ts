// Page furniture as bait: "how do I log in with Twitter to comment?" shares a word or two with some
// passage ("the Fed account…"), but what it asks about is the comment form the parser left out. So
// the furniture lines of the sources are kept, never to be quoted, only to notice a question that
// they cover better than any passage does: that question is declined.
import { analyze } from '../text/normalize.js';
import { coverage } from './abstain.js';

export class FurnitureLines {
  private readonly lines: readonly string[][];

  constructor(texts: Iterable<string>) {
    // Each distinct line once: the same comment form stands under every page.
    this.lines = [...new Set(texts)].map((text) => [...new Set(analyze(text))]);
  }

  /**
   * The furniture line holding the largest share of the question's weight (see coverage in
   * ./abstain.ts): that share, and which question terms it holds.
   */
  best(questionTerms: readonly string[], weight: (term: string) => number): { coverage: number; terms: Set<string> } {
    let best = { coverage: 0, terms: new Set<string>() };
    for (const terms of this.lines) {
      const share = coverage(questionTerms, terms, terms, weight);
      if (share > best.coverage) best = { coverage: share, terms: new Set(questionTerms.filter((term) => terms.includes(term))) };
    }
    return best;
  }
}
