// Worker thread holding the embedded store's lexical index (see ./lexical-on-worker.ts): loads the
// stored file, checked against its manifest entry, while the main thread reads passages, vectors and
// graph; then answers searches one at a time, in the order they come.
import { parentPort, workerData } from 'node:worker_threads';
import { LexicalPostings } from './lexical-index.js';
import type { LexicalWorkerInit, LexicalWorkerReply, LexicalWorkerRequest } from './lexical-on-worker.js';
import { preloadWordFrequencies } from '../search/term-weight.js';
import { readVerified } from './verified-file.js';

const init = workerData as LexicalWorkerInit;
const port = parentPort!;
const reply = (message: LexicalWorkerReply) => port.postMessage(message);

let postings: LexicalPostings | undefined;
try {
  const bytes = readVerified(init.dir, init.file, 'lexical');
  // Rare query words are also searched by near spellings (../store/fuzzy-terms.ts): the word counts
  // that tell them apart are read while the file is.
  preloadWordFrequencies();
  postings = LexicalPostings.load(await bytes, init.documentCount);
  reply({ type: 'loaded', documentFrequencies: new Map(postings.documentFrequencies) });
} catch (error) {
  reply({ type: 'failed', reason: (error as Error).message });
}

/** The source slug of each document, sent once the main thread has the passages. */
let sourceOf: readonly string[] = [];
port.on('message', (request: LexicalWorkerRequest) => {
  if (request.type === 'documents') {
    sourceOf = request.sources;
    return;
  }
  try {
    const { source } = request;
    const matches = postings!.match(request.terms, request.k, source === undefined ? undefined : (document) => sourceOf[document] === source);
    reply({ type: 'matches', id: request.id, matches });
  } catch (error) {
    reply({ type: 'error', id: request.id, message: (error as Error).message });
  }
});
