// The manifest: written last, it names the one generation of index files that belongs together
// and records everything that decides whether that generation can still be used.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IndexUnavailableError } from './unavailable.js';

/** Bump when the layout of the index files or of the stored Passage records changes. */
export const INDEX_FORMAT_VERSION = 1;

export const MANIFEST_FILE = 'manifest.json';

const storedFileSchema = z.object({
  name: z.string().regex(/^[-._a-zA-Z0-9]+$/, 'a bare file name'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  modelId: z.string().min(1),
  dimensions: z.number().int().positive(),
  space: z.literal('cosine'),
  M: z.number().int().positive(),
  efConstruction: z.number().int().positive(),
  ef: z.number().int().positive(),
  /** Live passages (deleted graph slots are not counted). */
  count: z.number().int().nonnegative(),
  /** The next unused HNSW label: labels are never reused, so a label always means one passage. */
  nextLabel: z.number().int().nonnegative(),
  generation: z.string().regex(/^[a-z0-9]+$/),
  /** `lexical`, the BM25 index over the passages, is absent in indexes written before it was stored. */
  files: z.object({ graph: storedFileSchema, passages: storedFileSchema, vectors: storedFileSchema, lexical: storedFileSchema.optional() }),
  /** Per source file (path relative to the project root): its sha256 and how many passages it gave. */
  sources: z.record(z.string(), z.object({ hash: z.string(), passages: z.number().int().nonnegative() })),
  /**
   * Every slug ever given → the file it was given to and its hash (SlugBook): sources keep their slugs,
   * and slugs of removed files stay reserved. Absent in indexes built before it was recorded.
   */
  slugs: z.record(z.string(), z.object({ file: z.string(), hash: z.string() })).default({}),
  builtAt: z.iso.datetime(),
});

export type IndexManifest = z.infer<typeof manifestSchema>;
export type StoredFile = z.infer<typeof storedFileSchema>;

/** The manifest in `dir`, checked. Throws IndexUnavailableError when it is missing, unreadable or invalid. */
export async function readManifest(dir: string): Promise<IndexManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new IndexUnavailableError('no index built yet', true);
    throw new IndexUnavailableError(`manifest unreadable (${(error as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(parseJson(Buffer.from(text), 'manifest'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexUnavailableError(`manifest invalid (${issue?.path.join('.')}: ${issue?.message})`);
  }
  if (parsed.data.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexUnavailableError(`index format ${parsed.data.formatVersion} is outdated (now ${INDEX_FORMAT_VERSION})`);
  }
  return parsed.data;
}

/** JSON from an index file; IndexUnavailableError when it is not JSON. */
export function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new IndexUnavailableError(`${what} is not valid JSON (${(error as Error).message})`);
  }
}
