// Large index files as JSON lines: one value a line, encoded and decoded line by line, so a file of a
// million passages never becomes one string (V8 caps a string at 512 MiB: one JSON.stringify of the
// passages of a 1,000,000-passage corpus failed with "Invalid string length").

/** The values as UTF-8 JSON lines, each ending in "\n". */
export function toJsonLines(values: Iterable<unknown>): Buffer {
  const chunks: Buffer[] = [];
  for (const value of values) chunks.push(Buffer.from(`${JSON.stringify(value)}\n`, 'utf8'));
  return Buffer.concat(chunks);
}

/** The values of JSON lines; blank lines are skipped. Throws SyntaxError on a line that is not JSON. */
export function* fromJsonLines(bytes: Uint8Array): Generator<unknown> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    if (end < 0) end = buffer.length;
    const line = buffer.toString('utf8', start, end);
    if (line.trim() !== '') yield JSON.parse(line);
    start = end + 1;
  }
}
