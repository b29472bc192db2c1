// Run as its own process by cold-start.ts (node --import tsx, as `npm run ask` runs): opens the
// engine on an already-built index, answers one question and prints its timings as one JSON line.
// Nothing is imported statically, so the first reading is node + tsx start-up alone.
const reachedMs = performance.now();

const { readFileSync } = await import('node:fs');
const [seedsDir, embeddingsDir, modelsDir, projectRoot, question] = process.argv.slice(2);
if (!seedsDir || !embeddingsDir || !modelsDir || !projectRoot || !question) {
  throw new Error('usage: cold-start-child.ts <seedsDir> <embeddingsDir> <modelsDir> <projectRoot> <question>');
}
const { openEngine } = await import('../engine/open.js');
const { createLogger } = await import('../log/logger.js');
const importedMs = performance.now();
const rssImported = process.memoryUsage.rss();

const { engine, stats } = await openEngine({ projectRoot, seedsDir, embeddingsDir, modelsDir, model: 'offline', logger: createLogger('warn') });
const openedMs = performance.now();
const rssOpened = process.memoryUsage.rss();
const answer = await engine.ask(question);
const answeredMs = performance.now();
await engine.close();

/**
 * Peak resident memory of this process. Linux carries ru_maxrss (process.resourceUsage().maxRSS)
 * over from the forking parent through exec, so a child of a large bench process would report the
 * parent's size; VmHWM belongs to this process's own address space. Elsewhere maxRSS is all there is.
 */
function peakRssBytes(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

// performance.now() counts from the process's time origin, i.e. from its start.
process.stdout.write(
  `${JSON.stringify({
    startupMs: reachedMs,
    importMs: importedMs - reachedMs,
    openMs: openedMs - importedMs,
    askMs: answeredMs - openedMs,
    firstAnswerMs: answeredMs,
    peakRssBytes: peakRssBytes(),
    rssBytes: { imported: rssImported, opened: rssOpened, answered: process.memoryUsage.rss() },
    /** Why the index was (re)built, or null: the cold start is meant to find it built. */
    rebuilt: stats.embedded > 0 ? (stats.rebuilt ?? `${stats.embedded} passages embedded`) : null,
    answered: answer.answered,
  })}\n`,
);
