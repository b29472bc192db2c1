// A link that opens the source at the quote: the source's URL with a text fragment
// (#:~:text=start,end, the URL Fragment Text Directive), so the browser scrolls to the quoted words and
// highlights them. Only ever built on a URL the source really has: no URL, no link.

/** Quotes of more words than twice this are found by their first and last words (textStart,textEnd). */
const WORDS_PER_END = 5;
/** Directive values must percent-encode at least "-", "," and "&"; parentheses, quotes and the rest
 * of encodeURIComponent's unreserved marks are encoded too, so the link also survives Markdown. */
const LEFT_UNENCODED = /[-!'()*~]/g;

export function quoteLink(url: string | undefined, quote: string): string | undefined {
  if (url === undefined) return undefined;
  // The page renders a hard-wrapped line as one line of words: match words, not the file's whitespace.
  const words = quote.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return url;
  const directive = words.length <= 2 * WORDS_PER_END
    ? encodeValue(words.join(' '))
    : `${encodeValue(words.slice(0, WORDS_PER_END).join(' '))},${encodeValue(words.slice(-WORDS_PER_END).join(' '))}`;
  // A fragment the URL already has stays; the directive follows it after ":~:".
  const base = url.replace(/:~:.*$/, '');
  return `${base}${base.includes('#') ? '' : '#'}:~:text=${directive}`;
}

function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(LEFT_UNENCODED, (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
