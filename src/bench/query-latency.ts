// Warm query latency on an opened engine: end to end through engine.ask, and per stage by calling
// the stages from `parts` the way ask does (embed the question, hybrid search, quote and verify).
import { selectQuote } from '../citations/quote.js';
import { toCitedResult } from '../citations/result.js';
import { keepVerbatim } from '../citations/verify.js';
import type { OpenedEngine } from '../engine/open.js';
import { DEFAULT_RESULTS } from '../engine/settings.js';
import { idfOf } from '../search/termStats.js';
import { analyze } from '../text/normalize.js';
import { summarize, type LatencySummary } from './percentile.js';

export interface LatencyFigures {
  questions: number;
  /** Timed passes over the questions, after one untimed warm-up pass. */
  repeats: number;
  /** Share of questions answered rather than abstained on. */
  answeredShare: number;
  endToEnd: LatencySummary;
  stages: { embed: LatencySummary; search: LatencySummary; quote: LatencySummary };
}

export async function measureQueryLatency({ engine, parts }: OpenedEngine, questions: readonly string[], repeats: number): Promise<LatencyFigures> {
  let answered = 0;
  for (const question of questions) if ((await engine.ask(question)).answered) answered++;

  const endToEnd: number[] = [];
  const embed: number[] = [];
  const search: number[] = [];
  const quote: number[] = [];
  for (let pass = 0; pass < repeats; pass++) {
    for (const question of questions) {
      const started = performance.now();
      await engine.ask(question);
      endToEnd.push(performance.now() - started);
    }
    for (const text of questions) {
      const t0 = performance.now();
      const vector = await parts.embedder.embedQuery(text);
      const t1 = performance.now();
      const outcome = await parts.search.search({ text, vector }, DEFAULT_RESULTS);
      const t2 = performance.now();
      const idf = idfOf(await parts.store.termCounts([...new Set([...analyze(text), ...outcome.hits.flatMap((hit) => hit.passageTerms)])]));
      const results = outcome.hits.flatMap((hit) => {
        const from = parts.catalog.byPath(hit.passage.file);
        return from ? [toCitedResult(hit.passage, from, selectQuote(text, hit.passage, idf), hit.score)] : [];
      });
      keepVerbatim(results, (file) => parts.catalog.byPath(file)?.text, parts.log);
      const t3 = performance.now();
      embed.push(t1 - t0);
      search.push(t2 - t1);
      quote.push(t3 - t2);
    }
  }
  return {
    questions: questions.length,
    repeats,
    answeredShare: answered / questions.length,
    endToEnd: summarize(endToEnd),
    stages: { embed: summarize(embed), search: summarize(search), quote: summarize(quote) },
  };
}
