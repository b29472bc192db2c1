// The interactive console: the bot's commands typed as lines, answered by the same responder and
// reply builders as Discord, rendered as text. Without a TTY it reads lines until end of input, so
// it can be scripted: `printf '/sources\n' | npm start`.
import { on } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { followCommandSet } from '../discord/commands.js';
import { terminalSafe } from '../engine/control-characters.js';
import type { Engine } from '../engine/types.js';
import type { Logger } from '../log/logger.js';
import { describeError, noticeReply } from '../replies/error.js';
import type { Reply } from '../replies/reply.js';
import { createResponder } from '../replies/responder.js';
import { helpText } from './help.js';
import { parseLine } from './parse.js';
import { replyToText } from './render-text.js';

export interface ConsoleOptions {
  engine: Engine;
  input: Readable;
  output: Writable;
  /** Excerpts per answer when no --count is given (config RESULTS_PER_ANSWER). */
  defaultCount: number;
  log?: Logger;
}

/** Unlike a quote marker ("> "), so a prompt is never mistaken for quoted text. */
export const PROMPT = 'ask› ';

/** Resolves at end of input or on /quit. */
export async function runConsole({ engine, input, output, defaultCount, log }: ConsoleOptions): Promise<void> {
  const commands = followCommandSet(engine);
  const responder = createResponder(engine, () => commands.current().commandBySource, defaultCount);
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, ...(interactive ? { output, terminal: true } : { terminal: false }) });
  // Ctrl-D (or the end of typed-ahead input) closes readline, maybe while an answer is awaited; a
  // prompt after that would resume the input, and the process would wait on it forever.
  let closed = false;
  lines.once('close', () => (closed = true));
  // Never a raw control byte to the terminal: messages about mistakes echo what was typed.
  const print = (text: string) => output.write(`${terminalSafe(text)}\n\n`);
  const show = (reply: Reply) => print(replyToText(reply));

  if (interactive) {
    print(`${engine.listSources().length} sources, ${engine.passageCount} passages. Type a question, or /help.`);
    lines.setPrompt(PROMPT);
    lines.prompt();
  }
  try {
    // Every line as it arrives, buffered while an answer is awaited. With readline's own iterator, which
    // pauses its input meanwhile, lines typed ahead of the prompt in a terminal were lost under load
    // ("/quit" among them, so the console never ended).
    for await (const [line] of on(lines, 'line', { close: ['close'] }) as AsyncIterableIterator<[string]>) {
      const command = parseLine(line, commands.current().sourceByCommand);
      if (command.kind === 'quit') break;
      try {
        if (command.kind === 'ask') show((await responder.ask(command.request)).reply);
        else if (command.kind === 'sources') show(responder.sources());
        else if (command.kind === 'quote') show((await responder.quote(command.target)).reply);
        else if (command.kind === 'help') print(helpText(commands.current().sourceByCommand));
        else if (command.kind === 'invalid') show(noticeReply(command.message));
      } catch (error) {
        const { message, expected } = describeError(error);
        if (!expected) log?.error({ err: error }, 'console command failed');
        show(noticeReply(message));
      }
      if (interactive && !closed) lines.prompt();
    }
  } finally {
    commands.stop();
    lines.close();
  }
}
