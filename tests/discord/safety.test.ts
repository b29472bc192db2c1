// Nobody gets pinged and nothing is formatted by accident: a source full of mentions, markdown and
// links, and a question with @everyone, go through the real bot and engine.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, SourceSummary } from '../../src/engine/types.js';
import { startHarness, type Harness } from './harness.js';
import { embedOf, excerptsOf } from './read-reply.js';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';

const HOSTILE_SOURCE = `Volcano festival parade moves to the crater rim

@everyone The volcano festival committee announced that the **bold** lantern parade starts at \`noon\` on the crater rim, see https://example.com/volcano_festival_schedule for the __schedule__ and ask <@123456789012345678> or @here for tickets.

Organisers said the lantern parade will circle the crater rim twice before the fireworks begin over the volcano.
`;
const FILE_NAME = '900_volcano_festival.txt';

let opened: TestEngine;
let engine: Engine;
let h: Harness;
let hostile: SourceSummary;
let seedsDir: string;

beforeAll(async () => {
  seedsDir = mkdtempSync(join(tmpdir(), 'seeds-hostile-'));
  cpSync('seeds', seedsDir, { recursive: true });
  writeFileSync(join(seedsDir, FILE_NAME), HOSTILE_SOURCE);
  opened = await openTestEngine({ seedsDir });
  engine = opened.engine;
  hostile = engine.resolveSource(FILE_NAME)!;
  h = await startHarness(engine);
});

afterAll(async () => {
  await h?.close();
  await opened?.dispose();
  rmSync(seedsDir, { recursive: true, force: true });
});

/** Markdown outside of backslash escapes: what Discord would act on. */
const unescaped = (markdown: string, pattern: string) => new RegExp(`(?<!\\\\)${pattern}`).test(markdown);

describe('mentions, markdown and links', () => {
  it('quotes the hostile passage verbatim but escaped, and echoes an @everyone question harmlessly', async () => {
    expect(hostile).toBeDefined();
    const sent = await h.fake.sendCommand(hostile.command, [
      { name: 'question', type: 3, value: '@everyone when does the **lantern parade** start on the crater rim?' },
    ]);
    const { message } = await h.fake.waitForReply(sent);
    const embed = embedOf(message);
    const excerpts = excerptsOf(embed);
    expect(excerpts.length).toBeGreaterThan(0);
    const fileText = readFileSync(join(seedsDir, FILE_NAME), 'utf8');
    for (const excerpt of excerpts) expect(fileText).toContain(excerpt.text);
    expect(excerpts.some((e) => e.text.includes('@everyone') || e.text.includes('**bold**'))).toBe(true);

    const shown = `${embed.title}\n${embed.description}`;
    for (const pattern of ['@everyone', '@here', '<@', '\\*\\*bold', '`noon', '__schedule', 'https://']) {
      expect(unescaped(shown, pattern), pattern).toBe(false);
    }
    expect(embed.title).toContain('\\@everyone');
  });

  it('sends allowed_mentions {parse: []} with every message it posts or edits', async () => {
    const messages = h.fake.requests.filter(
      (r) => (r.method === 'PATCH' || r.method === 'POST') && r.path.startsWith('/webhooks/'),
    );
    const replies = h.fake.requests.filter((r) => r.path.endsWith('/callback') && (r.body as { type: number }).type === 4);
    expect(messages.length).toBeGreaterThan(0);
    for (const request of [...messages]) expect((request.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    for (const request of replies) expect((request.body as { data: { allowed_mentions?: unknown } }).data.allowed_mentions).toEqual({ parse: [] });
  });
});
