// The running bot follows its seeds folder: a new source's command is registered without a restart,
// and a "Show context" button from before an edit says the paragraph changed.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../src/config/paths.js';
import type { LiveEngine, SourcesChange } from '../../src/engine/live-engine.js';
import { openEngine } from '../../src/engine/open.js';
import { createLogger } from '../../src/log/logger.js';
import { startHarness, type Harness } from './harness.js';
import { buttonsOf, embedOf, excerptsOf } from './read-reply.js';

let root: string;
let seedsDir: string;
let engine: LiveEngine;
let h: Harness;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bot-live-'));
  seedsDir = join(root, 'seeds');
  await mkdir(seedsDir);
  await copyFile(fromProjectRoot('seeds/004_ec145ac0aa5f8fff.txt'), join(seedsDir, '004_ec145ac0aa5f8fff.txt'));
  ({ engine } = await openEngine({
    projectRoot: root,
    seedsDir,
    embeddingsDir: join(root, 'embeddings'),
    modelsDir: fromProjectRoot('.models'),
    model: 'offline',
    logger: createLogger('silent'),
    watch: true,
  }));
  h = await startHarness(engine);
});

afterAll(async () => {
  await h?.close();
  await engine?.close();
  await rm(root, { recursive: true, force: true });
});

function nextChange(): Promise<SourcesChange> {
  return new Promise((resolve) => {
    const stop = engine.onSourcesChanged((change) => {
      stop();
      resolve(change);
    });
  });
}

const commandsPut = (): number =>
  h.fake.requests.filter((r) => r.method === 'PUT' && r.path === `/applications/${h.fake.applicationId}/guilds/${h.fake.guildId}/commands`).length;

describe('a bot whose sources change while it runs', () => {
  it('registers the command of a source dropped into the folder, and answers it', async () => {
    const putsBefore = commandsPut();
    const changed = nextChange();
    await copyFile(fromProjectRoot('seeds/001_e53c0ad875243b71.txt'), join(seedsDir, '001_e53c0ad875243b71.txt'));
    await changed;
    const added = engine.listSources().find((source) => source.file === 'seeds/001_e53c0ad875243b71.txt')!;
    await h.fake.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands') && (r.body as { name: string }[]).some((c) => c.name === added.command));
    expect(commandsPut()).toBe(putsBefore + 1);
    expect(h.fake.registeredCommands(h.fake.guildId).map((c) => c.name)).toContain(added.command);

    const sent = await h.fake.sendCommand(added.command, [{ name: 'question', type: 3, value: 'Who led the Shiite militia delegation to Moscow?' }]);
    const { message } = await h.fake.waitForReply(sent);
    const [first] = excerptsOf(embedOf(message));
    expect(first?.citation.startsWith(`${added.slug}:`)).toBe(true);
  });

  it('answers an old "Show context" click on an edited paragraph by saying it changed', async () => {
    const sent = await h.fake.sendCommand('ask', [{ name: 'question', type: 3, value: 'Who is Valentina Marvienko?' }]);
    const answer = await h.fake.waitForReply(sent);
    const [button] = buttonsOf(answer.message);
    const original = h.fake.originalMessage(sent)!;

    const changed = nextChange();
    const path = join(seedsDir, '004_ec145ac0aa5f8fff.txt');
    await writeFile(path, (await readFile(path, 'utf8')).replace('was quick to declare', 'was in no hurry to declare'));
    await changed;

    const click = await h.fake.clickButton(button!.custom_id, original);
    const { message } = await h.fake.waitForReply(click);
    const description = embedOf(message).description ?? '';
    expect(description).toMatch(/changed since the answer quoted it/);
    expect(description).toContain('was in no hurry to declare');
  });
});
