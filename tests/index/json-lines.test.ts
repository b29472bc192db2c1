import { describe, expect, it } from 'vitest';
import { fromJsonLines, toJsonLines } from '../../src/index/json-lines.js';

describe('JSON lines', () => {
  it('round-trips values one a line, text with line breaks and non-ASCII included', () => {
    const values = [{ label: 1, passage: { text: 'Iraq’s “deal”\nsecond line' } }, [1, 2, 3], 'plain', null, 4.2];
    const bytes = toJsonLines(values);
    expect(bytes.toString('utf8').split('\n')).toHaveLength(values.length + 1);
    expect([...fromJsonLines(bytes)]).toEqual(values);
  });

  it('skips blank lines and reads a view into a larger buffer', () => {
    const bytes = Buffer.from('xx{"a":1}\n\n{"b":2}\nyy', 'utf8');
    expect([...fromJsonLines(bytes.subarray(2, bytes.length - 2))]).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('throws on a line that is not JSON', () => {
    expect(() => [...fromJsonLines(Buffer.from('{"a":1}\n{broken\n'))]).toThrow(SyntaxError);
  });
});
