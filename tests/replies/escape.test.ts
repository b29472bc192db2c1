import { describe, expect, it } from 'vitest';
import { escapeText } from '../../src/replies/escape.js';

/** Discord shows "\X" as "X" for any ASCII punctuation X: undoing that must give the original back. */
const unescape = (markdown: string) => markdown.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');

const SAMPLES = [
  'Plain text with nothing special.',
  '**bold** and *italic* and __underline__ and ~~strike~~ and ||spoiler||',
  'inline `code` and ```block``` and a back\\slash',
  '@everyone look, @here too, and <@123456789012345678> <@&123> <#42> </ask:1>',
  'See https://example.com/a_b_*c*_d?x=1 and [masked](https://evil.example) links',
  '# heading\n- bullet\n1. numbered\n> quote',
];

describe('escapeText', () => {
  it.each(SAMPLES)('is reversible: unescaping gives back %j', (sample) => {
    expect(unescape(escapeText(sample))).toBe(sample);
  });

  it('leaves no unescaped mention, link or markdown marker', () => {
    const escaped = escapeText(SAMPLES.join('\n'));
    expect(escaped).not.toMatch(/(?<!\\)@(everyone|here)/);
    expect(escaped).not.toMatch(/(?<!\\)</);
    expect(escaped).not.toMatch(/https?:\/\//);
    expect(escaped).not.toMatch(/(?<!\\)\*\*/);
    expect(escaped).not.toMatch(/(?<!\\)`/);
    expect(escaped).not.toMatch(/(?<!\\)\[masked\]/);
  });
});
