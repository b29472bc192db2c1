// Facts about a page that its own words state: title, byline, the outlet it credits.

/** The page's title line as a reader should see it: plain spaces, no closing full stop ("U.S." and "…" stay). */
export function cleanTitle(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\.|\.\p{Lu}|\b\p{Lu})\.$/u, '');
}

/** A first line longer than this is the article's own text, not a title (a page saved without one). */
const MAX_TITLE_WORDS = 30;
const MAX_TITLE_CHARS = 250;

export const mayBeTitle = (line: string): boolean => line.length <= MAX_TITLE_CHARS && line.split(/\s+/).length <= MAX_TITLE_WORDS;

/** A title for a page that prints none: its opening words. */
export function titleFromOpening(text: string, words = 8): string {
  const opening = text.trim().split(/\s+/);
  const title = opening.slice(0, words).join(' ');
  return opening.length > words ? `${title.replace(/[\p{P}]+$/u, '')}…` : title;
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DATE_LINE = new RegExp(
  String.raw`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?` +
    String.raw`(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+${MONTH},?\s+\d{4}|\d{4}-\d{2}-\d{2})` +
    String.raw`(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?$`,
  'i',
);

/** A line that is only a date ("October 12, 2015 at 3:14 pm"): a dateline, or a comment's time stamp. */
export const isDateLine = (line: string): boolean => DATE_LINE.test(line.trim());

/** "at 9:02 am": comments are stamped with the time, a page's dateline seldom is. */
export const hasTimeOfDay = (line: string): boolean => /\b\d{1,2}:\d{2}\b/.test(line);

export interface Byline {
  author: string;
  outlet?: string;
  date?: string;
}

const PERSON_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|al|bin|el)){0,4}$/u;

/** "By Juan Cole | (Informed Comment) | – –": the author, and the outlet and date when the byline gives them. */
export function parseByline(line: string): Byline | undefined {
  const match = /^(?:(?:posted|written) )?by\s+(.+)$/i.exec(line);
  if (!match?.[1] || line.split(/\s+/).length > 20) return undefined;
  const [authorPart = '', ...rest] = match[1].split(/\s*[|•·]\s*/);
  const author = authorPart.replace(/[\s,–—-]+$/, '');
  if (!PERSON_NAME.test(author)) return undefined;
  const parts = rest.map(stripBrackets);
  const date = parts.find(isDateLine);
  const outlet = parts.find((part) => part !== date && /\p{L}/u.test(part));
  return { author, ...(outlet === undefined ? {} : { outlet }), ...(date === undefined ? {} : { date }) };
}

export interface Credit {
  outlet?: string;
  url?: string;
}

/** "Source: Zero Hedge", "Via: …", "Originally published at …": a syndicated post crediting its outlet. */
export function parseCreditLine(line: string): Credit | undefined {
  const match = /^(?:source|via|originally (?:published|appeared) (?:at|on|in|by)|reprinted (?:from|with permission of)|courtesy of)\s*:?\s+(.+)$/i.exec(line);
  const credited = match?.[1]?.trim();
  if (!credited || credited.split(/\s+/).length > 8) return undefined;
  if (/^https?:\/\/\S+$/.test(credited)) return { url: credited };
  return { outlet: stripBrackets(credited).replace(/[.;]$/, '') };
}

/** Outlets that quoting blogs name by initials, and their names in full for readers. */
const OUTLET_INITIALS: Record<string, string> = {
  WSJ: 'The Wall Street Journal',
  NYT: 'The New York Times',
  WaPo: 'The Washington Post',
  FT: 'Financial Times',
  AP: 'The Associated Press',
  LAT: 'Los Angeles Times',
};

export interface LeadIn {
  /** The quoted outlet's name in full. */
  outlet: string;
}

/** "… From the WSJ:" closing a paragraph: a blog post about to quote another outlet at length. */
export function parseLeadIn(paragraph: string): LeadIn | undefined {
  const match = /\b[Ff]rom (?:the )?(\p{Lu}[\p{L}.&'’]*(?:\s+\p{Lu}[\p{L}.&'’]*){0,5})\s*:$/u.exec(paragraph.trim());
  const written = match?.[1];
  if (!written) return undefined;
  return { outlet: OUTLET_INITIALS[written] ?? written };
}

function stripBrackets(text: string): string {
  return text.replace(/^[([{]\s*|\s*[)\]}]$/g, '').trim();
}
