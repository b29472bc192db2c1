// Links in Discord markdown: [text](url). The text is escaped like any other text (brackets included,
// so a title cannot close the link early); the URL gets the characters that would end the link early
// percent-encoded.

/** A longer URL is not linked: it would crowd the quotes out of the 4096 characters an embed has. */
export const MAX_LINK = 1000;

export function maskedLink(markdownText: string, url: string): string {
  const text = markdownText.replace(/(?<!\\)[[\]]/g, '\\$&');
  const target = url.replace(/[()<>\s]/g, (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${text}](${target})`;
}

/** `markdownText` as a link when there is a usable URL, as it is otherwise: never an invented link. */
export function linkedIf(markdownText: string, url: string | undefined): string {
  return url === undefined || url.length > MAX_LINK ? markdownText : maskedLink(markdownText, url);
}
