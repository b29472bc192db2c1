// Page furniture: the words blogs, news sites and comment systems wrap around an article. Written as a
// vocabulary of what such pages say (WordPress, Disqus, share widgets, shop blurbs), not as the lines
// of any one seed, so a new page saved the same way is cleaned the same way.

/** A comment form's heading: after it the page has nothing of its own (until a comments heading or a new page). */
const COMMENT_FORM = [
  /^leave a (reply|comment)\b/i,
  /^(post|add|write) (a|your) comment\b/i,
  /^join the (discussion|conversation)\b/i,
];

/** A list of other stories: its cards print a title and a date, as a page's top does. */
const RECOMMENDATIONS = [
  /^you (may|might) also like\b/i,
  /^(related|recommended|popular|recent|trending) (posts|articles|stories|reading)\b/i,
  /^more (stories|articles) from\b/i,
  /^(recommended for you|read next|what to read next|more from this author)[:.]?$/i,
];

/** Lines that are furniture wherever they stand. */
const FURNITURE_LINE = [
  // Comment forms (WordPress, Jetpack).
  /^fill in your details below\b/i,
  /^you are commenting using your\b/i,
  /^log\s*out\s*\/\s*change\s*\)?$/i,
  /^(google\+?|twitter|facebook|wordpress(\.com)?|linkedin)\s+(photo|picture|account)$/i,
  /^connecting to %s$/i,
  /^%d bloggers? like(s)? this:?$/i,
  /^your email address will not be published\b/i,
  /^required fields are marked\b/i,
  /^(notify me of (new|follow-up) (comments|posts)|save my name, email)\b/i,
  /^comments are closed\b/i,
  // Share, print and navigation widgets.
  /^(share|like) this:?$/i,
  /^(share|post) (it )?on (twitter|facebook|linkedin|reddit|whatsapp|telegram|x)$/i,
  /^send this to a friend$/i,
  /^click to (share|print|email)\b/i,
  /^(like|share|print|email|tweet|reply|report)$/i,
  /^(like )?loading\.{0,3}…?$/i,
  /^image_?pdf(image_?print)?$/i,
  /^(print friendly|printer[- ]friendly)\b.{0,30}$/i,
  /^(previous|next) (post|article|story)\b.{0,80}$/i,
  /^post navigation$/i,
  /^(advertisement|sponsored( content)?|ad)$/i,
  /^subscribe\b.{0,40}\b(newsletter|updates|e-?mail)\b/i,
  // Shop blurbs for books and the like.
  /\bwherever books are sold\b/i,
  /^(order|buy|available|pre-?order)\b.{0,40}\b(amazon|barnes|bookshop|book ?stores?)\b/i,
];

/** A heading whose next paragraph is an embedded video's or picture's caption. */
const CAPTION_MARKER = [/^related (videos?|audio|podcasts?)\s*:?$/i, /^(watch|video|listen)\s*:$/i];

/** A blurb's attribution line: "— Bruce Bawer". */
const ATTRIBUTION_LINE = /^[—–]\s*\p{Lu}[\p{L}.'’ -]{1,40}$/u;

/** Such headings are short ("Leave a Reply", "Leave a Reply to Sam Cancel reply"); a sentence is not one. */
const MAX_END_HEADING_WORDS = 8;

const isShortHeading = (line: string): boolean => line.split(/\s+/).length <= MAX_END_HEADING_WORDS && !/[.!?]$/.test(line);

/** A line after which the page has nothing of the article's or the readers' own: a comment form or a list of other stories. */
export const isEndOfContent = (line: string): boolean =>
  isShortHeading(line) && [...COMMENT_FORM, ...RECOMMENDATIONS].some((pattern) => pattern.test(line));

export const isRecommendationsHeading = (line: string): boolean =>
  isShortHeading(line) && RECOMMENDATIONS.some((pattern) => pattern.test(line));

export const isFurnitureLine = (line: string): boolean => FURNITURE_LINE.some((pattern) => pattern.test(line));

export const isCaptionMarker = (line: string): boolean => CAPTION_MARKER.some((pattern) => pattern.test(line));

/** A publisher's testimonial: one short line of praise with an attribution line under it. */
export function isTestimonial(lines: readonly string[]): boolean {
  const [praise, attribution, ...rest] = lines;
  return (
    praise !== undefined && attribution !== undefined && rest.length === 0 &&
    ATTRIBUTION_LINE.test(attribution) && praise.split(/\s+/).length <= 25
  );
}
