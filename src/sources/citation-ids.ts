// Citation ids: unique across sources (each starts with its source's unique slug), typed by users in /quote.
//
//   <slug>:p<n>             article paragraph n             "informed-comment:p4"
//   <slug>:p<n>.<k>         part k of a split paragraph      "informed-comment:p4.2"
//   <slug>:c<c>p<n>         paragraph n of comment c         "zero-hedge:c3p2", a reply: "zero-hedge:c4.1.1p1"
//   <slug>:c<c>p<n>.<k>     part k of it                     "zero-hedge:c4.2p1.3"
//   <slug>:h<n>             header line n (title, byline, outlet, date lines, in file order)   "informed-comment:h2"
// The "p" keeps nested comment numbers and paragraph numbers apart.
//
// Unique within a source by construction: article paragraphs and header lines are counted through the
// whole file, comment numbers only rise among siblings (CommentNumbering), and parts are counted within
// their paragraph.
// assertUniqueIds still checks every parsed source, so a slip in that reasoning fails loudly instead of
// letting one id cite two passages.
import type { Passage, PassageKind } from './types.js';

export interface CitedPlace {
  kind: PassageKind;
  /** The comment's label ("4.1"), for a comment. */
  comment?: string;
  /** The paragraph's number, or the header line's. */
  paragraph: number;
  part?: number;
}

export function citationId(slug: string, { kind, comment, paragraph, part }: CitedPlace): string {
  const where = kind === 'comment' ? `c${comment ?? ''}p${paragraph}` : kind === 'header' ? `h${paragraph}` : `p${paragraph}`;
  return `${slug}:${where}${part === undefined ? '' : `.${part}`}`;
}

export class DuplicateCitationIdError extends Error {
  override readonly name = 'DuplicateCitationIdError';
}

/** Throws when two passages share an id: a parser bug, never a property of the page. */
export function assertUniqueIds(passages: readonly Passage[], file: string): void {
  const seen = new Map<string, Passage>();
  for (const passage of passages) {
    const earlier = seen.get(passage.id);
    if (earlier) {
      throw new DuplicateCitationIdError(
        `${file}: citation id ${passage.id} given to two passages (offsets ${earlier.start} and ${passage.start})`,
      );
    }
    seen.set(passage.id, passage);
  }
}
