// Paragraphs too long for the embedding model's window, cut into parts of similar size: at sentence
// boundaries, and a sentence that alone is too long (a page with no full stops) at word boundaries.
import type { Span } from './layout.js';
import { splitSentences } from '../text/sentences.js';

/** Passages longer than this are split (≈250 tokens, well inside a 512-token model). */
export const MAX_PASSAGE_WORDS = 180;
/** Long words, URLs and numbers take more tokens each: a passage is split past this many characters too. */
export const MAX_PASSAGE_CHARS = 1500;

const isWord = (token: string): boolean => /[\p{L}\p{N}]/u.test(token);

/**
 * One match per whitespace-separated token holding a letter or digit: from its first such character to
 * the token's end, so the scan never backtracks. Splitting the text and testing each token was most
 * of the time spent parsing (1.8 of 4 s for 100,000 passages).
 */
const WORD_FROM_FIRST_LETTER = /[\p{L}\p{N}]\S*/gu;

/** Whitespace-separated tokens that hold a letter or digit; counting stops at `atMost`, all a caller comparing with a bound needs. */
export function countWords(text: string, atMost = Infinity): number {
  WORD_FROM_FIRST_LETTER.lastIndex = 0;
  let words = 0;
  while (words < atMost && WORD_FROM_FIRST_LETTER.exec(text)) words++;
  return words;
}

interface Piece extends Span {
  words: number;
}

export function splitLong(text: string, unit: Span): Span[] {
  const length = unit.end - unit.start;
  if (length <= MAX_PASSAGE_CHARS && countWords(text.slice(unit.start, unit.end), MAX_PASSAGE_WORDS + 1) <= MAX_PASSAGE_WORDS) return [unit];
  const total = countWords(text.slice(unit.start, unit.end));
  const share = total / Math.max(Math.ceil(total / MAX_PASSAGE_WORDS), Math.ceil(length / MAX_PASSAGE_CHARS));
  const pieces = splitSentences(text.slice(unit.start, unit.end)).flatMap(({ start, end }) =>
    fitting(text, { start: unit.start + start, end: unit.start + end }),
  );
  const parts: Span[] = [];
  let partStart: number | undefined;
  let partWords = 0;
  let wordsSoFar = 0;
  pieces.forEach((piece, index) => {
    partStart ??= piece.start;
    partWords += piece.words;
    wordsSoFar += piece.words;
    const next = pieces[index + 1];
    // Cut where the running total is nearest the next even share, or where the next piece would not fit.
    const goal = (parts.length + 1) * share;
    if (
      !next ||
      partWords + next.words > MAX_PASSAGE_WORDS ||
      next.end - partStart > MAX_PASSAGE_CHARS ||
      wordsSoFar >= goal - next.words / 2
    ) {
      parts.push({ start: partStart, end: piece.end });
      partStart = undefined;
      partWords = 0;
    }
  });
  return parts;
}

/** A sentence as it is when it fits, else cut at word boundaries into runs of similar size that do. */
function fitting(text: string, sentence: Span): Piece[] {
  const tokens = [...text.slice(sentence.start, sentence.end).matchAll(/\S+/g)].flatMap((match) =>
    unbroken(sentence.start + match.index, match[0]),
  );
  const words = tokens.filter((token) => token.word).length;
  const length = sentence.end - sentence.start;
  if (words <= MAX_PASSAGE_WORDS && length <= MAX_PASSAGE_CHARS) return [{ ...sentence, words }];
  const runs = Math.max(Math.ceil(words / MAX_PASSAGE_WORDS), Math.ceil(length / MAX_PASSAGE_CHARS));
  const wordsPerRun = Math.ceil(words / runs);
  const pieces: Piece[] = [];
  let piece: Piece | undefined;
  for (const token of tokens) {
    if (piece && (piece.words >= wordsPerRun || token.end - piece.start > MAX_PASSAGE_CHARS)) {
      pieces.push(piece);
      piece = undefined;
    }
    piece ??= { start: token.start, end: token.end, words: 0 };
    piece.end = token.end;
    if (token.word) piece.words++;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** A token as offsets; one longer than a passage may be (a run of characters with no space) is cut into such lengths. */
function unbroken(start: number, token: string): Array<Span & { word: boolean }> {
  const word = isWord(token);
  const cuts: Array<Span & { word: boolean }> = [];
  for (let from = 0; from < token.length; ) {
    let to = Math.min(from + MAX_PASSAGE_CHARS, token.length);
    // Never between the two halves of a surrogate pair: each part must be well-formed text.
    if (to < token.length && /[\uDC00-\uDFFF]/.test(token[to]!)) to--;
    cuts.push({ start: start + from, end: start + to, word });
    from = to;
  }
  return cuts;
}
