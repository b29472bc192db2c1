// Text analysis for lexical matching, applied identically to passages and to questions so that
// "Pétain"/"petain", "U.S."/"US", "al-Abadi"/"al Abadi"/"Abadi", "Iraq’s"/"Iraq's"/"Iraq" meet.
// Offsets are not preserved: this feeds term matching, never quoting.
import { foldAbbreviations } from './abbreviations.js';
import { lemmaOf } from './lemmas.js';
import { foldProperAdjective } from './proper-adjectives.js';

/** Country spellings, recognised while case still tells them apart from the pronoun "us". */
const COUNTRY_USA = /\bU\.S\.(?:A\.?)?(?![\p{L}\p{N}])|\bU\.S(?![\p{L}\p{N}.])|\bUSA?\b/gu;
/** "the us" is never the pronoun, so lower-case questions still reach the country. */
const COUNTRY_USA_ANY_CASE = /\b(the\s+)u\.?s\.?(?![\p{L}\p{N}.])|\bunited\s+states\b/giu;
/** "America", "American(s)" name the country, except the continents ("Latin America", "the Americas"). */
const COUNTRY_AMERICA = /(?<!\b(?:latin|north|south|central|middle|native|pan|of\s+the)[\s-]+)\bamerica(?:ns?)?\b/giu;

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;
/** Typographic quotes become straight ones, hyphen look-alikes ASCII hyphens, dashes spaces. */
const PLAIN: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4'].map((c) => [c, "'"])),
  ...Object.fromEntries([...'\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'].map((c) => [c, '"'])),
  ...Object.fromEntries([...'\u2010\u2011\u00ad'].map((c) => [c, '-'])),
  ...Object.fromEntries([...'\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b'].map((c) => [c, ' '])),
};
const TYPOGRAPHIC = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'g');
/** Possessive "'s" goes; other apostrophes in words just close up ("countries'", "don't" → "dont"). */
const WORD_APOSTROPHE = /([\p{L}\p{N}])'(?:s(?![\p{L}\p{N}]))?/gu;

/**
 * Lower-cased, accent-free text with the country spellings folded to "usa", possessives dropped and
 * typographic quotes, hyphens and dashes made plain. Still a string: tokenize() splits it.
 */
export function normalizeText(text: string): string {
  let s = text;
  // Most text is ASCII; decomposing it would be wasted work.
  if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(COMBINING_MARKS, '').replace(TYPOGRAPHIC, (c) => PLAIN[c] ?? c);
  return foldAbbreviations(s)
    .replace(COUNTRY_USA, 'usa')
    .replace(COUNTRY_USA_ANY_CASE, (_, the: string | undefined) => `${the ?? ''}usa`)
    .replace(COUNTRY_AMERICA, 'usa')
    .replace(WORD_APOSTROPHE, '$1')
    .toLowerCase();
}

// Numbers with decimals or thousands separators ("4.2", "1,000"), else runs of letters and digits,
// hyphenated ones together ("al-Abadi", "S-400", "2006-2007") to be taken apart by tokenize().
const TOKEN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** A short letter code joined to a number: "S-400", "F-16s", "COVID-19". */
const CODE = /^\p{L}{1,5}-\p{N}+\p{L}*$/u;
const LETTERS = /^\p{L}+$/u;

/**
 * Normalised word tokens of a text, stop words included, in reading order. Codes become one token
 * ("s400"); other hyphenated words give each part and, when all parts are words, the parts joined,
 * so "al-Abadi" meets "al Abadi"/"Abadi" and "anti-tank" meets "antitank".
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const token of normalizeText(text).match(TOKEN) ?? []) {
    if (!token.includes('-')) {
      tokens.push(token.includes(',') ? token.replace(/,/g, '') : token);
    } else if (CODE.test(token)) {
      tokens.push(token.replace('-', ''));
    } else {
      const parts = token.split('-');
      tokens.push(...parts);
      if (parts.every((part) => LETTERS.test(part))) tokens.push(parts.join(''));
    }
  }
  return tokens;
}

// Function words, contractions as tokenize() leaves them, the Arabic article "al" (so "al-Abadi"
// meets "Abadi"), question words, and the words a question uses to point at the page rather than at
// its content ("what does the article say", "per the comment"): they matched filler, not answers.
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just me more most
  my myself no nor not of off on once only or other our ours ourselves out over own same she should so
  some such than that the their theirs them themselves then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves also may might must shall us let lets
  im ive youre youve youll youd hes shes weve theyre theyve theyll thats theres whats
  whos dont doesnt didnt isnt arent wasnt werent wont wouldnt cant couldnt shouldnt hasnt havent hadnt
  al el
  according per say says said tell mention mentioned describe get gets kind article articles post page
  source sources author writer reader readers comment comments commenter commenters
  anyone anybody anything someone somebody something vs versus abt w rn lol pls plz thx btw imo tho u ur`.split(/\s+/),
);

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

/**
 * Plural folding ("militias" → "militia", "countries" → "country", "F-16s" → "f16"). Regular "-ed"/"-ing"
 * forms are left alone: folding them measured worse on the held-out questions, whether by stripping
 * or by WordNet lemmas (see ./lemma-table.ts), as it merged unrelated words more often than it joined
 * related ones. "-ss", "-us", "-is" words are
 * not plurals ("ISIS", "status"); short words are left alone.
 */
export function stem(token: string): string {
  if (/\d/.test(token)) return token.replace(/^(\p{L}+\d+)s$/u, '$1');
  if (token.length <= 3) return token;
  if (token.endsWith('ies') && token.length > 4) return token.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x|z)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !/(?:ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

/** A token's lemma: irregular forms from the table ("told" → "tell", "crises" → "crisis"), else the plural folded. */
export function lemmatize(token: string): string {
  return lemmaOf(token) ?? stem(token);
}

/**
 * Index and query terms: tokens without stop words, lemmatised, nationality adjectives folded. A word
 * whose lemma is a stop word ("told" → "tell") is dropped like the lemma.
 */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (STOP_WORDS.has(token)) continue;
    const lemma = lemmatize(token);
    if (!STOP_WORDS.has(lemma)) terms.push(foldProperAdjective(lemma));
  }
  return terms;
}
