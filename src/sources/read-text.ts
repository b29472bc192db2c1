// A source file's bytes as text. UTF-8 when the bytes are UTF-8 (a byte-order mark honoured, UTF-16
// too), else the charset chardet detects, decoded with iconv-lite; a binary file is not text at all.
// loadSources and the verbatim gate both read through readSourceText, so every offset refers to the
// same decoded text.
import { readFile } from 'node:fs/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { isBinaryFileSync } from 'isbinaryfile';

/** The decoded text and the encoding it was decoded from ("utf-8", "windows-1252", "utf-16le"…), or why there is none. */
export type SourceText = { text: string; encoding: string } | { skip: string };

const BYTE_ORDER_MARKS = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/**
 * isbinaryfile counts every byte above 0x7F that is not UTF-8 as suspicious, so a Cyrillic or Greek
 * page in a one-byte charset looks binary to it. Such a page has no control bytes, though, and
 * chardet names its charset with some confidence; random bytes score far lower (under 10).
 */
const MIN_CONFIDENCE_AGAINST_BINARY = 20;
const BINARY = 'it is a binary file, not text';
/** C0 control bytes other than tab, line feed, vertical tab, form feed and carriage return. */
const isControlByte = (byte: number): boolean => byte < 0x09 || (byte > 0x0d && byte < 0x20);

export async function readSourceText(path: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { skip: `cannot be read (${(error as Error).message})` };
  }
  return decodeSourceText(bytes);
}

export function decodeSourceText(bytes: Buffer): SourceText {
  const marked = BYTE_ORDER_MARKS.find((mark) => mark.bytes.every((byte, i) => bytes[i] === byte));
  if (marked) {
    // TextDecoder drops the mark itself: it is no character of the page.
    const text = decodeStrictly(bytes, marked.encoding);
    if (text !== undefined) return { text, encoding: marked.encoding };
  }
  const binary = isBinaryFileSync(bytes, bytes.length);
  const utf8 = decodeStrictly(bytes, 'utf-8');
  if (utf8 !== undefined) return binary ? { skip: BINARY } : { text: utf8, encoding: 'utf-8' };

  const best = chardet
    .analyse(bytes)
    .find((match) => match.name !== 'UTF-8' && match.name !== 'ASCII' && iconv.encodingExists(match.name));
  const oneByteText = best !== undefined && best.confidence >= MIN_CONFIDENCE_AGAINST_BINARY && !bytes.some(isControlByte);
  if (binary && !oneByteText) return { skip: BINARY };
  if (best === undefined) return { skip: 'its text encoding could not be detected' };
  return { text: iconv.decode(bytes, best.name), encoding: best.name.toLowerCase() };
}

function decodeStrictly(bytes: Buffer, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
