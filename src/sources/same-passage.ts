// Whether two passages are the same in every field (a field set to undefined counts as absent).
// Passage fields are all plain values, so one pass over each side's keys decides it; at 100,000
// passages comparing JSON.stringify forms took most of a second of every start, and gathering both
// sides' keys into a Set a quarter of one.
import type { Passage } from './types.js';

export function samePassage(a: Passage, b: Passage): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof Passage)[]) if (a[key] !== b[key]) return false;
  // Every field of a is b's too; what is left is a field only b has.
  for (const key of Object.keys(b) as (keyof Passage)[]) if (a[key] === undefined && b[key] !== undefined) return false;
  return true;
}
