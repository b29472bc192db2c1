// The "Show context" button carries the citation, the quote's offsets and a fingerprint of the quoted
// paragraph in its custom_id, so a click is answered without any state kept between the answer and
// the click, and a paragraph that changed since is noticed rather than marked at stale offsets.
import { FINGERPRINT_PATTERN } from '../citations/fingerprint.js';
import { DISCORD_LIMITS } from './limits.js';

const PREFIX = 'ctx';
/** Routes a click to the "Show context" handler (see discord/registry.ts). */
export const CONTEXT_BUTTON_PREFIX = PREFIX;
/** ctx|citation[|start|end][|fingerprint]: buttons made before fingerprints existed still parse. */
const PATTERN = /^ctx\|(.+?)(?:\|(\d+)\|(\d+))?(?:\|([0-9a-f]{10}))?$/;

export interface ContextTarget {
  citation: string;
  quoted?: { start: number; end: number };
  /** passageFingerprint() of the paragraph's text when the answer quoted it. */
  fingerprint?: string;
}

/** The custom_id for a context button, or undefined when even the bare citation is too long. */
export function contextButtonId({ citation, quoted, fingerprint }: ContextTarget): string | undefined {
  const mark = fingerprint !== undefined && FINGERPRINT_PATTERN.test(fingerprint) ? `|${fingerprint}` : '';
  const full = quoted ? `${PREFIX}|${citation}|${quoted.start}|${quoted.end}${mark}` : `${PREFIX}|${citation}${mark}`;
  if (full.length <= DISCORD_LIMITS.customId) return full;
  const bare = `${PREFIX}|${citation}${mark}`;
  return bare.length <= DISCORD_LIMITS.customId ? bare : undefined;
}

export function parseContextButtonId(customId: string): ContextTarget | undefined {
  const match = PATTERN.exec(customId);
  if (!match) return undefined;
  const [, citation, start, end, fingerprint] = match;
  return {
    citation: citation!,
    ...(start && end ? { quoted: { start: Number(start), end: Number(end) } } : {}),
    ...(fingerprint ? { fingerprint } : {}),
  };
}
