// Assembles one cited excerpt of an answer from the passage it quotes.
import type { CitedResult } from '../answer/types.js';
import type { Passage, Source } from '../sources/types.js';
import type { Quote } from './quote.js';

export function toCitedResult(
  passage: Passage,
  source: Pick<Source, 'title' | 'outlet'>,
  quote: Quote,
  score: number,
): CitedResult {
  return {
    citation: passage.id,
    source: passage.source,
    file: passage.file,
    title: source.title,
    ...(source.outlet !== undefined && { outlet: source.outlet }),
    kind: passage.kind,
    ...(passage.fact !== undefined && { fact: passage.fact }),
    ...(passage.quoting !== undefined && { quoting: passage.quoting }),
    ...(passage.commenter !== undefined && { commenter: passage.commenter }),
    ...(passage.comment !== undefined && { comment: passage.comment }),
    paragraph: passage.paragraph,
    start: quote.start,
    end: quote.end,
    quote: quote.quote,
    text: passage.text,
    score,
  };
}
