// Source slugs: short names users type ("/informed-comment", "informed-comment:p4"), valid as Discord
// command names, derived from the outlet when the page names one, else from the title.
import { isStopWord } from '../text/normalize.js';

export const SLUG_PATTERN = /^[-_a-z0-9]{1,32}$/;
const MAX_SLUG_LENGTH = 32;
/** Enough title words to tell sources apart and still be quick to type. */
const MAX_TITLE_WORDS = 3;

/** Lower-case ASCII words of a text, apostrophes dropped ("Putin’s" → "putins"). */
function slugWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’‘`´]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Joins words with hyphens, stopping at a word boundary within the length limit. */
function joinWithin(words: readonly string[], maxLength: number): string {
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, maxLength);
}

export interface SlugFacts {
  /** The outlet as the page writes it ("WSJ", "Informed Comment"). */
  outlet?: string;
  title: string;
  fileName: string;
}

export function deriveSlug({ outlet, title, fileName }: SlugFacts): string {
  const fromOutlet = joinWithin(slugWords(outlet?.replace(/^the\s+/i, '') ?? ''), MAX_SLUG_LENGTH);
  if (fromOutlet) return fromOutlet;
  // "Get Ready: Putin’s Next Conquest": the words after the colon say what it is about.
  const afterColon = title.split(':').at(-1) ?? '';
  const subject = slugWords(afterColon).length >= 2 ? afterColon : title;
  const significant = slugWords(subject).filter((word) => !isStopWord(word));
  const fromTitle = joinWithin(significant.slice(0, MAX_TITLE_WORDS), MAX_SLUG_LENGTH);
  return fromTitle || joinWithin(slugWords(fileName.replace(/\.txt$/i, '')), MAX_SLUG_LENGTH) || 'source';
}

/**
 * Every slug a source was ever given, with the file it was given to and that file's content hash when
 * last indexed. Recorded with the index, so a slug, and with it every citation id, stays with its
 * source: a newcomer never takes an incumbent's slug, and a slug whose file was removed stays reserved
 * (old citations then say "unknown" instead of opening another page).
 */
export type SlugBook = Readonly<Record<string, { file: string; hash: string }>>;

/** What assigning a slug needs to know about one source file. */
export interface SlugCandidate {
  /** Project-relative path, as passages cite it. */
  file: string;
  hash: string;
  /** Derived from the page's outlet or title. */
  derived: string;
  /** Set in sources.json: always used as is. */
  chosen?: string;
}

/** A slug sources.json chose that already belongs to another file, so it was not given. */
export interface RefusedSlug {
  file: string;
  chosen: string;
  /** The file the book gives it to (present, or removed and so reserved). */
  heldBy: string;
}

/**
 * Slugs for the given files, in their order. A file the book knows keeps its slug; a file the book does
 * not know but whose content a vanished file had (a rename) inherits that slug; a slug chosen in
 * sources.json is used unless the book gives it to another file (an incumbent never loses its slug,
 * and a removed file's stays reserved: such a choice is refused); any other file gets its derived slug,
 * with "-2", "-3"… when the slug is taken by a present source or reserved in the book.
 */
export function assignSlugs(candidates: readonly SlugCandidate[], book: SlugBook = {}): { slugs: string[]; refused: RefusedSlug[] } {
  const present = new Set(candidates.map((candidate) => candidate.file));
  const slugOfFile = new Map<string, string>();
  const slugOfVanishedHash = new Map<string, string>();
  for (const [slug, { file, hash }] of Object.entries(book)) {
    if (present.has(file)) slugOfFile.set(file, slug);
    else if (!slugOfVanishedHash.has(hash)) slugOfVanishedHash.set(hash, slug);
  }
  const refused: RefusedSlug[] = [];
  const chosenOf = candidates.map((candidate) => {
    const holder = candidate.chosen === undefined ? undefined : book[candidate.chosen]?.file;
    if (holder === undefined || holder === candidate.file) return candidate.chosen;
    refused.push({ file: candidate.file, chosen: candidate.chosen!, heldBy: holder });
    return undefined;
  });
  const chosen = new Set(chosenOf.filter((slug): slug is string => slug !== undefined));
  const taken = new Set([...chosen, ...Object.keys(book)]);
  const assigned: (string | undefined)[] = candidates.map((candidate, index) => {
    const own = chosenOf[index];
    if (own !== undefined) return own;
    const kept = slugOfFile.get(candidate.file) ?? slugOfVanishedHash.get(candidate.hash);
    if (kept === undefined) return undefined;
    // A renamed file inherits once: a second copy of the same content is a newcomer.
    slugOfVanishedHash.delete(candidate.hash);
    return kept;
  });
  const slugs = candidates.map((candidate, index) => {
    const kept = assigned[index];
    if (kept !== undefined) return kept;
    let slug = candidate.derived;
    for (let n = 2; taken.has(slug); n++) {
      const suffix = `-${n}`;
      slug = candidate.derived.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    }
    taken.add(slug);
    return slug;
  });
  return { slugs, refused };
}

/** The book after assigning: every earlier entry kept (reserved), present sources at their current hash. */
export function updateSlugBook(book: SlugBook, sources: readonly { slug: string; file: string; hash: string }[]): SlugBook {
  const next: Record<string, { file: string; hash: string }> = { ...book };
  for (const { slug, file, hash } of sources) next[slug] = { file, hash };
  return next;
}
