// Reading a bot reply the way a user would: which excerpts it quotes and what it cites. Written
// independently of the reply builders, from what Discord markdown means.
import type { APIEmbed } from 'discord.js';

/** Discord shows "\X" as "X" for ASCII punctuation. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

/** Text as a user reads it: blockquote markers, bold marks and escapes gone. */
export function plainText(markdown: string): string {
  return unescapeMarkdown(markdown.replace(/^> ?/gm, '').replace(/(?<!\\)\*\*/g, ''));
}

/** The bold (marked) part of a text, line by line (blank lines inside it kept), escapes removed. */
export function boldText(markdown: string): string {
  const lines = markdown.split('\n').map((line) => [...line.matchAll(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/g)].map((m) => unescapeMarkdown(m[1]!)).join(''));
  return lines.join('\n').trim();
}

export interface QuotedExcerpt {
  /** The quoted text as the user reads it, ellipses (added outside the quote) removed. */
  text: string;
  citation: string;
}

export function embedOf(message: Record<string, unknown>): APIEmbed {
  const embeds = message.embeds as APIEmbed[] | undefined;
  if (!embeds?.[0]) throw new Error(`no embed in ${JSON.stringify(message)}`);
  return embeds[0];
}

/** Blocks of "> " lines, each followed by a citation line ending in `citation-id`. */
export function excerptsOf(embed: APIEmbed): QuotedExcerpt[] {
  return (embed.description ?? '').split('\n\n').flatMap((block) => {
    const lines = block.split('\n');
    const quoted = lines.filter((line) => line.startsWith('>')).map((line) => line.replace(/^> ?/, ''));
    const citation = /`([^`]+)`\s*$/.exec(lines.at(-1) ?? '')?.[1];
    if (quoted.length === 0 || !citation) return [];
    const text = unescapeMarkdown(quoted.join('\n')).replace(/^…/, '').replace(/…$/, '');
    return [{ text, citation }];
  });
}

export function buttonsOf(message: Record<string, unknown>): { custom_id: string; label: string }[] {
  const rows = (message.components ?? []) as { components: { custom_id: string; label: string }[] }[];
  return rows.flatMap((row) => row.components);
}

/** A notice (an error, a hint) as the user reads it: the message text or its embed's, escapes removed. */
export function noticeText(message: Record<string, unknown>): string {
  const embeds = (message.embeds ?? []) as APIEmbed[];
  return unescapeMarkdown([message.content ?? '', ...embeds.map((embed) => embed.description ?? '')].join('\n').trim());
}
