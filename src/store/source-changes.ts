// Which source files are new, changed or gone since a store was last synced, by content hash. Shared
// by every store: each records, per source file, its hash and how many passages it gave.
import type { Source } from '../sources/types.js';

/** Per source file (path relative to the project root): its sha256 and how many passages it gave. */
export type RecordedSources = Record<string, { hash: string; passages: number }>;

export interface SourceChanges {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

export function diffSources(recorded: RecordedSources, sources: readonly Source[]): SourceChanges {
  const changes: SourceChanges = { added: [], changed: [], removed: [], unchanged: [] };
  for (const source of sources) {
    const before = recorded[source.file];
    if (!before) changes.added.push(source.file);
    else if (before.hash !== source.hash) changes.changed.push(source.file);
    else changes.unchanged.push(source.file);
  }
  const current = new Set(sources.map((source) => source.file));
  changes.removed = Object.keys(recorded).filter((file) => !current.has(file));
  return changes;
}

export function recordSources(sources: readonly Source[]): RecordedSources {
  return Object.fromEntries(sources.map((source) => [source.file, { hash: source.hash, passages: source.passages.length }]));
}
