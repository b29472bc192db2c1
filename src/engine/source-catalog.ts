// The loaded sources, looked up the ways users name them: slug, command, file name or path.
import { basename } from 'node:path';
import type { Source } from '../sources/types.js';
import type { SourceSummary } from './types.js';

export class SourceCatalog {
  private readonly byName = new Map<string, Source>();
  private readonly byFile = new Map<string, Source>();

  constructor(readonly sources: readonly Source[]) {
    for (const source of sources) {
      this.byFile.set(source.file, source);
      for (const name of [source.slug, source.command, source.fileName, source.fileName.replace(/\.txt$/i, ''), source.file]) {
        this.byName.set(name.toLowerCase(), source);
      }
    }
  }

  find(name: string): Source | undefined {
    const key = name.trim().toLowerCase();
    return this.byName.get(key) ?? this.byName.get(basename(key));
  }

  /** By project-relative path, as passages and citations name their file. */
  byPath(file: string): Source | undefined {
    return this.byFile.get(file);
  }

  summaries(): SourceSummary[] {
    return this.sources.map(summarize);
  }
}

export function summarize(source: Source): SourceSummary {
  const { slug, title, outlet, author, date, url, file, passages } = source;
  return {
    slug,
    command: source.command,
    title,
    file,
    passages: passages.length,
    ...(outlet !== undefined && { outlet }),
    ...(author !== undefined && { author }),
    ...(date !== undefined && { date }),
    ...(url !== undefined && { url }),
  };
}
