// Assembles one cited excerpt of an answer from the passage it quotes.
import type { CitedResult } from '../answer/types.js';
import type { Passage, Source } from '../sources/types.js';
import { formatCitationRef } from './citation-ref.js';
import type { Quote } from './quote.js';
import { quotedSentences } from './quoted-sentences.js';
import { quoteLink } from './text-fragment.js';

export function toCitedResult(
  passage: Passage,
  source: Pick<Source, 'title' | 'outlet' | 'url'>,
  quote: Quote,
  score: number,
): CitedResult {
  const sentences = quotedSentences(passage, quote);
  const url = quoteLink(source.url, quote.quote);
  return {
    citation: passage.id,
    quoteCitation: formatCitationRef({ passage: passage.id, ...(sentences && { sentences }) }),
    source: passage.source,
    file: passage.file,
    title: source.title,
    ...(source.outlet !== undefined && { outlet: source.outlet }),
    kind: passage.kind,
    ...(passage.fact !== undefined && { fact: passage.fact }),
    ...(url !== undefined && { url }),
    ...(passage.commenter !== undefined && { commenter: passage.commenter }),
    ...(passage.comment !== undefined && { comment: passage.comment }),
    ...(passage.quoting !== undefined && { quoting: passage.quoting }),
    paragraph: passage.paragraph,
    start: quote.start,
    end: quote.end,
    quote: quote.quote,
    text: passage.text,
    score,
  };
}
