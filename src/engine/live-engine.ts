// The engine front ends hold: answers from the current snapshot (sources, store and search loaded
// together) and swaps in a new one when the sources change, without a restart. A question keeps the
// snapshot it started on, so a swap never mixes two versions of the sources in one answer.
import type { Answer, AskOptions } from '../answer/types.js';
import type { Embedder } from '../embedding/types.js';
import type { Logger } from '../log/logger.js';
import type { Passage } from '../sources/types.js';
import type { StoreSyncStats } from '../store/types.js';
import type { EngineParts, SearchEngine } from './engine.js';
import { watchSources, type SourceWatcher } from './source-watcher.js';
import type { CitationContext, Engine, SourceSummary } from './types.js';

export interface Snapshot {
  engine: SearchEngine;
  parts: EngineParts;
  stats: StoreSyncStats;
}

export interface SourcesChange {
  sources: SourceSummary[];
  stats: StoreSyncStats;
  /** Whether the list of sources changed (added, removed, renamed, retitled), not only their text. */
  listChanged: boolean;
}

export type SourcesListener = (change: SourcesChange) => void;

export class LiveEngine implements Engine {
  private current: Snapshot;
  private readonly inFlight = new Map<Snapshot, number>();
  private readonly retired = new Set<Snapshot>();
  private readonly listeners = new Set<SourcesListener>();
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  private closed = false;
  private watcher: SourceWatcher | undefined;

  constructor(
    first: Snapshot,
    /** Loads a new snapshot from the sources as they are now (the store syncs what changed). */
    private readonly load: () => Promise<Snapshot>,
    /** Shared by every snapshot; disposed on close. */
    private readonly embedder: Embedder,
    private readonly log: Logger,
  ) {
    this.current = first;
  }

  get modelId(): string {
    return this.current.engine.modelId;
  }

  get passageCount(): number {
    return this.current.engine.passageCount;
  }

  listSources(): SourceSummary[] {
    return this.current.engine.listSources();
  }

  listPassages(): readonly Passage[] {
    return this.current.engine.listPassages();
  }

  resolveSource(slugOrFile: string): SourceSummary | undefined {
    return this.current.engine.resolveSource(slugOrFile);
  }

  ask(question: string, options?: AskOptions): Promise<Answer> {
    return this.using((engine) => engine.ask(question, options));
  }

  context(citationId: string, quoted?: { start: number; end: number }): Promise<CitationContext | undefined> {
    return this.using((engine) => engine.context(citationId, quoted));
  }

  /** Calls `listener` after each reload that took effect; returns the unsubscribe function. */
  onSourcesChanged(listener: SourcesListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Re-reads the sources and brings the store up to date, then answers from them. Calls made while a
   * reload runs are folded into one more reload after it. A failed reload is logged and the current
   * snapshot keeps answering (nothing from a changed file is quoted meanwhile: see FileFreshness).
   */
  reload(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = this.reloadOnce().finally(() => {
      this.reloading = undefined;
      if (this.reloadAgain && !this.closed) {
        this.reloadAgain = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  /** Reloads whenever a source file in the folder is added, changed or removed. */
  async watch(seedsDir: string): Promise<void> {
    if (this.watcher) return;
    this.watcher = watchSources(seedsDir, () => void this.reload(), {
      onError: (error) => this.log.warn({ err: error }, 'watching the sources failed'),
    });
    await this.watcher.ready;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.watcher?.close();
    await this.reloading;
    await Promise.all([this.current, ...this.retired].map((snapshot) => snapshot.engine.close()));
    await this.embedder.dispose();
  }

  private async reloadOnce(): Promise<void> {
    let next: Snapshot;
    try {
      next = await this.load();
    } catch (error) {
      this.log.error({ err: error }, 'could not re-read the sources; still answering from the previous version');
      return;
    }
    if (this.closed) {
      await next.engine.close();
      return;
    }
    const before = this.current.engine.listSources();
    const previous = this.current;
    this.current = next;
    this.retire(previous);
    const sources = next.engine.listSources();
    const change: SourcesChange = { sources, stats: next.stats, listChanged: listKey(before) !== listKey(sources) };
    this.log.info(
      { sources: sources.length, passages: next.engine.passageCount, embedded: next.stats.embedded, listChanged: change.listChanged },
      'sources re-read',
    );
    for (const listener of this.listeners) listener(change);
  }

  private async using<T>(work: (engine: SearchEngine) => Promise<T>): Promise<T> {
    const snapshot = this.current;
    this.inFlight.set(snapshot, (this.inFlight.get(snapshot) ?? 0) + 1);
    try {
      return await work(snapshot.engine);
    } finally {
      const left = (this.inFlight.get(snapshot) ?? 1) - 1;
      if (left > 0) this.inFlight.set(snapshot, left);
      else {
        this.inFlight.delete(snapshot);
        if (this.retired.has(snapshot)) this.closeRetired(snapshot);
      }
    }
  }

  /** A replaced snapshot is closed once the questions still using it are answered. */
  private retire(snapshot: Snapshot): void {
    this.retired.add(snapshot);
    if (!this.inFlight.has(snapshot)) this.closeRetired(snapshot);
  }

  private closeRetired(snapshot: Snapshot): void {
    this.retired.delete(snapshot);
    snapshot.engine.close().catch((error: unknown) => this.log.warn({ err: error }, 'could not close a replaced index'));
  }
}

/** What users see of the source list: the commands registered and the sources' names. */
function listKey(sources: readonly SourceSummary[]): string {
  return JSON.stringify(sources.map(({ slug, command, title, outlet }) => [slug, command, title, outlet ?? null]));
}
