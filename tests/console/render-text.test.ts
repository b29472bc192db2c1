// What a terminal shows of a reply: Discord's markdown read, not printed.
import { describe, expect, it } from 'vitest';
import { replyToText } from '../../src/console/render-text.js';
import { contextReply } from '../../src/replies/context.js';
import { escapeText } from '../../src/replies/escape.js';
import type { Reply } from '../../src/replies/reply.js';

const reply = (description: string): Reply => ({ embeds: [{ description }], allowed_mentions: { parse: [] } });

describe('replyToText', () => {
  it('shows a masked link as its text followed by the address', () => {
    const text = replyToText(reply('**[Iraq and Russia](https://example.org/a)** · [¶ 4](https://example.org/a#:~:text=S-400) · `zero-hedge:p4/s1`'));
    expect(text).toBe('Iraq and Russia <https://example.org/a> · ¶ 4 <https://example.org/a#:~:text=S-400> · zero-hedge:p4/s1');
  });

  it('drops italics and bold outside quotes, marks bold inside a quote, and keeps escaped characters', () => {
    const text = replyToText(reply(`*comment 2 by thomas malthaus*\n> before **quoted** after ${escapeText('*not markup* [x](y)')}`));
    expect(text).toBe('comment 2 by thomas malthaus\n│ before «quoted» after *not markup* [x](y)');
  });

  it('says the quoted words are marked, as they are in a context view', () => {
    const passage = { id: 'x:p1', source: 'x', file: 'seeds/x.txt', kind: 'article' as const, paragraph: 1, start: 0, end: 23, text: 'One sentence. Two here.' };
    const shown = replyToText(
      contextReply({ source: { slug: 'x', command: 'x', title: 'X', file: 'seeds/x.txt', passages: 1 }, passage, before: [], after: [], quoted: { start: 14, end: 23 } }),
    );
    expect(shown).toContain('│ One sentence. «Two here.»');
    expect(shown).toContain('the quoted words marked');
  });
});
