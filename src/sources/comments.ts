// Reader comments as pages print them: a heading ("14 Responses", "2 responses to “…”", "One Response"),
// then entries marked "1." or "•", replies indented under their parent, often signed "NAME says".

const COUNT = String.raw`(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)`;
const COMMENTS_HEADING = new RegExp(
  String.raw`^${COUNT}\s+(?:responses?|comments?|replies|reply|thoughts?|reactions?)(?:\s+(?:to|on)\s+["“‘'].*)?:?$`,
  'i',
);
const COMMENTS_TITLE = /^(?:comments|reader comments|discussion)(?:\s*\(\d+\))?:?$/i;

export const isCommentsHeading = (line: string): boolean => COMMENTS_HEADING.test(line) || COMMENTS_TITLE.test(line);

export interface CommentMarker {
  /** The number printed before the entry; undefined for a bullet. */
  printed?: number;
  /** The signature of a "NAME says" entry, whose words start on the next line. */
  commenter?: string;
  /** Where the entry's own words start within the line, when they start on it. */
  textOffset?: number;
}

/** Typographic bullets only: a dash at a line start is as likely to be the commenter's own. */
const ENTRY_START = /^(?:(\d{1,4})\.|[•◦▪‣])\s+/u;
const SIGNATURE = /^(\S.{0,60}?)\s+(?:says|said|wrote)\s*:?$/i;
/** Words of a name in a bare signature; a longer "… says:" line is more likely a sentence of the comment. */
const MAX_SIGNATURE_WORDS = 4;

/** A signature alone on its line ("Sam Doe says:"), as themes that number nothing print it. */
export function parseSignature(line: string): string | undefined {
  const commenter = SIGNATURE.exec(line)?.[1];
  return commenter !== undefined && commenter.split(/\s+/).length <= MAX_SIGNATURE_WORDS && !/\p{P}$/u.test(commenter) ? commenter : undefined;
}

export function parseCommentMarker(line: string): CommentMarker | undefined {
  const entry = ENTRY_START.exec(line);
  if (!entry) return undefined;
  const printed = entry[1] === undefined ? undefined : Number(entry[1]);
  const rest = line.slice(entry[0].length);
  const commenter = SIGNATURE.exec(rest)?.[1];
  return commenter === undefined ? { printed, textOffset: entry[0].length } : { printed, commenter };
}

/**
 * Numbers comments as the page shows them, replies joined to their parent's number by dots: "4", "4.1",
 * "4.1.1". The page's own number is kept while it goes up; a bullet, and an entry whose printed number
 * does not (numbering restarted on the next page of comments, a number printed twice), gets the next
 * number among its siblings. So siblings' numbers only ever rise and no label is given twice, whatever
 * the page prints.
 */
export class CommentNumbering {
  private open: Array<{ indent: number; label: string; children: number }> = [];
  private topLevel = 0;

  next(indent: number, printed?: number): string {
    while ((this.open.at(-1)?.indent ?? -1) >= indent) this.open.pop();
    const parent = this.open.at(-1);
    const last = parent ? parent.children : this.topLevel;
    const number = printed !== undefined && printed > last ? printed : last + 1;
    if (parent) parent.children = number;
    else this.topLevel = number;
    const label = parent ? `${parent.label}.${number}` : String(number);
    this.open.push({ indent, label, children: 0 });
    return label;
  }

  /** A new comments section (another page's): its first entry is no reply to the last one before it. */
  newSection(): void {
    this.open = [];
  }
}
