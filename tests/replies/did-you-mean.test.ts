import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from '../../src/replies/did-you-mean.js';

const ids = ['zero-hedge:p4', 'zero-hedge:c3p1', 'informed-comment:p4', 'wsj'];

describe('closestName', () => {
  it('offers the nearest known name for a slip of the keyboard', () => {
    expect(closestName('zero-hedge:p5', ids)).toBe('zero-hedge:p4');
    expect(closestName('Zerohedge:C3p1', ids)).toBe('zero-hedge:c3p1');
    expect(didYouMean('wsk', ['wsj', 'help'], '/')).toBe(' Did you mean /wsj?');
  });

  it('offers nothing for a text that is no slip of any name, however long', () => {
    expect(closestName('something else entirely', ids)).toBeUndefined();
    expect(closestName('zero-hedge:p4 '.repeat(4_000), ids)).toBeUndefined();
    expect(didYouMean('', ids)).toBe('');
  });
});
