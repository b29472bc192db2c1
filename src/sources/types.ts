// Boundary types of the sources stage: what the rest of the pipeline may rely on.

/** An article paragraph, a reader comment's paragraph, or a header line stating a fact about the page. */
export type PassageKind = 'article' | 'comment' | 'header';

/** What a page's header line states: its title, its byline, the outlet it credits ("Source: …"), its date. */
export type HeaderFact = 'title' | 'byline' | 'outlet' | 'date';

/** Optional per-source facts from seeds/sources.json; anything absent is derived from the text. */
export interface SourceMetadata {
  /** Fixes the slug, and so every citation id of the source. */
  slug?: string;
  /** Names the source's slash command only. */
  command?: string;
  title?: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
}

/** One paragraph (or a sentence-aligned piece of a long one) that can be quoted and cited. */
export interface Passage {
  /** Stable citation id, unique across all sources, e.g. "informed-comment:p4", "informed-comment:c3.2p1", "informed-comment:h2". */
  id: string;
  /** Slug of the source it belongs to. */
  source: string;
  /** Path of the source file relative to the project root, e.g. "seeds/001_e53c0ad875243b71.txt". */
  file: string;
  kind: PassageKind;
  /** Header lines: what the line states (title, byline, outlet, date). */
  fact?: HeaderFact;
  /** Article paragraphs that quote another outlet at length ("From the WSJ:"): that outlet, in full. */
  quoting?: string;
  /** Reader comments: the commenter's name, when the page gives one. */
  commenter?: string;
  /**
   * Reader comments: the comment's number ("3", "3.1"): the page's own while its numbers rise, else the
   * next among its siblings, so no two comments of a source share one (see CommentNumbering).
   */
  comment?: string;
  /**
   * 1-based paragraph number as a reader counts it: within the article (through every page of the file),
   * or within the comment; for a header line, its number among the file's header lines.
   */
  paragraph: number;
  /** 1-based piece number when a paragraph too long for the model was split (at sentences, else at words). */
  part?: number;
  /**
   * 1-based page of the file, when the file holds several pages one after another (each with its own
   * title and byline: see Source.pages); absent for a file of one page.
   */
  page?: number;
  /** Character offsets into the file text: fileText.slice(start, end) === text. */
  start: number;
  end: number;
  text: string;
}

/** Who a page of a file is by, as the page says. */
export interface PageCredits {
  title: string;
  author?: string;
  outlet?: string;
  date?: string;
}

export interface Source {
  /**
   * Unique, Discord-command-safe identifier (^[-_a-z0-9]{1,32}$) that starts every citation id of the
   * source. Kept once given (see SlugBook in ./slug.ts).
   */
  slug: string;
  /** Name of the source's slash command: sources.json `command`, else the slug. Never part of an id. */
  command: string;
  /** Path relative to the project root, e.g. "seeds/001_e53c0ad875243b71.txt". */
  file: string;
  /** File name alone, e.g. "001_e53c0ad875243b71.txt". */
  fileName: string;
  title: string;
  /** The outlet that published the page, when the page credits one (a byline, "Source: …"). */
  outlet?: string;
  /** The outlet a post quotes at length ("From the WSJ:"), not its own: its quoted passages say `quoting`. */
  quotes?: string;
  author?: string;
  date?: string;
  url?: string;
  /**
   * A file of several pages: each page's own title and credits, page 1 first (its are also the source's).
   * Passages on page 2 and later are that page's author's words, not page 1's.
   */
  pages?: PageCredits[];
  /** sha256 of the parser version and the file text, hex: it changes when either does (see PARSER_VERSION). */
  hash: string;
  /** The whole file as decoded by readSourceText (./read-text.ts): every offset refers to this text. */
  text: string;
  /**
   * The lines left out as page furniture (comment forms, share widgets, shop blurbs, other stories):
   * never quoted, but a question that only they match is bait, not a question about the page.
   */
  furniture?: string[];
  /** The encoding the file was decoded from: "utf-8", "utf-16le", "windows-1252", "iso-8859-1"… */
  encoding: string;
  passages: Passage[];
}
