// `npm run feedback`: the feedback log summarised: declined questions and answers voted 👎, most
// frequent first (see src/feedback/summary.ts).
import { fromProjectRoot } from '../config/paths.js';
import { feedbackLogPath } from '../feedback/feedback-log.js';
import { feedbackText, readFeedbackLog, summarizeFeedback } from '../feedback/summary.js';
import type { CliContext } from './context.js';

export interface FeedbackCommandOptions {
  json?: boolean;
  /** Another log than FEEDBACK_LOG's. */
  log?: string;
}

export async function runFeedback({ config }: CliContext, options: FeedbackCommandOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const path = feedbackLogPath(options.log ?? config.FEEDBACK_LOG);
  if (path === undefined) {
    console.error('Feedback is turned off (FEEDBACK_LOG=off): there is no log to summarise.');
    return 1;
  }
  const { records, unreadable } = await readFeedbackLog(fromProjectRoot(path));
  const summary = summarizeFeedback(records, unreadable);
  out.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${feedbackText(summary, path)}\n`);
  return 0;
}
