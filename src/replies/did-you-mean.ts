// "Did you mean …?" for a mistyped source, command or citation id: the nearest known name by edit
// distance (fastest-levenshtein), offered only when it is near enough to be a slip of the keyboard.
import { distance } from 'fastest-levenshtein';

/** Up to a third of the typed characters may be wrong (at least one): "zerohedge" → "zero-hedge". */
const SLIP_SHARE = 1 / 3;

/** The known name nearest to `typed`, or undefined when none is near enough. Ties go to the earlier one. */
export function closestName(typed: string, known: Iterable<string>): string | undefined {
  const query = typed.trim().toLowerCase();
  if (query === '') return undefined;
  const allowed = Math.max(1, Math.floor(query.length * SLIP_SHARE));
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const d = distance(query, name.toLowerCase());
    if (d <= allowed && (!best || d < best.distance)) best = { name, distance: d };
    if (d === 0) break;
  }
  return best?.name;
}

/** " Did you mean /wsj?" (with `prefix` before the name), or '' when nothing is close. */
export function didYouMean(typed: string, known: Iterable<string>, prefix = ''): string {
  const name = closestName(typed, known);
  return name === undefined ? '' : ` Did you mean ${prefix}${name}?`;
}
