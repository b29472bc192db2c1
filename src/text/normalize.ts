// Text analysis for lexical matching, applied identically to passages and to questions so that
// "Pétain"/"petain", "U.S."/"US", "al-Abadi"/"al Abadi"/"Abadi", "Iraq’s"/"Iraq's"/"Iraq" meet.
// Offsets are not preserved: this feeds term matching, never quoting.

/** Country spellings, recognised while case still tells them apart from the pronoun "us". */
const COUNTRY_USA = [
  /\bU\.S\.A\.?(?![\p{L}\p{N}])/gu,
  /\bU\.S\.?(?![\p{L}\p{N}])/gu,
  /\bUSA?\b/g,
  // "the us" is never the pronoun, so lower-case questions still reach the country.
  /\bthe\s+u\.?s\.?(?![\p{L}\p{N}.])/giu,
  /\bunited\s+states\b/giu,
];

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const POSSESSIVE = /([\p{L}\p{N}])'s(?![\p{L}\p{N}])/gu;
/** Plural possessive ("countries'") and contractions ("don't" → "dont"): the apostrophe just goes. */
const WORD_APOSTROPHE = /([\p{L}\p{N}])'/gu;
/** Hyphen look-alikes inside words become ASCII hyphens; dashes between words become spaces. */
const HYPHENS = /[\u2010\u2011\u00ad]/g;
const DASHES = /[\u2012-\u2015\u2212\u2e3a\u2e3b]/g;

/**
 * Lower-cased, accent-free text with the country spellings folded to "usa", possessives dropped and
 * typographic quotes, hyphens and dashes made plain. Still a string: tokenize() splits it.
 */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKD').replace(COMBINING_MARKS, '');
  s = COUNTRY_USA.reduce((acc, pattern) => acc.replace(pattern, (m) => (/^the/i.test(m) ? 'the usa' : 'usa')), s);
  return s
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(POSSESSIVE, '$1')
    .replace(WORD_APOSTROPHE, '$1')
    .replace(HYPHENS, '-')
    .replace(DASHES, ' ')
    .toLowerCase();
}

// One pass, longest alternative first:
//  1. short letter codes joined to a number ("S-400", "F-16s", "COVID-19") → one token "s400";
//  2. hyphenated words ("al-Abadi", "anti-tank") → each part, then the parts joined, so that both
//     "al Abadi"/"Abadi" and "antitank" meet them;
//  3. numbers with decimals or thousands separators ("4.2", "1,000") → "4.2", "1000";
//  4. runs of letters and digits. Hyphens between numbers split them ("2006-2007").
const TOKEN = /(\p{L}{1,5})-(\p{N}+\p{L}*)(?![\p{L}\p{N}])|\p{L}+(?:-\p{L}+)+|\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+/gu;

/** Normalised word tokens of a text, stop words included, in reading order. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const m of normalizeText(text).matchAll(TOKEN)) {
    if (m[1] !== undefined && m[2] !== undefined) {
      tokens.push(m[1] + m[2]);
    } else if (m[0].includes('-')) {
      const parts = m[0].split('-');
      tokens.push(...parts, parts.join(''));
    } else {
      tokens.push(m[0].replace(/,/g, ''));
    }
  }
  return tokens;
}

// Function words, contractions as tokenize() leaves them, the Arabic article "al" (so "al-Abadi"
// meets "Abadi") and question words, which say what is asked, not what the answer contains.
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
  al el`.split(/\s+/),
);

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

const VOWEL = /[aeiouy]/;

/**
 * Conservative suffix stripping (no stemming library is installed): plurals, "-ed", "-ing" and a
 * final "e", so "bombings"/"bombed"/"bomb" and "negotiate"/"negotiating" meet. Short words, numbers
 * and codes are left alone; "-ss", "-us", "-is" plurals are not plurals ("ISIS", "status").
 */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token.slice(0, -1))) return token.replace(/^(\p{L}+\d+)s$/u, '$1');
  let s = token;
  if (/ie[sd]$/.test(s) && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    const base = s.slice(0, -suffix.length);
    if (s.endsWith(suffix) && base.length >= 3 && VOWEL.test(base)) {
      // Undo the doubled consonant of "running", "stopped"; "killing", "missing" keep theirs.
      s = /([^aeiouslz])\1$/.test(base) ? base.slice(0, -1) : base;
      break;
    }
  }
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

/** Index and query terms: tokens without stop words, stemmed. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) if (!STOP_WORDS.has(token)) terms.push(stem(token));
  return terms;
}
