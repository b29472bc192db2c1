// Run as its own process by scale-bench.ts, once per store and corpus size, so each run's peak memory
// is its own. `build`: builds the store over a synthetic corpus from scratch, then measures warm
// latency through the engine, recall@10 against exact search, and disk. `cold`: opens the built
// store in a fresh process and answers one question. Prints one JSON line.
const startedMs = performance.now();

// What generating the corpus needs. The engine's modules are imported after it, once the stored lexical
// index has started loading, as the command line imports them (../cli/context.ts readIndexAhead).
const { join } = await import('node:path');
const { loadSources } = await import('../sources/load.js');
const { syntheticCorpus } = await import('./synthetic-corpus.js');
const { startEarlyLexicalLoad } = await import('../index/early-lexical.js');
const firstImportsMs = performance.now() - startedMs;

const [mode, store, size, workDir, seedsDir, modelsDir, databaseUrl] = process.argv.slice(2);
if ((mode !== 'build' && mode !== 'cold') || !store || !size || !workDir || !seedsDir || !modelsDir) {
  throw new Error('usage: scale-child.ts build|cold embedded|postgres <passages> <workDir> <seedsDir> <modelsDir> [databaseUrl]');
}
const CORPUS_SEED = 20_151_014;
const HELD_OUT_QUERIES = 150;
const RECALL_K = 10;
const LATENCY_REPEATS = 3;

const embeddingsDir = join(workDir, 'embeddings');
const exactFile = join(workDir, 'exact.json');
const seeds = await loadSources(seedsDir, join(seedsDir, '..'));
const corpusStarted = performance.now();
const corpus = syntheticCorpus(seeds, { passages: Number(size), seed: CORPUS_SEED, heldOut: HELD_OUT_QUERIES });
const corpusMs = performance.now() - corpusStarted;

const earlyLexical = store === 'embedded' ? startEarlyLexicalLoad(embeddingsDir) : undefined;
const importsStarted = performance.now();
const { corpusFingerprint, loadOrMeasureCalibration } = await import('../calibration/index-calibration.js');
const { createEmbedder } = await import('../embedding/create-embedder.js');
const { SearchEngine } = await import('../engine/engine.js');
const { SEARCH_SETTINGS } = await import('../engine/settings.js');
const { SourceCatalog } = await import('../engine/source-catalog.js');
const { EmbeddedStore } = await import('../index/embedded-store.js');
const { createLogger } = await import('../log/logger.js');
const { HybridSearch } = await import('../search/hybrid.js');
const { preloadWordFrequencies } = await import('../search/term-weight.js');
const { storeLocation } = await import('../store/open-store.js');
const { LATENCY_QUESTIONS } = await import('./questions.js');
const { peakRssBytes, directoryBytes, databaseBytes } = await import('./resources.js');
const importMs = firstImportsMs + (performance.now() - importsStarted);
const logger = createLogger('warn');

const location = storeLocation({ databaseUrl: store === 'postgres' ? databaseUrl : undefined, embeddingsDir, ...(earlyLexical ? { earlyLexical } : {}) });
// As openEngine does: the store reads ahead while the model loads, and the passages are fingerprinted
// and the word counts read while it opens.
location.prepare?.();
const embedder = await createEmbedder({ model: 'offline', modelsDir });

const openStarted = performance.now();
const opening = location.open({ sources: corpus.sources, embedder, logger });
const fingerprint = corpusFingerprint(corpus.sources.flatMap((source) => source.passages));
preloadWordFrequencies();
const { store: opened, stats } = await opening;
const openMs = performance.now() - openStarted;
const { calibration } = await loadOrMeasureCalibration(opened, embedder, fingerprint);
const engine = new SearchEngine({
  catalog: new SourceCatalog(corpus.sources),
  embedder,
  store: opened,
  search: new HybridSearch(opened, SEARCH_SETTINGS, calibration.denseScale),
  // The synthetic sources live in this process's memory, not in files: they cannot change under it.
  freshness: { isCurrent: async () => true },
  log: logger,
});

if (mode === 'cold') {
  const askStarted = performance.now();
  const answer = await engine.ask(LATENCY_QUESTIONS[0]!);
  const answeredMs = performance.now();
  print({
    // From process start to the first answer, less the corpus generation (a bot reads its sources instead).
    firstAnswerMs: answeredMs - corpusMs,
    startupMs: startedMs,
    importMs,
    corpusMs,
    openMs,
    askMs: answeredMs - askStarted,
    answered: answer.answered,
    written: stats.written,
    peakRssBytes: peakRssBytes(),
  });
} else {
  // Only a build measures these: a cold start imports what a bot imports.
  const { existsSync } = await import('node:fs');
  const { readFile, writeFile } = await import('node:fs/promises');
  const { exactNeighboursInPostgres } = await import('./exact-in-postgres.js');
  const { summarize } = await import('./percentile.js');
  for (const question of LATENCY_QUESTIONS) await engine.ask(question);
  const timings: number[] = [];
  for (let pass = 0; pass < LATENCY_REPEATS; pass++) {
    for (const question of LATENCY_QUESTIONS) {
      const started = performance.now();
      await engine.ask(question);
      timings.push(performance.now() - started);
    }
  }
  const queries: Float32Array[] = [];
  for (const text of [...LATENCY_QUESTIONS, ...corpus.heldOut]) queries.push(await embedder.embedQuery(text));
  // Exact neighbours come from the embedded store's exact search (same model, same texts); the
  // Postgres run of the same size reads them, or asks Postgres for them when no embedded run made them.
  if (opened instanceof EmbeddedStore) {
    const exact = queries.map((query) => opened.vectors.bruteForce(query, RECALL_K).map((hit) => hit.passage.id));
    await writeFile(exactFile, JSON.stringify(exact));
  } else if (!existsSync(exactFile)) {
    await writeFile(exactFile, JSON.stringify(await exactNeighboursInPostgres(databaseUrl!, queries, RECALL_K)));
  }
  const exact = JSON.parse(await readFile(exactFile, 'utf8')) as string[][];
  let recall = 0;
  for (const [i, query] of queries.entries()) {
    const found = new Set((await opened.dense(query, RECALL_K)).map((hit) => hit.passage.id));
    recall += exact[i]!.filter((id) => found.has(id)).length / exact[i]!.length;
  }
  print({
    passages: stats.passages,
    buildSeconds: openMs / 1000,
    embedded: stats.embedded,
    latency: summarize(timings),
    recallAt10: recall / queries.length,
    recallQueries: queries.length,
    diskBytes: store === 'postgres' ? await databaseBytes(databaseUrl!) : await directoryBytes(embeddingsDir),
    peakRssBytes: peakRssBytes(),
  });
}
await engine.close();

function print(report: object): void {
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
