// The bot end to end: a real discord.js Client, the real engine over the real seeds, and the fake
// Discord in place of the network.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { expectValidCommandPayloads } from './command-rules.js';
import { startHarness, type Harness } from './harness.js';
import { boldText, buttonsOf, embedOf, excerptsOf, noticeText, plainText, unescapeMarkdown } from './read-reply.js';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';
import type { CommandOption } from '../fake-discord/interactions.js';
import { parseCitationRef } from '../../src/citations/citation-ref.js';

const QUESTION = 'Why is Iraq turning to Russia for help against ISIS?';

let opened: TestEngine;
let engine: Engine;
let h: Harness;
/** performance.now() of every engine.ask call, to check the deferral came first. */
const askStarted: number[] = [];

beforeAll(async () => {
  opened = await openTestEngine();
  engine = new Proxy(opened.engine, {
    get(target, property) {
      if (property === 'ask') {
        return (...args: Parameters<Engine['ask']>) => {
          askStarted.push(performance.now());
          return target.ask(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  h = await startHarness(engine);
});

afterAll(async () => {
  await h?.close();
  await opened?.dispose();
});

function seedText(citation: string): string {
  const slug = citation.split(':')[0]!;
  const source = engine.resolveSource(slug);
  if (!source) throw new Error(`citation ${citation} names no source`);
  return readFileSync(source.file, 'utf8');
}

async function ask(command: string, options: CommandOption[]) {
  const sent = await h.fake.sendCommand(command, options);
  return { sent, ...(await h.fake.waitForReply(sent)) };
}

describe('start-up', () => {
  it('logs in, then registers guild commands that satisfy Discord\'s rules, one per source', () => {
    const login = h.fake.requests.findIndex((r) => r.path === '/gateway/bot');
    const put = h.fake.requests.findIndex((r) => r.method === 'PUT' && r.path === `/applications/${h.fake.applicationId}/guilds/${h.fake.guildId}/commands`);
    expect(login).toBeGreaterThanOrEqual(0);
    expect(put).toBeGreaterThan(login);
    const payloads = h.fake.requests[put]!.body as { name: string; description: string }[];
    expectValidCommandPayloads(payloads);
    const names = payloads.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ask', 'sources', 'quote', 'help', ...engine.listSources().map((s) => s.command)]));
  });
});

describe('/ask', () => {
  it('defers first, then edits in an embed whose every quote is verbatim from its cited seed file', async () => {
    const before = askStarted.length;
    const { callback, edit, message } = await ask('ask', [{ name: 'question', type: 3, value: QUESTION }]);
    expect((callback.body as { type: number }).type).toBe(5);
    expect(edit!.seq).toBeGreaterThan(callback.seq);
    // The deferral reached Discord before the engine started on the question.
    expect(askStarted.length).toBe(before + 1);
    expect(callback.at).toBeLessThan(askStarted[before]!);

    const excerpts = excerptsOf(embedOf(message));
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(seedText(excerpt.citation)).toContain(excerpt.text);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(embedOf(message).footer?.text).toMatch(/^Searched \d+ passages in \d+ ms · ¶ = paragraph/);

    const buttons = buttonsOf(message);
    expect(buttons.filter((b) => b.label.startsWith('Show context'))).toHaveLength(excerpts.length);
    for (const button of buttons) expect(button.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('with count: 1 quotes one excerpt', async () => {
    const { message } = await ask('ask', [
      { name: 'question', type: 3, value: QUESTION },
      { name: 'count', type: 4, value: 1 },
    ]);
    expect(excerptsOf(embedOf(message))).toHaveLength(1);
  });

  it('stays inside Discord\'s message limits with five excerpts and a 500-character question', async () => {
    const long = `${QUESTION} ${'Which Iraqi leaders asked Moscow for air strikes and weapons? '.repeat(8)}`.slice(0, 500);
    const { message } = await ask('ask', [
      { name: 'question', type: 3, value: long },
      { name: 'count', type: 4, value: 5 },
    ]);
    const embed = embedOf(message);
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embed.footer!.text.length).toBeLessThanOrEqual(2048);
    expect(embed.title!.length + embed.description!.length + embed.footer!.text.length).toBeLessThanOrEqual(6000);
    const rows = (message.components ?? []) as { components: unknown[] }[];
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
    for (const excerpt of excerptsOf(embed)) expect(seedText(excerpt.citation)).toContain(excerpt.text);
  });

  it('says plainly that the sources do not cover an unrelated question, with no quotes', async () => {
    const { message } = await ask('ask', [{ name: 'question', type: 3, value: 'What is the boiling point of mercury?' }]);
    const embed = embedOf(message);
    expect(embed.description).toMatch(/do(es)? not cover this question/);
    expect(embed.description).not.toMatch(/^>/m);
    expect(buttonsOf(message)).toHaveLength(0);
  });

  it('answers an unknown source with an ephemeral message listing the valid ones', async () => {
    const { edit, message } = await ask('ask', [
      { name: 'question', type: 3, value: QUESTION },
      { name: 'source', type: 3, value: 'no-such-source' },
    ]);
    // The public "thinking…" message is removed and the error sent as an ephemeral follow-up.
    expect(edit!.method).toBe('POST');
    expect(h.fake.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/messages/@original') && r.seq < edit!.seq)).toBe(true);
    expect(message.flags).toBe(64);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const content = noticeText(message);
    expect(content).toContain('no-such-source');
    for (const source of engine.listSources()) expect(content).toContain(source.slug);
  });
});

describe('per-source commands', () => {
  it('quote only their own source', async () => {
    for (const source of engine.listSources()) {
      const { message } = await ask(source.command, [{ name: 'question', type: 3, value: QUESTION }]);
      for (const excerpt of excerptsOf(embedOf(message))) {
        expect(excerpt.citation.startsWith(`${source.slug}:`)).toBe(true);
        expect(readFileSync(source.file, 'utf8')).toContain(excerpt.text);
      }
    }
  });
});

describe('/sources', () => {
  it('lists every source with its command, title and passage count', async () => {
    const { callback, message } = await ask('sources', []);
    expect((callback.body as { type: number }).type).toBe(4);
    const text = unescapeMarkdown(embedOf(message).description ?? '');
    for (const source of engine.listSources()) {
      expect(text).toContain(`/${source.command}`);
      expect(text).toContain(`${source.passages} passages`);
      expect(text).toContain(source.title.slice(0, 40));
    }
  });
});

describe('/quote and "Show context"', () => {
  /** The cited paragraph's block (the one blockquoted) and its bold part, as a reader sees them. */
  function markedPart(message: Record<string, unknown>): string {
    const cited = (embedOf(message).description ?? '').split('\n\n').find((block) => /^>/m.test(block))!;
    const quoted = cited.split('\n').filter((line) => line.startsWith('>'));
    return boldText(quoted.join('\n').replace(/^> /gm, '')).replace(/^…/, '').replace(/…$/, '');
  }

  it('/quote with the id an answer shows marks the same words as the button, privately', async () => {
    const answer = await ask('ask', [{ name: 'question', type: 3, value: QUESTION }]);
    const [first] = excerptsOf(embedOf(answer.message));
    expect(first!.citation).toMatch(/\/s\d+(-\d+)?$/);
    const { callback, message } = await ask('quote', [{ name: 'citation', type: 3, value: first!.citation }]);
    expect((callback.body as { type: number }).type).toBe(4);
    expect(message.flags).toBe(64);
    const context = (await engine.context(parseCitationRef(first!.citation)!.passage))!;
    const description = embedOf(message).description ?? '';
    expect(plainText(description)).toContain(context.passage.text.slice(0, 200).replace(/\s+$/, ''));
    expect(description).toContain(`\`${first!.citation}\``);
    expect(markedPart(message)).toBe(first!.text);

    const click = await h.fake.clickButton(buttonsOf(answer.message)[0]!.custom_id, h.fake.originalMessage(answer.sent)!);
    expect(markedPart((await h.fake.waitForReply(click)).message)).toBe(markedPart(message));
  });

  it('/quote takes an id as people paste or type it: backticks, any case, a trailing full stop', async () => {
    const answer = await ask('ask', [{ name: 'question', type: 3, value: 'Who is Valentina Marvienko?' }]);
    const [first] = excerptsOf(embedOf(answer.message));
    const typed = `\`${first!.citation.toUpperCase()}\`.`;
    const { message } = await ask('quote', [{ name: 'citation', type: 3, value: typed }]);
    expect(markedPart(message)).toBe(first!.text);
  });

  it('/quote public:true posts it for everyone', async () => {
    const passage = engine.listPassages()[0]!;
    const { message } = await ask('quote', [
      { name: 'citation', type: 3, value: passage.id },
      { name: 'public', type: 5, value: true },
    ]);
    expect(message.flags ?? 0).toBe(0);
    expect(embedOf(message).description).toContain(passage.id);
  });

  it('the button replies ephemerally with the quote marked in bold inside its paragraph', async () => {
    const answer = await ask('ask', [{ name: 'question', type: 3, value: QUESTION }]);
    const [excerpt] = excerptsOf(embedOf(answer.message));
    const [button] = buttonsOf(answer.message);
    const original = h.fake.originalMessage(answer.sent)!;
    const click = await h.fake.clickButton(button!.custom_id, original);
    const { callback, message } = await h.fake.waitForReply(click);
    expect((callback.body as { type: number }).type).toBe(4);
    expect(message.flags).toBe(64);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const marked = markedPart(message);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.startsWith(excerpt!.text)).toBe(true);
    expect(seedText(excerpt!.citation)).toContain(marked);
  });

  it('labels every paragraph of a context with whose it is, so comments by different people stay apart', async () => {
    const reply = engine.listPassages().find((p) => p.kind === 'comment' && (p.comment?.split('.').length ?? 0) >= 4)!;
    const { message } = await ask('quote', [{ name: 'citation', type: 3, value: reply.id }]);
    const blocks = (embedOf(message).description ?? '').split('\n\n');
    const context = (await engine.context(reply.id))!;
    const shown = [...context.before, context.passage, ...context.after];
    expect(new Set(shown.map((p) => p.commenter)).size).toBeGreaterThan(1);
    for (const passage of shown) {
      // The label line names the comment and its commenter; the paragraph follows it.
      const block = blocks.find((b) => plainText(b).includes(passage.text.slice(0, 40)) || plainText(b).includes(passage.text.slice(-40)))!;
      expect(block, passage.id).toBeDefined();
      const label = plainText(block.split('\n')[0]!).replace(/^\*|\*$/g, '');
      const number = passage.comment!.includes('.') ? `reply to comment ${passage.comment!.replace(/\.\d+$/, '')}, by` : `comment ${passage.comment} by`;
      expect(label).toContain(`${number} ${passage.commenter}`);
    }
  });

  it('an unknown citation gets a private hint, and a near miss a "did you mean"', async () => {
    const unknown = await ask('quote', [{ name: 'citation', type: 3, value: 'nope:p999' }]);
    expect(unknown.message.flags).toBe(64);
    expect(noticeText(unknown.message)).toMatch(/Unknown citation/);

    const real = engine.listPassages().find((p) => p.id.includes('.'))!;
    const slip = real.id.replace('-', '');
    const near = await ask('quote', [{ name: 'citation', type: 3, value: `${slip}/s1` }]);
    expect(noticeText(near.message)).toContain(`Did you mean ${real.id}/s1?`);
  });

  it('autocompletes citation ids from what was typed: an id prefix, or words of the passage', async () => {
    const passage = engine.listPassages().find((p) => p.kind === 'comment' && p.commenter)!;
    const prefix = passage.id.slice(0, passage.id.indexOf(':') + 2);
    const byId = await h.fake.waitForReply(await h.fake.sendAutocomplete('quote', [{ name: 'citation', type: 3, value: prefix, focused: true }]));
    const idChoices = (byId.callback.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(idChoices.length).toBeGreaterThan(0);
    for (const choice of idChoices) {
      expect(choice.value.startsWith(prefix)).toBe(true);
      expect(choice.name.length).toBeLessThanOrEqual(100);
    }

    const words = passage.text.split(/\s+/).slice(2, 5).join(' ');
    const byText = await h.fake.waitForReply(await h.fake.sendAutocomplete('quote', [{ name: 'citation', type: 3, value: words, focused: true }]));
    const textChoices = (byText.callback.body as { data: { choices: { value: string }[] } }).data.choices;
    expect(textChoices.map((c) => c.value)).toContain(passage.id);
  });
});

describe('autocomplete', () => {
  it('suggests sources for /ask source:, filtered by what was typed', async () => {
    const all = await h.fake.sendAutocomplete('ask', [{ name: 'source', type: 3, value: '', focused: true }]);
    const { callback } = await h.fake.waitForReply(all);
    const body = callback.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c) => c.value)).toEqual(engine.listSources().map((s) => s.slug).slice(0, 25));
    for (const choice of body.data.choices) expect(choice.name.length).toBeLessThanOrEqual(100);

    const target = engine.listSources()[1]!;
    const typed = await h.fake.sendAutocomplete('ask', [{ name: 'source', type: 3, value: target.title.slice(0, 12), focused: true }]);
    const filtered = (await h.fake.waitForReply(typed)).callback.body as typeof body;
    expect(filtered.data.choices.map((c) => c.value)).toContain(target.slug);
    expect(filtered.data.choices.length).toBeLessThanOrEqual(engine.listSources().length);
  });
});

describe('a reply that reads well', () => {
  it('gives answers, declines, context views and errors each their own colour', async () => {
    const answer = await ask('ask', [{ name: 'question', type: 3, value: QUESTION }]);
    const declined = await ask('ask', [{ name: 'question', type: 3, value: 'What is the boiling point of mercury?' }]);
    const click = await h.fake.clickButton(buttonsOf(answer.message)[0]!.custom_id, h.fake.originalMessage(answer.sent)!);
    const context = await h.fake.waitForReply(click);
    const error = await ask('quote', [{ name: 'citation', type: 3, value: 'not an id' }]);
    const colours = [answer, declined, context, error].map(({ message }) => embedOf(message).color);
    for (const colour of colours) expect(colour).toEqual(expect.any(Number));
    expect(new Set(colours).size).toBe(4);
  });

  it('names each source once, and leaves the model id to /sources', async () => {
    const { message } = await ask('ask', [
      { name: 'question', type: 3, value: QUESTION },
      { name: 'count', type: 4, value: 5 },
    ]);
    const embed = embedOf(message);
    const cited = new Set(excerptsOf(embed).map((e) => e.citation.split(':')[0]!));
    // Outside the quotes themselves (a title line can be a quote), each source's title appears once.
    const unquoted = (embed.description ?? '').split('\n').filter((line) => !line.startsWith('>')).join('\n');
    for (const slug of cited) {
      const title = engine.resolveSource(slug)!.title.slice(0, 40);
      expect(unescapeMarkdown(unquoted).split(title).length - 1, title).toBe(1);
    }
    expect(JSON.stringify(embed)).not.toContain(engine.modelId);
    const sources = await ask('sources', []);
    expect(embedOf(sources.message).footer?.text).toContain(engine.modelId);
  });

  it('says where each excerpt is in words: ¶ for a paragraph, whose comment it is', async () => {
    const { message } = await ask('ask', [
      { name: 'question', type: 3, value: 'What did CHUCKMAN say about China and the coronavirus?' },
      { name: 'count', type: 4, value: 5 },
    ]);
    const lines = (embedOf(message).description ?? '').split('\n').filter((line) => /^\*\*\[\d\]\*\*/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\*\*\[\d\]\*\* (¶ \d+|comment [\d.]+|reply to comment [\d.]+|reader comment)/);
    expect(lines.some((line) => /(comment [\d.]+|reply to comment [\d.]+,) by CHUCKMAN/.test(line))).toBe(true);
  });
});

describe('robustness', () => {
  it('survives a 429 with Retry-After on the edit', async () => {
    h.fake.rateLimitOnce('PATCH', /\/messages\/@original$/, 0.3);
    const { edit, message } = await ask('ask', [{ name: 'question', type: 3, value: QUESTION }]);
    expect(edit!.status).toBe(200);
    const patches = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path === edit!.path);
    expect(patches.map((r) => r.status)).toEqual([429, 200]);
    expect(excerptsOf(embedOf(message)).length).toBeGreaterThan(0);
  });

  it('logs one structured line per interaction, never the question text', () => {
    const lines = h.log.lines.filter((line) => line.msg === 'interaction');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).toHaveProperty('outcome');
      expect(line).toHaveProperty('latencyMs');
    }
    expect(lines.some((l) => l.command === 'ask' && l.outcome === 'answered' && typeof l.results === 'number')).toBe(true);
    expect(h.log.text()).not.toContain(QUESTION);
    expect(h.log.text()).not.toContain(h.fake.token);
  });
});
