// Help for a reader who is lost or mistyped: /help, "did you mean …" for a command, a source or a
// citation id, and a per-source decline that names the sources that do cover the question.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import type { CommandOption } from '../fake-discord/interactions.js';
import { type Harness, withBotOnSeeds } from './harness.js';
import { buttonsOf, embedOf, noticeText, unescapeMarkdown } from './read-reply.js';

let engine: Engine;
let h: Harness;
withBotOnSeeds((bot) => ({ engine, h } = bot));

async function send(command: string, options: CommandOption[] = []) {
  return h.fake.waitForReply(await h.fake.sendCommand(command, options));
}

describe('/help', () => {
  it('lists every command, one per source included, explains citation ids, and names the model, privately', async () => {
    const { message } = await send('help');
    expect(message.flags).toBe(64);
    const embed = embedOf(message);
    const text = unescapeMarkdown(embed.description ?? '');
    const registered = h.fake.registeredCommands(h.fake.guildId).filter((c) => (c.type ?? 1) === 1).map((c) => String(c.name));
    for (const name of registered) expect(text).toContain(`/${name}`);
    expect(text).toMatch(/Reading a citation/);
    expect(text).toMatch(/p4\/s2-3/);
    expect(embed.footer?.text).toContain(engine.modelId);
  });
});

describe('did you mean', () => {
  it('suggests the nearest command for an unknown one', async () => {
    const source = engine.listSources().find((s) => s.command.includes('-'))!;
    const { message } = await send(source.command.replace('-', ''), [{ name: 'question', type: 3, value: 'Who is Joseph Dunford?' }]);
    expect(message.flags).toBe(64);
    expect(noticeText(message)).toContain(`Did you mean /${source.command}?`);
  });

  it('suggests the nearest source for a mistyped /ask source:', async () => {
    const source = engine.listSources().find((s) => s.slug.length > 6)!;
    const typo = `${source.slug.slice(0, 2)}${source.slug.slice(3)}`;
    const { message } = await send('ask', [
      { name: 'question', type: 3, value: 'Who is Joseph Dunford?' },
      { name: 'source', type: 3, value: typo },
    ]);
    expect(noticeText(message)).toContain(`Unknown source "${typo}". Did you mean ${source.slug}?`);
  });
});

describe('a source that does not cover the question', () => {
  it('names the sources that do, with their commands, and points to /ask', async () => {
    const question = 'Who is Valentina Marvienko?';
    const everywhere = await engine.ask(question, { k: 10 });
    expect(everywhere.answered).toBe(true);
    const covering = new Set(everywhere.results.map((r) => r.source));
    const asked = engine.listSources().find((s) => !covering.has(s.slug))!;
    const declined = await engine.ask(question, { source: asked.slug });
    expect(declined.answered).toBe(false);

    const { message } = await send(asked.command, [{ name: 'question', type: 3, value: question }]);
    const embed = embedOf(message);
    const text = unescapeMarkdown(embed.description ?? '');
    expect(text).toContain(`“${asked.title}” does not cover this question`);
    for (const slug of covering) {
      const source = engine.resolveSource(slug)!;
      expect(text).toContain(source.title);
      expect(text).toContain(`/${source.command}`);
    }
    expect(text).toContain('/ask');
    expect(buttonsOf(message)).toEqual([]);
  });
});
