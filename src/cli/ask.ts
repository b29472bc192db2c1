// `npm run ask`: one question printed as the bot would post it, its JSON, or a whole file of them.
import type { Answer } from '../answer/types.js';
import type { Engine } from '../engine/types.js';
import { describeError } from '../replies/error.js';
import { buildCommandSet } from '../discord/commands.js';
import { createResponder } from '../replies/responder.js';
import { replyToText } from '../console/render-text.js';
import { readQuestionsFile } from './questions-file.js';
import { DEFAULT_RESULTS } from '../engine/settings.js';

export interface AskCommandOptions {
  source?: string;
  k?: number;
  json?: boolean;
  questions?: string;
}

/** Results per question in --questions mode when -k is not given: enough for MRR@5. */
const QUESTIONS_FILE_RESULTS = 5;

export async function runAsk(engine: Engine, question: string | undefined, options: AskCommandOptions, out: NodeJS.WritableStream): Promise<number> {
  if (options.questions) {
    for (const line of await readQuestionsFile(options.questions)) {
      const answer = await answerOrDecline(engine, line.question, line.source ?? options.source, options.k ?? QUESTIONS_FILE_RESULTS);
      out.write(`${JSON.stringify(answer)}\n`);
    }
    return 0;
  }
  // The same responder as the bot and the console, so the text is what the bot would post.
  const { commandBySource } = buildCommandSet(engine.listSources());
  const responder = createResponder(engine, () => commandBySource, DEFAULT_RESULTS);
  const { answer, reply } = await responder.ask({ question: question ?? '', source: options.source, count: options.k });
  out.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : `${replyToText(reply)}\n`);
  return 0;
}

/** In a batch, a bad question must not stop the others: it gets a declined answer with the reason. */
async function answerOrDecline(engine: Engine, question: string, source: string | undefined, k: number): Promise<Answer & { error?: string }> {
  try {
    return await engine.ask(question, { source, k });
  } catch (error) {
    const { message, expected } = describeError(error);
    if (!expected) throw error;
    return { question, source: source ?? null, answered: false, results: [], searched: 0, tookMs: 0, error: message };
  }
}
