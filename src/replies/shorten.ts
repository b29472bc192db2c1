// Shortening for Discord's length limits. Cuts keep a verbatim prefix (or suffix) of the text, at a
// sentence boundary when that keeps most of it, else at a word boundary; the "…" is added by the
// caller outside the quoted text, so a shortened quote is still a substring of its source.
import { splitSentences } from '../text/sentences.js';

export const ELLIPSIS = '…';

/** Longest prefix of `text` no longer than `max`, ending at a sentence or word boundary. */
export function prefixWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const sentenceEnd = splitSentences(text)
    .map((span) => span.end)
    .filter((end) => end <= max)
    .at(-1);
  // A sentence cut that throws away more than half the room reads worse than a word cut.
  if (sentenceEnd !== undefined && sentenceEnd >= max / 2) return text.slice(0, sentenceEnd);
  const wordEnd = text.slice(0, max + 1).search(/\s+\S*$/);
  return (wordEnd > 0 ? text.slice(0, wordEnd) : text.slice(0, max)).trimEnd();
}

/** Longest suffix of `text` no longer than `max`, starting at a word boundary. */
export function suffixWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const tail = text.slice(text.length - max - 1);
  const wordStart = tail.search(/\s/);
  return (wordStart >= 0 ? tail.slice(wordStart) : tail.slice(1)).trimStart();
}

/**
 * Renders `raw` with `render` (escaping, blockquote markers…) within `max` characters: shortens the
 * raw text until its rendering plus the ellipsis fits, keeping its start (or its end). Returns ''
 * when not even a word fits.
 */
export function fitRendered(raw: string, max: number, render: (text: string) => string, keep: 'start' | 'end' = 'start'): string {
  const full = render(raw);
  if (full.length <= max) return full;
  const cut = keep === 'start' ? prefixWithin : suffixWithin;
  let room = Math.min(raw.length - 1, max - ELLIPSIS.length);
  while (room > 0) {
    const part = cut(raw, room);
    const rendered = render(part);
    if (part.length > 0 && rendered.length + ELLIPSIS.length <= max) {
      return keep === 'start' ? rendered + ELLIPSIS : ELLIPSIS + rendered;
    }
    // Escaping grows the text: shrink in proportion to the overshoot (at least one character) and retry.
    room = Math.min(room - 1, Math.floor((part.length * (max - ELLIPSIS.length)) / rendered.length));
  }
  return '';
}

/** Plain (unescaped) text cut to `max` characters with an ellipsis, e.g. command descriptions. */
export function shortenPlain(text: string, max: number): string {
  return fitRendered(text, max, (t) => t);
}
