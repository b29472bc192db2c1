// What a question points at by its own words: "what did the commenters say…" asks for reader
// comments; "who wrote…", "which site…", "what is the piece called…" ask for a fact about the page
// itself, which its header lines state (passages of kind 'header': title, byline, outlet, date).
// Those words are stop words or filler for matching (../text/normalize.ts), so they are read here,
// from the question's tokens.
import type { HeaderFact, PassageKind } from '../sources/types.js';
import { tokenize } from '../text/normalize.js';

export interface AskedFor {
  /** The passage kind the question asks for by name, if any. */
  kind?: PassageKind;
  /** Header facts that would answer it, best first (an outlet is also named in a byline). */
  facts: HeaderFact[];
  /** "Who wrote…", "who is the author…": only a byline answers it, so a page without one does not. */
  authorship: boolean;
}

const COMMENT_WORDS = new Set(['comment', 'comments', 'commented', 'commenter', 'commenters', 'reader', 'readers', 'replies', 'reply', 'responses']);
const AUTHOR_WORDS = new Set(['wrote', 'writes', 'author', 'authors', 'authored', 'byline', 'writer', 'penned']);
const OUTLET_WORDS = new Set(['site', 'website', 'blog', 'outlet', 'publication', 'publisher', 'magazine']);
const TITLE_WORDS = new Set(['title', 'titled', 'headline', 'headlined', 'subtitle', 'heading']);
const DATE_WORDS = new Set(['date', 'dated']);
/** "called" and "name of" speak of the page only next to a word for it ("what is the post called"). */
const PAGE_WORDS = new Set(['article', 'post', 'piece', 'story', 'blog', 'page', 'report']);
const NAMING = /\b(?:called|named|name\s+of\s+(?:the|this|that)\s+\w+)\b/;
/** "where's this from", "where does the … story come from": the outlet, when a page word or "this" is there. */
const PROVENANCE = /\bwhere\b.*\b(?:from|originally)\b|\bcomes?\s+from\b/;

export function askedFor(question: string): AskedFor {
  const tokens = tokenize(question);
  const has = (words: ReadonlySet<string>): boolean => tokens.some((t) => words.has(t));
  const text = tokens.join(' ');
  const aboutPage = has(PAGE_WORDS) || /\b(?:this|it)\b/.test(text);
  const facts: HeaderFact[] = [];
  const authorship = has(AUTHOR_WORDS) && /\bwho\b/.test(text);
  if (has(AUTHOR_WORDS)) facts.push('byline');
  if (has(OUTLET_WORDS) || (aboutPage && PROVENANCE.test(text))) facts.push('outlet', 'byline');
  if (has(TITLE_WORDS) || (aboutPage && NAMING.test(text))) facts.push('title');
  if (has(DATE_WORDS)) facts.push('date');
  if (facts.length > 0) return { kind: 'header', facts: [...new Set(facts)], authorship };
  return { kind: has(COMMENT_WORDS) ? 'comment' : undefined, facts: [], authorship: false };
}
