// One saved page → one Source: title, credits, and its passages with exact offsets.
import { createHash } from 'node:crypto';
import type { Source, SourceMetadata } from './types.js';
import { readLayout } from './layout.js';
import { cleanTitle, parseLeadIn } from './header.js';
import { buildPassages } from './passages.js';
import { deriveSlug } from './slug.js';

/**
 * Parses a page's text. Pure: the slug is `slug` when given (loadSources assigns it, unique and stable
 * across sources), else metadata.slug ?? derived. The command is metadata.command ?? the slug: a
 * command name is separate from the slug, so renaming a command changes no citation id. `file` is the
 * path passages cite, relative to the project root; by default the seeds folder's.
 */
export function parseSource(
  fileName: string,
  text: string,
  metadata: SourceMetadata = {},
  file = `seeds/${fileName}`,
  assignedSlug?: string,
): Source {
  const layout = readLayout(text);
  const leadIn = layout.blocks
    .filter((block) => block.kind === 'article')
    .flatMap((block) => block.paragraphs)
    .map((span) => parseLeadIn(text.slice(span.start, span.end)))
    .find((found) => found !== undefined);
  const credited = layout.byline?.outlet ?? layout.credit?.outlet;
  // A post that quotes another outlet at length is not that outlet's page: say whom it quotes.
  const outlet = metadata.outlet ?? credited ?? (leadIn && `quoting ${leadIn.outlet}`);
  const author = metadata.author ?? layout.byline?.author;
  const url = metadata.url ?? layout.credit?.url;
  const date = metadata.date ?? layout.byline?.date ?? layout.date;
  const title = metadata.title ?? (cleanTitle(layout.titleLine) || fileName.replace(/\.txt$/i, ''));
  const slug = assignedSlug ?? metadata.slug ?? deriveSlug({ outlet: metadata.outlet ?? credited ?? leadIn?.written, title, fileName });
  return {
    slug,
    command: metadata.command ?? slug,
    file,
    fileName,
    title,
    ...(outlet === undefined ? {} : { outlet }),
    ...(author === undefined ? {} : { author }),
    ...(date === undefined ? {} : { date }),
    ...(url === undefined ? {} : { url }),
    hash: createHash('sha256').update(text, 'utf8').digest('hex'),
    text,
    passages: buildPassages(text, layout.blocks, { slug, file }),
  };
}
