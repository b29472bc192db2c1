// Optional seeds/sources.json: facts a page does not state (its URL, a preferred command name), keyed
// by file name. Checked strictly, so a typo is an error at start-up rather than a silently ignored fact.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SourceMetadata } from './types.js';
import { SLUG_PATTERN } from './slug.js';

export const METADATA_FILE = 'sources.json';

const slug = z.string().regex(SLUG_PATTERN, 'must match ^[-_a-z0-9]{1,32}$ (a Discord command name)');
const text = z.string().trim().min(1);

const metadataSchema = z.record(
  z.string().regex(/\.txt$/, 'keys are seed file names ending in .txt'),
  z.strictObject({
    slug: slug.optional(),
    command: slug.optional(),
    title: text.optional(),
    outlet: text.optional(),
    author: text.optional(),
    date: text.optional(),
    // A link readers will click: web pages only, never javascript: or file: URLs.
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  }),
);

export type MetadataFile = Record<string, SourceMetadata>;

export class MetadataError extends Error {
  override readonly name = 'MetadataError';
}

/** The metadata in seedsDir/sources.json, or {} when there is none. */
export async function readMetadata(seedsDir: string): Promise<MetadataFile> {
  const path = join(seedsDir, METADATA_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  return parseMetadata(raw, path);
}

export function parseMetadata(raw: string, path = METADATA_FILE): MetadataFile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new MetadataError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = metadataSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new MetadataError(`${path} is invalid:\n${problems.join('\n')}`);
}
