// Boundary types of an answer: what the CLI prints with --json and what the bot renders.
import type { HeaderFact, PassageKind } from '../sources/types.js';

/** One cited excerpt. Schema shared with ../shared/eval (see its README). */
export interface CitedResult {
  /** The passage's id, e.g. "informed-comment:p4". */
  citation: string;
  /** The id narrowed to the quoted sentences, as replies show it and /quote takes it: "informed-comment:p4/s2-3". */
  quoteCitation: string;
  source: string;
  file: string;
  title: string;
  outlet?: string;
  kind: PassageKind;
  /** A header line's fact (kind "header"): title, byline, outlet or date. */
  fact?: HeaderFact;
  /**
   * Opens the source at the quote: its URL (sources.json `url`, or one the page states) with a text
   * fragment that highlights the quoted words. Absent when the source has no known URL.
   */
  url?: string;
  commenter?: string;
  comment?: string;
  /** The outlet a quoted article passage is by, when the source quotes another outlet ("From the WSJ:"). */
  quoting?: string;
  paragraph: number;
  /** Offsets of `quote` in the file: fileText.slice(start, end) === quote. */
  start: number;
  end: number;
  quote: string;
  /** The whole passage the quote comes from. */
  text: string;
  score: number;
}

export interface Answer {
  question: string;
  /** The source the question was restricted to (slug), or null for all sources. */
  source: string | null;
  answered: boolean;
  results: CitedResult[];
  /** How many passages were searched. */
  searched: number;
  /** Wall time to answer, in milliseconds. */
  tookMs: number;
}

export interface AskOptions {
  /** Slug or file name (with or without .txt) of one source. */
  source?: string;
  /** How many excerpts at most (1–10). */
  k?: number;
}
