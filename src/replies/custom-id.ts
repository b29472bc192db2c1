// The "Show context" button carries the citation and the quote's offsets in its custom_id, so the
// click can be answered without any state kept between the answer and the click.
import { DISCORD_LIMITS } from './limits.js';

const PREFIX = 'ctx';
const PATTERN = /^ctx\|(.+?)(?:\|(\d+)\|(\d+))?$/;

export interface ContextTarget {
  citation: string;
  quoted?: { start: number; end: number };
}

/** The custom_id for a context button, or undefined when even the bare citation is too long. */
export function contextButtonId(citation: string, start: number, end: number): string | undefined {
  const full = `${PREFIX}|${citation}|${start}|${end}`;
  if (full.length <= DISCORD_LIMITS.customId) return full;
  const bare = `${PREFIX}|${citation}`;
  return bare.length <= DISCORD_LIMITS.customId ? bare : undefined;
}

export function parseContextButtonId(customId: string): ContextTarget | undefined {
  const match = PATTERN.exec(customId);
  if (!match) return undefined;
  const [, citation, start, end] = match;
  return start && end ? { citation: citation!, quoted: { start: Number(start), end: Number(end) } } : { citation: citation! };
}
