// Sentence spans for quoting and for splitting long paragraphs.
//
// The Unicode sentence-break rules (Intl.Segmenter, ICU) do the heavy lifting: "?", "!", closing quotes
// after the full stop (.” and ."), ellipses followed by lower case, "U.S. efforts", "Jan.3". ICU as shipped
// with Node has no abbreviation list, so it breaks after "Gen. Qassem" or "Brian M. Downing"; those
// breaks are undone here. The bias is towards joining: a quote that is one sentence too long is still
// faithful, a quote cut at "Lt." is not.

export interface SentenceSpan {
  /** Offset of the sentence's first non-blank character in the given text. */
  start: number;
  /** Offset just past its last non-blank character. */
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations that precede a name or a number and so never end a sentence (lower case, no dot). */
const NON_TERMINAL_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'rev', 'st', 'mt', 'ft', 'jr', 'sr',
  'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'adm', 'cmdr', 'brig',
  'gov', 'sen', 'rep', 'pres', 'amb', 'hon', 'gens',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'vs', 'approx', 'fig', 'vol', 'pp',
]);

/** A lone newline is a hard wrap, not a sentence break; a blank line is. */
const LONE_NEWLINE = /(?<!\n[^\S\n]*)\n(?![^\S\n]*\n)/g;
const BLANK_LINE = /\n[^\S\n]*\n/;
const HAS_WORD = /[\p{L}\p{N}]/u;
/**
 * V8's sentence segmenter slows down with the square of the text's length (3,000 sentences on one
 * line: seconds), so a long text is segmented in windows of about this size, each cut where a
 * sentence plainly ends: after a full stop, a space and a capital.
 */
const SEGMENT_WINDOW = 4000;
const PLAIN_SENTENCE_END = /[.!?…]["'”’)\]]*\s+(?=[\p{Lu}\p{N}"“‘'(\[])/gu;

export function splitSentences(text: string): SentenceSpan[] {
  // Same length as text, so segment offsets are offsets into text.
  const flowed = text.replace(LONE_NEWLINE, ' ');
  const spans: SentenceSpan[] = [];
  for (const { segment, index } of segmentsInWindows(flowed)) {
    const span = trimmedSpan(text, index, index + segment.length);
    if (span.start === span.end) continue;
    const previous = spans.at(-1);
    if (previous && !BLANK_LINE.test(text.slice(previous.end, span.start)) && continuesSentence(text, previous, span)) {
      previous.end = span.end;
    } else {
      spans.push(span);
    }
  }
  return spans;
}

function* segmentsInWindows(text: string): Generator<{ segment: string; index: number }> {
  for (let from = 0; from < text.length; ) {
    const to = windowEnd(text, from);
    for (const { segment, index } of segmenter.segment(text.slice(from, to))) yield { segment, index: from + index };
    from = to;
  }
}

/** The last plain sentence end within a window from `from`, else the first after it, else the text's end. */
function windowEnd(text: string, from: number): number {
  if (text.length - from <= SEGMENT_WINDOW) return text.length;
  let end: number | undefined;
  PLAIN_SENTENCE_END.lastIndex = from;
  for (let match = PLAIN_SENTENCE_END.exec(text); match; match = PLAIN_SENTENCE_END.exec(text)) {
    const after = match.index + match[0].length;
    if (after - from > SEGMENT_WINDOW && end !== undefined) break;
    end = after;
    if (after - from > SEGMENT_WINDOW) break;
  }
  return end ?? text.length;
}

function continuesSentence(text: string, previous: SentenceSpan, next: SentenceSpan): boolean {
  // A sentence break needs a space: ICU also breaks inside "watch?v=…" and "wow!!really".
  if (previous.end === next.start) return true;
  // Stray ellipsis dots, an emoji or a closing quote are no sentence of their own.
  if (!HAS_WORD.test(text.slice(next.start, next.end))) return true;
  return endsWithAbbreviation(text.slice(previous.start, previous.end));
}

function endsWithAbbreviation(sentence: string): boolean {
  const lastToken = /\S+$/.exec(sentence)?.[0] ?? '';
  const token = lastToken.replace(/^[\p{Ps}\p{Pi}"'“‘]+/u, '');
  if (!token.endsWith('.')) return false;
  const word = token.slice(0, -1);
  if (NON_TERMINAL_ABBREVIATIONS.has(word.toLowerCase())) return true;
  // An initial ("Brian M. Downing") or a dotted initialism ("U.S. President", "e.g.").
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

function trimmedSpan(text: string, start: number, end: number): SentenceSpan {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
