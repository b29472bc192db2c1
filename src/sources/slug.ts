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
 * Makes slugs unique in order: the first keeps its slug, later ones get "-2", "-3"… Slugs in `fixed`
 * (chosen in sources.json) are never renamed, so a derived slug yields to them.
 */
export function uniqueSlugs(slugs: readonly string[], fixed: ReadonlySet<number> = new Set()): string[] {
  const taken = new Set(slugs.filter((_, index) => fixed.has(index)));
  return slugs.map((slug, index) => {
    if (fixed.has(index)) return slug;
    let candidate = slug;
    for (let n = 2; taken.has(candidate); n++) {
      const suffix = `-${n}`;
      candidate = slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    }
    taken.add(candidate);
    return candidate;
  });
}
