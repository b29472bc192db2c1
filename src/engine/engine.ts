// The loaded product: sources, embedder and indexes, answering questions with verified quotes.
import type { Answer, AskOptions, CitedResult } from '../answer/types.js';
import { citationContext } from '../citations/context.js';
import { selectQuote } from '../citations/quote.js';
import { toCitedResult } from '../citations/result.js';
import { keepVerbatim, type GateLog } from '../citations/verify.js';
import type { Embedder } from '../embedding/types.js';
import type { VectorIndex } from '../index/vector-index.js';
import type { HybridSearch } from '../search/hybrid.js';
import type { LexicalIndex } from '../search/lexical.js';
import { sanitizeQuestion } from './control-characters.js';
import { MAX_QUESTION_CHARS, QuestionError, UnknownSourceError } from './errors.js';
import { DEFAULT_RESULTS, MAX_RESULTS } from './settings.js';
import { summarize, type SourceCatalog } from './source-catalog.js';
import type { CitationContext, Engine, SourceSummary } from './types.js';

export interface EngineParts {
  catalog: SourceCatalog;
  embedder: Embedder;
  vectors: VectorIndex;
  lexical: LexicalIndex;
  search: HybridSearch;
  log: GateLog;
}

export class SearchEngine implements Engine {
  constructor(private readonly parts: EngineParts) {
    if (parts.vectors.modelId !== parts.embedder.modelId) {
      // The index builder rebuilds on a model change; reaching this is a bug, never a wrong answer.
      throw new Error(`Index built by ${parts.vectors.modelId} cannot be queried with ${parts.embedder.modelId}.`);
    }
  }

  get modelId(): string {
    return this.parts.embedder.modelId;
  }

  get passageCount(): number {
    return this.parts.vectors.count;
  }

  listSources(): SourceSummary[] {
    return this.parts.catalog.summaries();
  }

  resolveSource(slugOrFile: string): SourceSummary | undefined {
    const source = this.parts.catalog.find(slugOrFile);
    return source && summarize(source);
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const text = validQuestion(question);
    const source = options.source === undefined ? undefined : this.requireSource(options.source);
    const k = Math.min(MAX_RESULTS, Math.max(1, Math.trunc(options.k ?? DEFAULT_RESULTS)));

    const vector = await this.parts.embedder.embedQuery(text);
    const outcome = this.parts.search.search({ text, vector }, k, source?.slug);
    const idf = this.parts.lexical.stats.idf;
    const results = outcome.hits.flatMap((hit): CitedResult[] => {
      const from = this.parts.catalog.byPath(hit.passage.file);
      if (!from) return [];
      return [toCitedResult(hit.passage, from, selectQuote(text, hit.passage, idf, { matchedTerms: hit.passageTerms }), round(hit.score))];
    });
    const verified = keepVerbatim(results, (file) => this.parts.catalog.byPath(file)?.text, this.parts.log);
    return {
      question: text,
      source: source?.slug ?? null,
      answered: verified.length > 0,
      results: verified,
      searched: outcome.searched,
      tookMs: Math.round(performance.now() - started),
    };
  }

  context(citationId: string, quoted?: { start: number; end: number }): CitationContext | undefined {
    const slug = citationId.split(':')[0] ?? '';
    const source = this.parts.catalog.find(slug) ?? this.parts.catalog.sources.find((s) => s.passages.some((p) => p.id === citationId));
    if (!source) return undefined;
    const found = citationContext(source.passages, citationId.trim(), quoted);
    return found && { source: summarize(source), ...found };
  }

  async close(): Promise<void> {
    await this.parts.embedder.dispose();
  }

  private requireSource(name: string): SourceSummary {
    const found = this.resolveSource(name);
    if (!found) throw new UnknownSourceError(name, this.parts.catalog.sources.map((s) => s.slug));
    return found;
  }
}

function validQuestion(question: string): string {
  // Control characters would reach the embed title and terminals; see control-characters.ts.
  const text = sanitizeQuestion(question).trim();
  if (text === '') throw new QuestionError('Please ask a question: the question is empty.');
  if (text.length > MAX_QUESTION_CHARS) {
    throw new QuestionError(`The question is too long (${text.length} characters); the limit is ${MAX_QUESTION_CHARS}.`);
  }
  return text;
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
