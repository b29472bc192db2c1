// Between a quote's file offsets and the sentences of its passage, so a citation id can name the quoted
// sentences ("…:p4/s2-3") and /quote can mark them again. Sentences are counted as quotes are chosen
// (splitSentences on the passage text), so a quote made of whole sentences maps back exactly; a quote
// cut inside a very long sentence maps to that sentence.
import type { Passage } from '../sources/types.js';
import { splitSentences } from '../text/sentences.js';
import type { SentenceRange } from './citation-ref.js';

type Located = Pick<Passage, 'text' | 'start'>;

/** The 1-based range of the passage's sentences that the quote (file offsets) overlaps. */
export function quotedSentences(passage: Located, quoted: { start: number; end: number }): SentenceRange | undefined {
  const start = quoted.start - passage.start;
  const end = quoted.end - passage.start;
  const numbers = splitSentences(passage.text).flatMap((span, i) => (span.start < end && span.end > start ? [i + 1] : []));
  return numbers.length > 0 ? { from: numbers[0]!, to: numbers.at(-1)! } : undefined;
}

/** File offsets of the sentences `range` names, or undefined when the passage has fewer sentences. */
export function sentenceOffsets(passage: Located, range: SentenceRange): { start: number; end: number } | undefined {
  const spans = splitSentences(passage.text);
  const first = spans[range.from - 1];
  const last = spans[range.to - 1];
  return first && last ? { start: passage.start + first.start, end: passage.start + last.end } : undefined;
}

/** How many sentences the passage has, as citation ids count them. */
export function sentenceCount(passage: Pick<Passage, 'text'>): number {
  return splitSentences(passage.text).length;
}
