// The console's /quote command carries what the Show context button carries: formatted and parsed in one place.
import { describe, expect, it } from 'vitest';
import { parseQuoteArguments, quoteCommand } from '../../src/console/quote-command.js';
import { contextButtonId, parseContextButtonId } from '../../src/replies/custom-id.js';

describe('quote command', () => {
  it('round-trips a button\'s target, with and without the quote\'s offsets', () => {
    for (const customId of [contextButtonId('wsj:p2', 162, 440)!, contextButtonId('informed-comment:c4.1p1', 0, 12)!, 'ctx|wsj:p2']) {
      const target = parseContextButtonId(customId)!;
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
