// A question carrying control characters (NUL, an ANSI escape, line breaks) is answered through the
// real bot, and the reply's title, the echoed question, carries none of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';
import { startHarness, type Harness } from './harness.js';
import { embedOf } from './read-reply.js';

let opened: TestEngine;
let h: Harness;

beforeAll(async () => {
  opened = await openTestEngine();
  h = await startHarness(opened.engine);
});

afterAll(async () => {
  await h?.close();
  await opened?.dispose();
});

describe('control characters in a question', () => {
  it('never reach the embed title', async () => {
    const question = '\u001b[31mWho is\u0000 Valentina\r\nMarvienko?\u009b2J';
    const { message } = await h.fake.waitForReply(await h.fake.sendCommand('ask', [{ name: 'question', type: 3, value: question }]));
    const embed = embedOf(message);
    expect(embed.title).toBe('Who is Valentina Marvienko?');
    const shown = [embed.title, embed.description, embed.footer?.text].join('\n');
    expect(shown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
