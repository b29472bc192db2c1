// Nationality and place adjectives fold to the place they name ("Russian", "Russians" → "russia";
// "Kurdish" → "kurdistan"), so a question about "the Russians" meets a passage about "Russia". The
// table is generated from WordNet's pertainym links by scripts/generate-proper-adjectives.ts and
// committed, so lexical search needs no WordNet at run time.
import { readFileSync } from 'node:fs';

let table: ReadonlyMap<string, string> | undefined;

function loadTable(): ReadonlyMap<string, string> {
  const json = readFileSync(new URL('./proper-adjectives.json', import.meta.url), 'utf8');
  return new Map(Object.entries(JSON.parse(json) as Record<string, string>));
}

/** The place an analysed adjective term names, or the term itself. */
export function foldProperAdjective(term: string): string {
  table ??= loadTable();
  return table.get(term) ?? term;
}
