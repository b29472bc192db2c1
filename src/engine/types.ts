// The engine is what front ends (CLI, console, Discord bot) talk to: sources, search and
// citations, already loaded. Front ends depend on this interface only.
import type { Answer, AskOptions } from '../answer/types.js';
import type { Passage } from '../sources/types.js';

export interface SourceSummary {
  slug: string;
  /** The per-source slash command (same rules as Discord command names). */
  command: string;
  title: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
  /** Path relative to the project root. */
  file: string;
  passages: number;
}

/** A cited passage with its neighbours, for checking a citation (/quote, "Show context"). */
export interface CitationContext {
  source: SourceSummary;
  passage: Passage;
  /** Up to two passages before and after it in the same file, in reading order. */
  before: Passage[];
  after: Passage[];
  /** The quoted part, as file offsets inside `passage`, when the caller knows it. */
  quoted?: { start: number; end: number };
}

export interface Engine {
  readonly modelId: string;
  /** Total number of indexed passages. */
  readonly passageCount: number;
  listSources(): SourceSummary[];
  /** Every citable passage, in source and reading order (citation ids, their "did you mean", autocomplete). */
  listPassages(): readonly Passage[];
  /** Finds a source by slug, command, file name (with or without .txt) or path; undefined when unknown. */
  resolveSource(slugOrFile: string): SourceSummary | undefined;
  /**
   * Answers a question with cited excerpts.
   * Throws QuestionError (empty or too long) and UnknownSourceError (see ./errors.ts).
   */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /**
   * Context for a citation id; `quoted` narrows the mark to a quote. Undefined when the id is unknown;
   * throws SourceChangedError when the cited file changed since it was indexed.
   */
  context(citationId: string, quoted?: { start: number; end: number }): Promise<CitationContext | undefined>;
  /**
   * Calls `listener` when the engine has re-read its sources (a live engine watching the seeds folder);
   * `listChanged` says whether the list of sources itself changed. Returns the unsubscribe function.
   */
  onSourcesChanged?(listener: (change: { sources: SourceSummary[]; listChanged: boolean }) => void): () => void;
  close(): Promise<void>;
}
