// A Reply (Discord JSON) as plain text for a terminal: the same builders as the bot, read the way
// Discord would show them, without the markdown. Quotes stay verbatim: a quote line is marked by a
// bar in front of it, the quoted part of a context between « and », citations and commands lose
// their bold and code marks, and escapes are undone. Whatever the text, no control character reaches
// the terminal.
import { terminalSafe } from '../engine/control-characters.js';
import { parseContextButtonId } from '../replies/custom-id.js';
import type { Reply } from '../replies/reply.js';
import { quoteCommand } from './quote-command.js';

const QUOTE_BAR = '│ ';
const MARK_OPEN = '«';
const MARK_CLOSE = '»';
/** The title's underline stops here: a long question needs no ruler across the whole screen. */
const MAX_RULE = 72;

export function replyToText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.content) parts.push(plainText(reply.content));
  for (const embed of reply.embeds ?? []) {
    if (embed.title) {
      const title = plainText(embed.title);
      parts.push(`${title}\n${'─'.repeat(Math.min(title.length, MAX_RULE))}`);
    }
    if (embed.description) parts.push(plainText(embed.description));
    for (const field of embed.fields ?? []) parts.push(`${plainText(field.name)}\n${plainText(field.value)}`);
    if (embed.footer?.text) parts.push(embed.footer.text);
  }
  const buttons = (reply.components ?? []).flatMap((row) => row.components);
  const commands = buttons.flatMap((button) => {
    const target = 'custom_id' in button ? parseContextButtonId(button.custom_id) : undefined;
    return target ? [`${'label' in button && button.label ? button.label : 'Show context'}: ${quoteCommand(target)}`] : [];
  });
  if (commands.length > 0) parts.push(commands.join('\n'));
  return terminalSafe(parts.join('\n\n'));
}

/** Escapes, bold, inline code and blockquote markers read as Discord shows them, left to right. */
const MARKUP = /\\([^\p{L}\p{N}\s])|\*\*|`/gu;

function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const quoted = line.startsWith('> ');
      // Bold inside a quote marks the quoted part of a context; elsewhere it is emphasis only.
      let open = false;
      const text = (quoted ? line.slice(2) : line).replace(MARKUP, (markup: string, escaped: string | undefined) => {
        if (escaped !== undefined) return escaped;
        if (markup === '`' || !quoted) return '';
        open = !open;
        return open ? MARK_OPEN : MARK_CLOSE;
      });
      return quoted ? `${QUOTE_BAR}${text}` : text;
    })
    .join('\n');
}
