// Citations a reader can check in one click: a source with a URL (from sources.json) is linked, each
// of its citations opening the page at the quoted words with a text fragment; sources without one
// show no link at all.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, SourceSummary } from '../../src/engine/types.js';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';
import { startHarness, type Harness } from './harness.js';
import { buttonsOf, embedOf, excerptsOf } from './read-reply.js';

const FILE = '004_ec145ac0aa5f8fff.txt';
const PAGE = 'https://example.com/news/iraqi-militias-turn-to-russia?page=1';

let seedsDir: string;
let opened: TestEngine;
let engine: Engine;
let linked: SourceSummary;
let h: Harness;

beforeAll(async () => {
  seedsDir = mkdtempSync(join(tmpdir(), 'seeds-linked-'));
  cpSync('seeds', seedsDir, { recursive: true });
  writeFileSync(join(seedsDir, 'sources.json'), JSON.stringify({ [FILE]: { url: PAGE } }));
  opened = await openTestEngine({ seedsDir });
  engine = opened.engine;
  linked = engine.resolveSource(FILE)!;
  h = await startHarness(engine);
});

afterAll(async () => {
  await h?.close();
  await opened?.dispose();
  rmSync(seedsDir, { recursive: true, force: true });
});

/** Markdown links [text](url) in a piece of a reply. */
const linksIn = (markdown: string) => [...markdown.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/g)].map((m) => ({ text: m[1]!, url: m[2]! }));

/** The text directive of a link, its values decoded: one value, or the first and last words. */
function directive(url: string): string[] {
  const [, values] = url.split('#:~:text=');
  expect(values).toBeDefined();
  for (const value of values!.split(',')) expect(value).not.toMatch(/[-&\s]/);
  return values!.split(',').map(decodeURIComponent);
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

async function ask(question: string, count = 5) {
  const sent = await h.fake.sendCommand('ask', [
    { name: 'question', type: 3, value: question },
    { name: 'count', type: 4, value: count },
  ]);
  return { sent, ...(await h.fake.waitForReply(sent)) };
}

describe('links to the original', () => {
  it('each citation of a source with a URL opens the page at its quote; other sources get no link', async () => {
    const { message } = await ask('Why do Iraqi Shiite militias want Russian air strikes against ISIS?');
    const embed = embedOf(message);
    const blocks = (embed.description ?? '').split('\n\n');
    const excerpts = excerptsOf(embed);
    const fromLinked = excerpts.filter((e) => e.citation.startsWith(`${linked.slug}:`));
    const fromOthers = excerpts.filter((e) => !e.citation.startsWith(`${linked.slug}:`));
    expect(fromLinked.length).toBeGreaterThan(0);
    expect(fromOthers.length).toBeGreaterThan(0);

    for (const excerpt of excerpts) {
      const line = blocks.find((block) => block.includes(`\`${excerpt.citation}\``))!.split('\n').at(-1)!;
      const links = linksIn(line);
      if (!excerpt.citation.startsWith(`${linked.slug}:`)) {
        expect(links, line).toEqual([]);
        continue;
      }
      expect(links).toHaveLength(1);
      expect(links[0]!.text).toMatch(/^(¶ \d+|title line|byline|credit line|dateline)$/);
      expect(links[0]!.url.startsWith(`${PAGE}#:~:text=`)).toBe(true);
      const values = directive(links[0]!.url);
      const quote = words(excerpt.text);
      expect(quote.startsWith(values[0]!)).toBe(true);
      expect(quote.endsWith(values.at(-1)!)).toBe(true);
    }
    // The source is named once, its title a link to the page itself.
    const headings = linksIn(embed.description ?? '').filter((link) => link.url === PAGE);
    expect(headings).toHaveLength(1);
    // Outside the quotes themselves (a title line can be a quote), the title appears once.
    const unquoted = embed.description!.split('\n').filter((line) => !line.startsWith('>')).join('\n');
    expect(unquoted.match(new RegExp(escapeRegExp(linked.title.slice(0, 30)), 'g'))).toHaveLength(1);
  });

  it('the context view\'s title opens the page at the quoted words', async () => {
    const answer = await ask('Who is Valentina Marvienko?', 1);
    const [excerpt] = excerptsOf(embedOf(answer.message));
    expect(excerpt!.citation.startsWith(`${linked.slug}:`)).toBe(true);
    const click = await h.fake.clickButton(buttonsOf(answer.message)[0]!.custom_id, h.fake.originalMessage(answer.sent)!);
    const context = embedOf((await h.fake.waitForReply(click)).message);
    expect(context.title).toContain(linked.title.slice(0, 30));
    expect(context.url?.startsWith(`${PAGE}#:~:text=`)).toBe(true);
    expect(words(excerpt!.text).startsWith(directive(context.url!)[0]!)).toBe(true);
  });

  it('/sources links the title of the source with a URL, and only that one', async () => {
    const { message } = await h.fake.waitForReply(await h.fake.sendCommand('sources'));
    const links = linksIn(embedOf(message).description ?? '');
    expect(links).toHaveLength(1);
    expect(links[0]!.url).toBe(PAGE);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
