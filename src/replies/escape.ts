// Text from sources and from users goes into Discord markdown. Everything is escaped so it shows
// literally: markdown via discord.js, plus what escapeMarkdown leaves alone — mentions (which
// allowed_mentions already keeps from pinging, but should not even look like one) and links (which
// would otherwise turn into clickable, auto-embedded URLs). Every addition is a backslash before a
// punctuation character, so removing those backslashes gives back the original text exactly.
import { escapeMarkdown } from 'discord.js';

const EVERYONE_OR_HERE = /@(everyone|here)\b/g;
/** <@user>, <@&role>, <#channel>, </command:id>, <t:time>, custom emoji: all start with "<". */
const ANGLE_BRACKET = /</g;
const URL_SPAN = /\b([a-z][a-z0-9+.-]*):\/\/\S+/gi;
/** Markdown characters escapeMarkdown deliberately leaves unescaped inside URLs. */
const UNESCAPED_IN_URL = /(?<!\\)([_*~|])/g;

export function escapeText(text: string): string {
  const markdown = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return markdown
    .replace(URL_SPAN, (url: string) => url.replace('://', '\\://').replace(UNESCAPED_IN_URL, '\\$1'))
    .replace(EVERYONE_OR_HERE, '\\@$1')
    .replace(ANGLE_BRACKET, '\\<');
}

/** The text escapeText was given back, from what it made (every escape is one backslash). */
export function unescapeText(markdown: string): string {
  return markdown.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}
