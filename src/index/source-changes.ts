// Which source files are new, changed or gone since the index was built, by content hash.
import type { Source } from '../sources/types.js';
import type { IndexManifest } from './manifest.js';

export interface SourceChanges {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

export function diffSources(recorded: IndexManifest['sources'], sources: readonly Source[]): SourceChanges {
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

export function recordSources(sources: readonly Source[]): IndexManifest['sources'] {
  return Object.fromEntries(sources.map((source) => [source.file, { hash: source.hash, passages: source.passages.length }]));
}
