// Quoted source text as a Discord blockquote, every line marked, so it reads as a quote.
import { escapeText } from './escape.js';

/** Escapes plain source text and blockquotes it. */
export function blockquote(text: string): string {
  return blockquoteMarkdown(escapeText(text));
}

/** Blockquotes text that is already Discord markdown (escaped, perhaps with a bold mark). */
export function blockquoteMarkdown(markdown: string): string {
  return `> ${markdown.replace(/\n/g, '\n> ')}`;
}
