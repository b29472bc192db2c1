// The loaded product: sources, embedder and indexes, answering questions with verified quotes.
import type { Answer, AskOptions } from '../answer/types.js';
import { citationContext } from '../citations/context.js';
import { selectQuote } from '../citations/quote.js';
import { toCitedResult } from '../citations/result.js';
import { keepVerbatim, type GateLog } from '../citations/verify.js';
import type { Embedder } from '../embedding/types.js';
import type { FileFreshness } from '../citations/file-freshness.js';
import type { FusedCandidate } from '../search/fuse.js';
import type { HybridSearch } from '../search/hybrid.js';
import type { Passage, Source } from '../sources/types.js';
import { idfOf } from '../search/termStats.js';
import type { PassageStore } from '../store/types.js';
import { analyze } from '../text/normalize.js';
import { sanitizeQuestion } from './control-characters.js';
import { MAX_QUESTION_CHARS, QuestionError, SourceChangedError, UnknownSourceError } from './errors.js';
import { DEFAULT_RESULTS, MAX_RESULTS } from './settings.js';
import { summarize, type SourceCatalog } from './source-catalog.js';
import type { CitationContext, Engine, SourceSummary } from './types.js';

export interface EngineParts {
  catalog: SourceCatalog;
  embedder: Embedder;
  store: PassageStore;
  search: HybridSearch;
  /** Checks that a source file still holds the text it was parsed from, before anything is quoted from it. */
  freshness: Pick<FileFreshness, 'isCurrent'>;
  /** Told about a source file found changed on disk, so it can be re-read. */
  onStale?: (file: string) => void;
  log: GateLog;
}

export class SearchEngine implements Engine {
  constructor(private readonly parts: EngineParts) {
    if (parts.store.modelId !== parts.embedder.modelId) {
      // A store rebuilds on a model change; reaching this is a bug, never a wrong answer.
      throw new Error(`Index built by ${parts.store.modelId} cannot be queried with ${parts.embedder.modelId}.`);
    }
  }

  get modelId(): string {
    return this.parts.embedder.modelId;
  }

  get passageCount(): number {
    return this.parts.store.passageCount;
  }

  listSources(): SourceSummary[] {
    return this.parts.catalog.summaries();
  }

  listPassages(): readonly Passage[] {
    return this.parts.catalog.sources.flatMap((source) => source.passages);
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
    const outcome = await this.parts.search.search({ text, vector }, k, source?.slug);
    // Quotes weigh the question's terms and the passage terms search matched by their rarity.
    const terms = new Set([...analyze(text), ...outcome.hits.flatMap((hit) => hit.passageTerms)]);
    const idf = idfOf(await this.parts.store.termCounts([...terms]));
    const { kept: current, changed } = await this.currentHits(outcome.hits);
    const results = current.map((hit) => {
      const quote = selectQuote(text, hit.passage, idf, { matchedTerms: hit.passageTerms });
      return toCitedResult(hit.passage, hit.source, quote, round(hit.score));
    });
    const verified = keepVerbatim(results, (file) => this.parts.catalog.byPath(file)?.text, this.parts.log);
    if (changed && current.length === 0) throw new SourceChangedError();
    return {
      question: text,
      source: source?.slug ?? null,
      answered: verified.length > 0,
      results: verified,
      searched: outcome.searched,
      tookMs: Math.round(performance.now() - started),
    };
  }

  async context(citationId: string, quoted?: { start: number; end: number }): Promise<CitationContext | undefined> {
    const id = citationId.trim();
    const slug = id.split(':')[0] ?? '';
    const source = this.parts.catalog.find(slug) ?? this.parts.catalog.sources.find((s) => s.passages.some((p) => p.id === id));
    if (!source) return undefined;
    const found = citationContext(source.passages, id, quoted);
    if (!found) return undefined;
    if (!(await this.parts.freshness.isCurrent(source))) {
      this.parts.onStale?.(source.file);
      throw new SourceChangedError();
    }
    return { source: pageSummary(source, found.passage), ...found };
  }

  /**
   * The hits that may be quoted: the store's passage is the one the current parse of its file has (same
   * id, offsets and text), and the file on disk still holds that text. `changed` says whether any hit
   * was left out because its file changed (it is then re-read); a file this process does not know at
   * all (another process indexed a folder this one does not have) is just left out.
   */
  private async currentHits(hits: readonly FusedCandidate[]): Promise<{ kept: Array<FusedCandidate & { source: Source }>; changed: boolean }> {
    const current = new Map<string, boolean>();
    const kept: Array<FusedCandidate & { source: Source }> = [];
    let changed = false;
    for (const hit of hits) {
      const source = this.parts.catalog.byPath(hit.passage.file);
      if (!source) continue;
      const parsed = source.passages.find((p) => p.id === hit.passage.id);
      if (!current.has(source.file)) current.set(source.file, await this.parts.freshness.isCurrent(source));
      const same = parsed !== undefined && parsed.start === hit.passage.start && parsed.text === hit.passage.text;
      // The parsed passage, not the store's copy: the same text at the same place, with every field the
      // current parser gives it (a store written by an older version may lack some).
      if (same && current.get(source.file)) kept.push({ ...hit, passage: parsed, source });
      else {
        changed = true;
        // The store and this parse disagree, or the file moved on since: re-read and sync.
        current.set(source.file, false);
      }
    }
    for (const [file, isCurrent] of current) if (!isCurrent) this.parts.onStale?.(file);
    return { kept, changed };
  }

  /** Closes the store; the embedder belongs to whoever opened the engine (see LiveEngine). */
  async close(): Promise<void> {
    await this.parts.store.close();
  }

  private requireSource(name: string): SourceSummary {
    const found = this.resolveSource(name);
    if (!found) throw new UnknownSourceError(name, this.parts.catalog.sources.map((s) => s.slug));
    return found;
  }
}

/** The source as the passage's page presents it: a later page of a file has its own title and credits, and no link. */
function pageSummary(source: Source, passage: Passage): SourceSummary {
  const summary = summarize(source);
  const page = passage.page !== undefined && passage.page > 1 ? source.pages?.[passage.page - 1] : undefined;
  if (!page) return summary;
  const { url: _firstPagesUrl, author: _author, outlet: _outlet, date: _date, ...rest } = summary;
  return { ...rest, ...page };
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
