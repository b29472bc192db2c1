// A citation as readers see, copy and type it: a passage id, narrowed to the quoted sentences when it
// ends in "/s2" (sentence 2) or "/s2-3" (sentences 2 to 3), counted within the passage from 1. The
// one place that reads and writes that form, for replies, /quote, its autocomplete and the console.

export interface SentenceRange {
  /** 1-based, inclusive. */
  from: number;
  to: number;
}

export interface CitationRef {
  /** The passage id, e.g. "zero-hedge:c3p1". */
  passage: string;
  sentences?: SentenceRange;
}

const REF = /^([a-z0-9_-]+:[a-z0-9.]+?)(?:\/s(\d+)(?:-(\d+))?)?$/;
/** What a pasted id often comes wrapped in: backticks, quotes, brackets; and a sentence's full stop after it. */
const WRAPPING = /^[\s`'"“”‘’«»<([{]+|[\s`'"“”‘’«»>)\]}.,;:!?]+$/g;

/** Tidies what a reader typed or pasted: no wrapping, no trailing punctuation, no spaces around ":" or "/", lower case. */
export function tidyCitation(typed: string): string {
  return typed.replace(WRAPPING, '').replace(/\s*([:/])\s*/g, '$1').replace(/[–—]/g, '-').toLowerCase();
}

/** The citation a reader typed (see tidyCitation), or undefined when it is not shaped like one. */
export function parseCitationRef(typed: string): CitationRef | undefined {
  const match = REF.exec(tidyCitation(typed));
  if (!match) return undefined;
  const [, passage, from, to] = match;
  if (from === undefined) return { passage: passage! };
  const range = { from: Number(from), to: Number(to ?? from) };
  return range.from >= 1 && range.to >= range.from ? { passage: passage!, sentences: range } : undefined;
}

export function formatCitationRef({ passage, sentences }: CitationRef): string {
  if (!sentences) return passage;
  return sentences.from === sentences.to ? `${passage}/s${sentences.from}` : `${passage}/s${sentences.from}-${sentences.to}`;
}
