// The neighbourhood of a cited passage, so a reader can check a quote against what surrounds it.
import type { CitationContext } from '../engine/types.js';
import type { Passage } from '../sources/types.js';

/** CitationContext without the source summary, which the engine adds. */
export type PassageContext = Omit<CitationContext, 'source'>;

const NEIGHBOURS = 2;

/**
 * The passage cited as `citationId` among one source's passages, with up to two neighbours on each
 * side from the same section of the same page (article or comments: a comment's context is other
 * comments, not the article's last paragraphs), in reading order. `quoted` is kept when it lies inside the passage.
 */
export function citationContext(
  passages: readonly Passage[],
  citationId: string,
  quoted?: { start: number; end: number },
): PassageContext | undefined {
  const passage = passages.find((p) => p.id === citationId);
  if (!passage) return undefined;
  const section = passages
    .filter((p) => p.file === passage.file && p.kind === passage.kind && p.page === passage.page)
    .sort((a, b) => a.start - b.start);
  const at = section.indexOf(passage);
  const context: PassageContext = {
    passage,
    before: section.slice(Math.max(0, at - NEIGHBOURS), at),
    after: section.slice(at + 1, at + 1 + NEIGHBOURS),
  };
  if (quoted && passage.start <= quoted.start && quoted.start < quoted.end && quoted.end <= passage.end) {
    context.quoted = { start: quoted.start, end: quoted.end };
  }
  return context;
}
