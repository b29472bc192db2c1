// What kind of answer a question asks for, when its own words say so: "how many…" and "how much…" a
// quantity, "when…" a time, "how old…" an age. A passage that shares the question's words but holds
// no answer of that kind does not answer it ("how many troops did Russia send?" against a paragraph
// about Russian help with no number in it): such questions are about the sources' topic, and word
// overlap alone cannot tell them from the ones the sources answer.
import { tokenize } from '../text/normalize.js';

export type AnswerType = 'quantity' | 'time' | 'age';

/**
 * The answer type a question asks for, or undefined. Only the question's own wh-phrase counts, at its
 * start or as a trailing "…, when?": in "what did Dunford say when he visited Baghdad", "when" starts
 * a clause, not the question.
 */
export function expectedAnswerType(question: string): AnswerType | undefined {
  const text = tokenize(question).join(' ');
  if (/^how old\b/.test(text)) return 'age';
  if (/^(?:how (?:many|much)|what(?: is| was)? the (?:number|population|size|cost|price) of)\b|\bhow (?:many|much)$/.test(text)) return 'quantity';
  if (/^(?:when|since when|what (?:year|date|day|month))\b|\bwhen$/.test(text)) return 'time';
  return undefined;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const YEAR = '(?:1[6-9]|20)\\d\\d';
/** A point or stretch in time: a year, a month or weekday by name, a dated day, "last week", "in the summer", "two years ago". */
const TIME = new RegExp(
  [
    `\\b${YEAR}s?\\b`,
    // Capitalised month names only: "may" is also a verb. "Jan.3" counts.
    `\\b${MONTH}\\b`,
    `\\b${WEEKDAY}s?\\b`,
    '\\b(?:last|this|next|earlier this|later this|early this|late last|that) (?:week|month|year|summer|winter|spring|autumn|fall|weekend)\\b',
    '\\b(?:yesterday|today|tomorrow|recently|decades?|centuries)\\b',
    '\\b(?:in|since|during|by|until) (?:the )?(?:summer|winter|spring|autumn|fall)\\b',
    '\\b\\w+ (?:days?|weeks?|months?|years?) (?:ago|earlier|later)\\b',
  ].join('|'),
);
const NUMBER_WORD =
  // Not "one": "one of the militias" counts nothing.
  '(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|third|quarter|percent)s?';
/** A figure that counts or measures: digits, number words, fractions, "%"; years and day numbers of dates are times, not amounts. */
const QUANTITY = new RegExp(`[$€£]\\s?\\d|\\d\\s?%|\\b${NUMBER_WORD}\\b|\\b\\d[\\d,.]*\\b`, 'gi');
const DATE_NUMBER = new RegExp(`^${YEAR}$`);
const AGE = /\b\d{1,3}[- ]years?[- ]old\b|\baged? \d{1,3}\b|\b\d{1,3}, (?:is|was) (?:the )?(?:oldest|youngest)\b/i;

/** Whether a passage holds an answer of the type: a figure, a time, an age. */
export function holdsAnswerOfType(text: string, type: AnswerType): boolean {
  if (type === 'age') return AGE.test(text);
  if (type === 'time') return TIME.test(text);
  for (const match of text.matchAll(QUANTITY)) {
    const figure = match[0];
    if (DATE_NUMBER.test(figure)) continue;
    // "July 14" and "Jan.3" are days of a date, "S-400" and "F-16s" names of things, not amounts.
    const before = text.slice(Math.max(0, (match.index ?? 0) - 12), match.index);
    if (/^\d/.test(figure) && (new RegExp(`\\b${MONTH}\\.?\\s*$`).test(before) || /\p{L}-?$/u.test(before))) continue;
    return true;
  }
  return false;
}
