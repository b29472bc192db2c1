// Hypernym ancestors passed down to senses: each synset counts with the vectors of its hypernyms up to
// a few levels, decaying per level and weighted by how specific the ancestor is — its intrinsic
// information content (Seco et al. 2004, 1 − log(hyponyms + 1) / log(synsets)), squared. So
// "legislator" passes on to "parliamentarian" and "murder" to "assassination", while "person" or
// "entity", ancestors of a large part of WordNet, pass on almost nothing (everything would look alike).
import type { WordNetSynset } from '../../text/wordnet.js';

const LEVELS = 3;
const DECAY = 0.7;
const SPECIFICITY_POWER = 2;
const HYPERNYM_SYMBOLS = new Set(['@', '@i']);

/** Number of hyponyms below each synset (counted along every path, which only overcounts the few
 *  synsets with two parents). */
function hyponymCounts(children: readonly number[][]): Float64Array {
  const counts = new Float64Array(children.length).fill(-1);
  const count = (row: number): number => {
    if (counts[row]! >= 0) return counts[row]!;
    counts[row] = 0; // guards against a cycle
    let total = 0;
    for (const child of children[row]!) total += 1 + count(child);
    counts[row] = total;
    return total;
  };
  for (let row = 0; row < children.length; row++) count(row);
  return counts;
}

export type Ancestors = (row: number) => ReadonlyArray<readonly [ancestor: number, weight: number]>;

/** The weighted hypernym ancestors of a synset row (the synset itself excluded). */
export function hypernymAncestors(synsets: readonly WordNetSynset[], rowOf: ReadonlyMap<string, number>): Ancestors {
  const parents = synsets.map((synset) =>
    synset.pointers.filter((p) => HYPERNYM_SYMBOLS.has(p.symbol)).flatMap((p) => rowOf.get(p.targetKey) ?? []),
  );
  const children: number[][] = synsets.map(() => []);
  parents.forEach((list, row) => list.forEach((parent) => children[parent]!.push(row)));
  const hyponyms = hyponymCounts(children);
  const logSynsets = Math.log(synsets.length);
  const specificity = Float32Array.from(hyponyms, (n) => Math.max(0, 1 - Math.log(n + 1) / logSynsets) ** SPECIFICITY_POWER);

  return (row) => {
    const found: Array<[number, number]> = [];
    // Weight reaching each ancestor of this level; a synset with two parents splits it between them.
    let level = new Map<number, number>([[row, 1]]);
    for (let depth = 1; depth <= LEVELS; depth++) {
      const next = new Map<number, number>();
      for (const [child, weight] of level) {
        const list = parents[child]!;
        for (const parent of list) next.set(parent, (next.get(parent) ?? 0) + (weight * DECAY) / list.length);
      }
      for (const [ancestor, weight] of next) found.push([ancestor, weight * specificity[ancestor]!]);
      level = next;
    }
    return found;
  };
}
