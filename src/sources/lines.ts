// The page as lines with their offsets, so every later decision can point back into the file text.

export interface Line {
  /** Offset of the first character of the line (its indentation included). */
  start: number;
  /** Offset of the first non-blank character; equals contentEnd for a blank line. */
  contentStart: number;
  /** Offset just past the last non-blank character. */
  contentEnd: number;
  /** Width of the indentation, in characters (no-break spaces count). */
  indent: number;
  /** The line without surrounding whitespace; '' for a blank line. */
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const content = raw.trim();
    const leading = raw.length - raw.trimStart().length;
    const contentStart = start + (content === '' ? 0 : leading);
    lines.push({ start, contentStart, contentEnd: contentStart + content.length, indent: content === '' ? 0 : leading, text: content });
    start += raw.length + 1;
  }
  return lines;
}
