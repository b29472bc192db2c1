// Questions come from people (Discord, the console, the shell) and are echoed back: as the embed
// title, in the console, in JSON. Control characters in them would reach a terminal, where ESC
// sequences recolour, move the cursor or retitle the window, and elsewhere NUL truncates. So they
// are removed: whole ANSI escape sequences (node:util knows their grammar), then every other C0 and
// C1 control and DEL. Line breaks and tabs are ordinary whitespace and become one space.
import { stripVTControlCharacters } from 'node:util';

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** The same, but tab and line feed: what a terminal may show of a multi-line text. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Whitespace among the controls (tab, line feed, vertical tab, form feed, carriage return, next line), and the Unicode line and paragraph separators. */
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/** A question as one clean line: whitespace controls folded to a space, every other control removed. */
export function sanitizeQuestion(question: string): string {
  return stripVTControlCharacters(question).replace(WHITESPACE_CONTROLS, ' ').replace(CONTROL, '');
}

/** Text for a terminal: escape sequences and controls removed, line breaks and tabs kept. */
export function terminalSafe(text: string): string {
  return stripVTControlCharacters(text).replace(/\r\n?/g, '\n').replace(CONTROL_BUT_LINES, '');
}
