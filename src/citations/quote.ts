// Picks the part of a passage worth quoting for a question: the one to three consecutive sentences
// that cover the question's rarest terms, as an exact substring with file offsets.
import type { Passage } from '../sources/types.js';
import type { Idf } from '../search/termStats.js';
import { analyze } from '../text/normalize.js';
import { splitSentences } from '../text/sentences.js';

export interface Quote {
  quote: string;
  /** Offsets in the file: fileText.slice(start, end) === quote. */
  start: number;
  end: number;
}

export interface QuoteOptions {
  /** Longest quote in characters; a longer single sentence is cut at word boundaries. */
  maxChars?: number;
  /** Quotes shorter than this take in the next (or previous) sentence. */
  minChars?: number;
  /**
   * Analysed passage terms that search matched for this question (LexicalHit.passageTerms), so a
   * misspelt name in the question ("Matvienko") still finds its sentence ("Marvienko").
   */
  matchedTerms?: readonly string[];
}

const MAX_SENTENCES = 3;
/** Each sentence beyond the first must raise the covered weight by a quarter to be worth it. */
const EXTRA_SENTENCE_FACTOR = 0.8;
/** A neighbour whose own match weighs this share of the best sentence's is quoted with it. */
const NEIGHBOUR_SHARE = 1 / 3;
/** Up to this much more score for a sentence whose matching terms stand close together. */
const PROXIMITY_BONUS = 0.3;

interface Span {
  start: number;
  end: number;
}

interface ScoredSentence extends Span {
  /** Question terms the sentence contains. */
  matched: Set<string>;
  /** 0..1: how tightly the matched terms cluster (1 = all adjacent). */
  density: number;
}

export function selectQuote(
  question: string,
  passage: Pick<Passage, 'text' | 'start'>,
  idf: Idf,
  { maxChars = 600, minChars = 80, matchedTerms = [] }: QuoteOptions = {},
): Quote {
  const text = passage.text;
  const weights = new Map([...analyze(question), ...matchedTerms].map((t) => [t, idf(t)]));
  const sentences = sentenceSpans(text).map((span) => scoreSentence(text, span, weights));

  const weightOf = (terms: Iterable<string>): number => {
    let sum = 0;
    for (const t of terms) sum += weights.get(t) ?? 0;
    return sum;
  };

  let best = { from: 0, to: 0, score: 0 };
  sentences.forEach((_, from) => {
    const covered = new Set<string>();
    let density = 0;
    for (let to = from; to < Math.min(sentences.length, from + MAX_SENTENCES); to++) {
      const sentence = sentences[to]!;
      if (to > from && sentence.end - sentences[from]!.start > maxChars) break;
      for (const t of sentence.matched) covered.add(t);
      density = Math.max(density, sentence.density);
      const score = weightOf(covered) * (1 + PROXIMITY_BONUS * density) * EXTRA_SENTENCE_FACTOR ** (to - from);
      if (score > best.score) best = { from, to, score };
    }
  });

  // Take in neighbours that also match (the answer often follows the sentence naming the subject:
  // "…visited Baghdad." "Dunford said that…"), and the neighbour of a very short quote ("A hopeful
  // sign.") or of the no-match fallback; the following sentence first.
  let { from, to } = best;
  const ownWeight = (i: number): number => weightOf(sentences[i]!.matched);
  let anchor = 0;
  for (let i = from; i <= to; i++) anchor = Math.max(anchor, ownWeight(i));
  const lengthOf = (a: number, b: number): number => sentences[b]!.end - sentences[a]!.start;
  const worthAdding = (i: number, a: number, b: number): boolean =>
    i >= 0 && i < sentences.length && lengthOf(a, b) <= maxChars &&
    ((ownWeight(i) > 0 && ownWeight(i) >= anchor * NEIGHBOUR_SHARE) || lengthOf(from, to) < minChars);
  while (to - from + 1 < MAX_SENTENCES) {
    if (worthAdding(to + 1, from, to + 1)) to++;
    else if (worthAdding(from - 1, from - 1, to)) from--;
    else break;
  }

  let span: Span = { start: sentences[from]!.start, end: sentences[to]!.end };
  if (span.end - span.start > maxChars) span = cutAtWords(text, span, weights, maxChars);
  return { quote: text.slice(span.start, span.end), start: passage.start + span.start, end: passage.start + span.end };
}

function sentenceSpans(text: string): Span[] {
  const spans = splitSentences(text);
  if (spans.length > 0) return spans;
  // A passage is never blank, but be total: quote all of it, trimmed.
  const start = text.length - text.trimStart().length;
  return [{ start, end: Math.max(start, text.trimEnd().length) }];
}

function scoreSentence(text: string, span: Span, weights: ReadonlyMap<string, number>): ScoredSentence {
  const terms = analyze(text.slice(span.start, span.end));
  const matched = new Set(terms.filter((t) => weights.has(t)));
  return { ...span, matched, density: matched.size < 2 ? 0 : density(terms, matched) };
}

/** (distinct matched terms − 1) / (shortest window holding all of them − 1), in terms. */
function density(terms: readonly string[], matched: ReadonlySet<string>): number {
  const counts = new Map<string, number>();
  let shortest = Infinity;
  let left = 0;
  terms.forEach((term, right) => {
    if (!matched.has(term)) return;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    while (counts.size === matched.size) {
      shortest = Math.min(shortest, right - left + 1);
      const leftTerm = terms[left++]!;
      const count = counts.get(leftTerm);
      if (count === undefined) continue;
      if (count === 1) counts.delete(leftTerm);
      else counts.set(leftTerm, count - 1);
    }
  });
  return (matched.size - 1) / (shortest - 1);
}

/**
 * The stretch of whole words, at most maxChars long, that covers the most question weight; of the
 * stretches covering as much, the middle one, so the matching words sit inside rather than at an edge.
 */
function cutAtWords(text: string, span: Span, weights: ReadonlyMap<string, number>, maxChars: number): Span {
  // Stray punctuation (" , ") is never the first or last word of a cut.
  const words = [...text.slice(span.start, span.end).matchAll(/\S+/g)]
    .filter((m) => /[\p{L}\p{N}]/u.test(m[0]))
    .map((m) => ({
      start: span.start + m.index,
      end: span.start + m.index + m[0].length,
      terms: analyze(m[0]).filter((t) => weights.has(t)),
    }));
  let bestScore = -1;
  let ties: Span[] = [];
  for (let first = 0; first < words.length; first++) {
    const covered = new Set<string>();
    let last = first;
    for (let i = first; i < words.length && words[i]!.end - words[first]!.start <= maxChars; i++) {
      for (const t of words[i]!.terms) covered.add(t);
      last = i;
    }
    let score = 0;
    for (const t of covered) score += weights.get(t) ?? 0;
    const cut = { start: words[first]!.start, end: words[last]!.end };
    if (score > bestScore) [bestScore, ties] = [score, [cut]];
    else if (score === bestScore) ties.push(cut);
  }
  const best = ties[Math.floor((ties.length - 1) / 2)] ?? { start: span.start, end: span.start + maxChars };
  // A single "word" longer than maxChars (a URL) is cut where it must be.
  return best.end - best.start > maxChars ? { start: best.start, end: best.start + maxChars } : best;
}
