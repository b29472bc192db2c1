// 👍/👎 under every answer, recorded in the feedback log with the question and citations read back from
// the answer message (nothing kept between answer and click), the user id only as a salted hash;
// declined questions recorded too; `npm run feedback` summarises what admins should add sources for.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runFeedback } from '../../src/cli/feedback-command.js';
import type { Engine } from '../../src/engine/types.js';
import { saltPath } from '../../src/feedback/feedback-log.js';
import type { FeedbackRecord } from '../../src/feedback/types.js';
import { startHarness, type Harness, withBotOnSeeds } from './harness.js';
import { buttonsOf, embedOf, excerptsOf, noticeText } from './read-reply.js';

const QUESTION = 'Why did Iraq sign an intelligence-sharing deal with Russia?';
const UNCOVERED = 'What is the boiling point of mercury?';
const reader = { id: '400000000000000001', username: 'reader' };

let engine: Engine;
let h: Harness;
withBotOnSeeds((bot) => ({ engine, h } = bot));

function logRecords(): FeedbackRecord[] {
  return readFileSync(h.config.FEEDBACK_LOG, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as FeedbackRecord);
}

async function answer(question: string, command = 'ask') {
  const sent = await h.fake.sendCommand(command, [{ name: 'question', type: 3, value: question }], reader);
  const reply = await h.fake.waitForReply(sent);
  return { ...reply, original: h.fake.originalMessage(sent)! };
}

const voteButton = (message: Record<string, unknown>, emoji: string) =>
  (buttonsOf(message) as { custom_id: string; emoji?: { name: string } }[]).find((b) => b.emoji?.name === emoji)!;

describe('feedback', () => {
  it('puts 👍 and 👎 under an answer, in their own row, within Discord\'s limits', async () => {
    const { message } = await answer(QUESTION);
    const rows = message.components as { components: { custom_id: string; emoji?: { name: string } }[] }[];
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
    expect(rows.at(-1)!.components.map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
    for (const button of buttonsOf(message)) expect(button.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('records a 👍 with the question, the citation ids and a salted hash of the user, and thanks privately', async () => {
    const { message, original } = await answer(QUESTION);
    const shownIds = excerptsOf(embedOf(message)).map((e) => e.citation);
    const click = await h.fake.clickButton(voteButton(message, '👍').custom_id, original, reader);
    const thanks = await h.fake.waitForReply(click);
    expect(thanks.message.flags).toBe(64);
    expect(noticeText(thanks.message)).toMatch(/Thanks/);

    const vote = [...logRecords()].reverse().find((r) => r.event === 'vote')!;
    expect(vote).toMatchObject({ event: 'vote', vote: 'up', question: QUESTION, citations: shownIds, message: original.id });
    expect(Number.isNaN(Date.parse(vote.time))).toBe(false);
    const salt = readFileSync(saltPath(h.config.FEEDBACK_LOG), 'utf8').trim();
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(vote.user).toBe(createHash('sha256').update(`${salt}:${reader.id}`).digest('hex'));
    expect(readFileSync(h.config.FEEDBACK_LOG, 'utf8')).not.toContain(reader.id);
    await h.log.waitFor((l) => l.msg === 'interaction' && l.command === 'vote' && l.outcome === 'voted-up');
  });

  it('records a question no source covers, with the question and the source asked', async () => {
    const source = engine.listSources()[0]!;
    const { message } = await answer(UNCOVERED, source.command);
    expect(buttonsOf(message)).toEqual([]);
    expect([...logRecords()].reverse().find((r) => r.event === 'declined')).toMatchObject({ event: 'declined', question: UNCOVERED, source: source.slug });
  });

  it('npm run feedback lists the declined questions and the answers voted 👎, a changed vote counted once', async () => {
    const { message, original } = await answer(QUESTION);
    for (const emoji of ['👍', '👎']) await h.fake.waitForReply(await h.fake.clickButton(voteButton(message, emoji).custom_id, original, reader));

    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    expect(await runFeedback({ config: h.config, logger: h.log.logger }, {}, out)).toBe(0);
    const text = chunks.join('');
    const declined = text.slice(text.indexOf('Declined'), text.indexOf('Voted 👎'));
    const disliked = text.slice(text.indexOf('Voted 👎'));
    expect(declined).toContain(UNCOVERED);
    expect(disliked).toContain(`1 👎 1 👍  ${QUESTION}`);
    expect(disliked).toContain(excerptsOf(embedOf(message))[0]!.citation);

    const json = new PassThrough();
    const parts: string[] = [];
    json.on('data', (chunk: Buffer) => parts.push(chunk.toString('utf8')));
    await runFeedback({ config: h.config, logger: h.log.logger }, { json: true }, json);
    const summary = JSON.parse(parts.join('')) as { votes: { up: number; down: number }; declined: { question: string }[] };
    expect(summary.votes).toEqual({ up: 1, down: 1 });
    expect(summary.declined.map((d) => d.question)).toContain(UNCOVERED);
  });

  it('says so when a log named by hand is not there, rather than summarising nothing', async () => {
    const out = new PassThrough();
    expect(await runFeedback({ config: h.config, logger: h.log.logger }, { log: '/nonexistent/feedback.jsonl' }, out)).toBe(1);
  });
});

describe('feedback turned off', () => {
  it('shows no vote buttons and writes no log', async () => {
    const off = await startHarness(engine, { FEEDBACK_LOG: 'off' });
    try {
      const sent = await off.fake.sendCommand('ask', [{ name: 'question', type: 3, value: QUESTION }]);
      const { message } = await off.fake.waitForReply(sent);
      expect(excerptsOf(embedOf(message)).length).toBeGreaterThan(0);
      expect(buttonsOf(message).every((b) => !b.custom_id.startsWith('vote'))).toBe(true);
    } finally {
      await off.close();
    }
  });
});
