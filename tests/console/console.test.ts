// The console answers exactly as the bot: the same lines typed into runConsole and sent as slash
// commands to the bot (through the fake Discord) render to the same text.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCitationRef } from '../../src/citations/citation-ref.js';
import { runConsole } from '../../src/console/console.js';
import { replyToText } from '../../src/console/render-text.js';
import type { Engine } from '../../src/engine/types.js';
import type { Reply } from '../../src/replies/reply.js';
import { type Harness, withBotOnSeeds } from '../discord/harness.js';
import { parseContextButtonId } from '../../src/replies/custom-id.js';
import { buttonsOf, embedOf, excerptsOf } from '../discord/read-reply.js';

const QUESTION = 'Why did Iraq sign an intelligence-sharing deal with Russia?';

let engine: Engine;
let h: Harness;
withBotOnSeeds((bot) => ({ engine, h } = bot));

async function consoleOutput(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  input.end(lines.map((line) => `${line}\n`).join(''));
  await runConsole({ engine, input, output, defaultCount: h.config.RESULTS_PER_ANSWER });
  return chunks.join('');
}

async function botText(command: string, options: { name: string; type: 3 | 4; value: string | number }[] = []) {
  const sent = await h.fake.sendCommand(command, options);
  const reply = await h.fake.waitForReply(sent);
  return { sent, message: reply.message, text: replyToText(reply.message as unknown as Reply) };
}

/** Markdown a terminal would show literally. */
const MARKDOWN = [/\*\*/, /`/, /^> /m, /^#+ /m, /\\[*_`@<>#\[\]-]/];

/** Answers differ only in how long the search took. */
const sameTiming = (text: string) => text.replace(/in \d+ ms/g, 'in N ms');

describe('runConsole', () => {
  it('renders /sources, a plain question and /quote exactly as the bot\'s replies', async () => {
    const sources = await botText('sources');
    const answer = await botText('ask', [{ name: 'question', type: 3, value: QUESTION }]);
    const [first] = excerptsOf(embedOf(answer.message));
    expect(first).toBeDefined();
    const quote = await botText('quote', [{ name: 'citation', type: 3, value: first!.citation }]);

    const output = await consoleOutput(['/sources', QUESTION, `/quote ${first!.citation}`]);
    expect(sameTiming(output)).toBe(sameTiming(`${sources.text}\n\n${answer.text}\n\n${quote.text}\n\n`));
  });

  it('shows replies as plain text: quotes verbatim behind a bar, no markdown, the question as a title', async () => {
    const answer = await botText('ask', [{ name: 'question', type: 3, value: QUESTION }]);
    const output = await consoleOutput([QUESTION]);
    for (const pattern of MARKDOWN) expect(output).not.toMatch(pattern);
    expect(output.startsWith(`${QUESTION}\n${'─'.repeat(QUESTION.length)}\n`)).toBe(true);
    const excerpts = excerptsOf(embedOf(answer.message));
    expect(excerpts.length).toBeGreaterThan(0);
    for (const [i, excerpt] of excerpts.entries()) {
      expect(output).toContain(`│ ${excerpt.text.split('\n').join('\n│ ')}`);
      expect(output).toMatch(new RegExp(`^\\[${i + 1}\\] .* · ${excerpt.citation}$`, 'm'));
    }
  });

  it('gives each excerpt a /quote command that shows the same marked context as its Show context button', async () => {
    const answer = await botText('ask', [{ name: 'question', type: 3, value: QUESTION }]);
    // The Show context buttons; the 👍/👎 ones have no console counterpart.
    const buttons = buttonsOf(answer.message).filter((button) => parseContextButtonId(button.custom_id));
    expect(buttons.length).toBeGreaterThan(0);
    const output = await consoleOutput([QUESTION]);
    for (const button of buttons) {
      const target = parseContextButtonId(button.custom_id)!;
      const command = `/quote ${target.citation} ${target.quoted!.start} ${target.quoted!.end}`;
      expect(output).toContain(`${button.label}: ${command}`);

      const click = await h.fake.clickButton(button.custom_id, h.fake.originalMessage(answer.sent)!);
      const shown = replyToText((await h.fake.waitForReply(click)).message as unknown as Reply);
      const context = await consoleOutput([command]);
      expect(context).toBe(`${shown}\n\n`);
      expect(context).toMatch(/^│ .*«.+».*$/m);
    }
  });

  it('explains a /quote it cannot read', async () => {
    const output = await consoleOutput(['/quote', '/quote wsj:p2 10', '/quote wsj:p2 20 10', '/quote wsj:p2 a b']);
    expect(output.match(/Usage: \/quote <citation id> \[START END\]/g)).toHaveLength(4);
  });

  it('takes /ask options and per-source commands like the slash commands', async () => {
    const source = engine.listSources()[0]!;
    const viaAsk = await botText('ask', [
      { name: 'question', type: 3, value: QUESTION },
      { name: 'source', type: 3, value: source.slug },
      { name: 'count', type: 4, value: 1 },
    ]);
    const viaCommand = await botText(source.command, [{ name: 'question', type: 3, value: QUESTION }]);
    const output = await consoleOutput([`/ask ${QUESTION} --source ${source.slug} --count 1`, `/${source.command} ${QUESTION}`]);
    expect(sameTiming(output)).toBe(sameTiming(`${viaAsk.text}\n\n${viaCommand.text}\n\n`));
  });

  it('never echoes a raw control byte, in an answer or in a message about a mistake', async () => {
    const output = await consoleOutput([
      '\u001b[2J\u001b[HWho is\u0000 Valentina Marvienko?\u0007',
      '/nonsense\u001b]0;owned\u0007\u0000',
      '/ask why --source no\u001b[31mwhere\u009b',
    ]);
    expect(output).toContain('Who is Valentina Marvienko?');
    expect(output).toContain('Unknown command /nonsense');
    expect(output).toContain('Unknown source "nowhere"');
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('explains mistakes, lists commands on /help and stops at /quit', async () => {
    const output = await consoleOutput(['/nonsense', '/ask why? --count 9', '/ask why --source nowhere', '/help', '/quit', '/sources']);
    expect(output).toContain('Unknown command /nonsense');
    expect(output).toContain('--count must be a whole number from 1 to 5');
    expect(output).toContain('Unknown source "nowhere"');
    for (const source of engine.listSources()) expect(output).toContain(`/${source.command} <question>`);
    expect(output).not.toContain('Sources (');
  });

  it('in a terminal, leaves its input paused when Ctrl-D closes it while an answer is awaited, so the process can exit', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    output.resume();
    const done = runConsole({ engine, input, output, defaultCount: h.config.RESULTS_PER_ANSWER });
    input.write(`${QUESTION}\n/quit\n`);
    // Ctrl-D as a terminal sends it, typed while the first answer is being looked up.
    setImmediate(() => input.write('\u0004'));
    await done;
    expect(input.isPaused()).toBe(true);
  });
});
