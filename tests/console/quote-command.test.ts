// The console's /quote command carries what the Show context button carries: formatted and parsed in one place.
import { describe, expect, it } from 'vitest';
import { parseQuoteArguments, quoteCommand } from '../../src/console/quote-command.js';
import { contextButtonId, parseContextButtonId } from '../../src/replies/custom-id.js';

describe('quote command', () => {
  it('round-trips a button\'s target, with and without the quote\'s offsets', () => {
    const buttons = [
      contextButtonId({ citation: 'wsj:p2', quoted: { start: 162, end: 440 }, fingerprint: '0123456789' })!,
      contextButtonId({ citation: 'informed-comment:c4.1p1', quoted: { start: 0, end: 12 } })!,
      'ctx|wsj:p2',
    ];
    for (const customId of buttons) {
      // The fingerprint only tells a click that the paragraph changed; a typed command goes by the id.
      const { fingerprint: _fingerprint, ...target } = parseContextButtonId(customId)!;
      const [name, ...words] = quoteCommand(target).split(' ');
      expect(name).toBe('/quote');
      expect(parseQuoteArguments(words)).toEqual(target);
    }
  });

  it('refuses anything else', () => {
    for (const words of [[], ['wsj:p2', '10'], ['wsj:p2', '20', '10'], ['wsj:p2', '-1', '5'], ['wsj:p2', '1', '2', '3'], ['wsj:p2', '1.5', '2']]) {
      expect(parseQuoteArguments(words)).toBeUndefined();
    }
  });
});
