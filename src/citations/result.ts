// Assembles one cited excerpt of an answer from the passage it quotes.
import type { CitedResult } from '../answer/types.js';
import type { Passage, Source } from '../sources/types.js';
import { formatCitationRef } from './citation-ref.js';
import type { Quote } from './quote.js';
import { quotedSentences } from './quoted-sentences.js';
import { quoteLink } from './text-fragment.js';

export function toCitedResult(
  passage: Passage,
  source: Pick<Source, 'title' | 'author' | 'outlet' | 'url' | 'pages'>,
  quote: Quote,
  score: number,
): CitedResult {
  const sentences = quotedSentences(passage, quote);
  // Page 2 of a file of several pages is its own author's, under its own title; the file's URL is its
  // first page's, so a later page gets no link rather than a wrong one.
  const laterPage = passage.page !== undefined && passage.page > 1;
  const page = (laterPage && source.pages?.[passage.page! - 1]) || source;
  const url = laterPage ? undefined : quoteLink(source.url, quote.quote);
  return {
    citation: passage.id,
    quoteCitation: formatCitationRef({ passage: passage.id, ...(sentences && { sentences }) }),
    source: passage.source,
    file: passage.file,
    title: page.title,
    ...(page.author !== undefined && { author: page.author }),
    ...(page.outlet !== undefined && { outlet: page.outlet }),
    ...(passage.page !== undefined && { page: passage.page }),
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
