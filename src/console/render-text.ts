// A Reply (Discord JSON) as plain text for the console: the same builders, minus Discord's escapes.
import { parseContextButtonId } from '../replies/custom-id.js';
import type { Reply } from '../replies/reply.js';

/** Discord shows "\X" as "X" for punctuation; a terminal shows the backslash, so drop it. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

export function replyToText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.content) parts.push(unescape(reply.content));
  for (const embed of reply.embeds ?? []) {
    if (embed.title) parts.push(`## ${unescape(embed.title)}`);
    if (embed.description) parts.push(unescape(embed.description));
    for (const field of embed.fields ?? []) parts.push(`${unescape(field.name)}\n${unescape(field.value)}`);
    if (embed.footer?.text) parts.push(`-- ${embed.footer.text}`);
  }
  const buttons = (reply.components ?? []).flatMap((row) => row.components);
  const links = buttons.flatMap((button) => {
    const target = 'custom_id' in button ? parseContextButtonId(button.custom_id) : undefined;
    return target ? [`[Show context: /quote ${target.citation}]`] : [];
  });
  if (links.length > 0) parts.push(links.join('\n'));
  return parts.join('\n\n');
}
