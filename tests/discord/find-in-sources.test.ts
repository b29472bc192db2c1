// "Find in sources": right-click any message → Apps; the bot searches the sources for what it says and
// answers privately with cited excerpts, or says the sources do not cover it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { expectValidCommandPayloads } from './command-rules.js';
import { type Harness, withBotOnSeeds } from './harness.js';
import { embedOf, excerptsOf, noticeText, unescapeMarkdown } from './read-reply.js';

const COMMAND = 'Find in sources';

let engine: Engine;
let h: Harness;
withBotOnSeeds((bot) => ({ engine, h } = bot));

async function check(content: string) {
  const target = h.fake.userMessage(content);
  return h.fake.waitForReply(await h.fake.sendMessageCommand(COMMAND, target));
}

describe('Find in sources', () => {
  it('is registered as a message command beside the slash commands', () => {
    const registered = h.fake.registeredCommands(h.fake.guildId) as { name: string; type?: number }[];
    expect(registered.filter((c) => c.type === 3).map((c) => c.name)).toEqual([COMMAND]);
    expectValidCommandPayloads(registered as never);
  });

  it('answers a claim from the channel privately, with excerpts quoted verbatim from their sources', async () => {
    const { callback, message } = await check('I read that Iraq made an intelligence sharing pact with Russia, Iran and Syria <@123456789012345678> https://example.com/x');
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const embed = embedOf(message);
    expect(embed.author?.name).toMatch(/Find in sources/);
    expect(embed.title).not.toContain('<@');
    const excerpts = excerptsOf(embed);
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) {
      const source = engine.resolveSource(excerpt.citation.split(':')[0]!)!;
      expect(readFileSync(source.file, 'utf8')).toContain(excerpt.text);
    }
    expect(message.allowed_mentions).toEqual({ parse: [] });
    await h.log.waitFor((l) => l.msg === 'interaction' && l.command === COMMAND && l.outcome === 'answered');
  });

  it('says the sources do not cover a claim about something else', async () => {
    const { message } = await check('Mercury boils at 357 degrees Celsius, everyone knows that.');
    const embed = embedOf(message);
    expect(unescapeMarkdown(embed.description ?? '')).toMatch(/sources do not cover what this message says/);
    expect(excerptsOf(embed)).toEqual([]);
  });

  it('tells the reader when a message has no words to look for', async () => {
    const { callback, message } = await check('<@123456789012345678> https://example.com/only-a-link');
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(noticeText(message)).toMatch(/no words/);
  });
});
