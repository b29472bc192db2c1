// The feedback log: JSON lines appended to one file (FEEDBACK_LOG). User ids are never written: each
// is replaced by sha256(salt, id), the salt made once at random and kept beside the log, so one
// reader's votes can be told apart without anyone being identifiable from the file.
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FeedbackRecord, FeedbackSink } from './types.js';

/** FEEDBACK_LOG values that turn the log off. */
const OFF = new Set(['off', 'none', 'false', '0', 'no']);

/** The configured log path, or undefined when feedback is turned off. */
export function feedbackLogPath(configured: string): string | undefined {
  return OFF.has(configured.trim().toLowerCase()) ? undefined : configured;
}

/** The salt file beside a log: `<log>.salt`. */
export function saltPath(logPath: string): string {
  return `${logPath}.salt`;
}

export async function openFeedbackLog(path: string, now: () => Date = () => new Date()): Promise<FeedbackSink> {
  await mkdir(dirname(path), { recursive: true });
  const salt = await readOrCreateSalt(saltPath(path));
  const user = (id: string) => createHash('sha256').update(`${salt}:${id}`, 'utf8').digest('hex');
  // Appends are chained so lines never interleave, whatever the order clicks arrive in.
  let writing: Promise<void> = Promise.resolve();
  const append = (record: FeedbackRecord): Promise<void> => {
    writing = writing.catch(() => {}).then(() => appendFile(path, `${JSON.stringify(record)}\n`, { encoding: 'utf8', mode: 0o600 }));
    return writing;
  };
  return {
    vote: ({ vote, question, citations, userId, messageId }) =>
      append({ time: now().toISOString(), event: 'vote', vote, question, citations, user: user(userId), message: messageId }),
    declined: ({ question, source, userId }) => append({ time: now().toISOString(), event: 'declined', question, source, user: user(userId) }),
  };
}

async function readOrCreateSalt(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const salt = randomBytes(32).toString('hex');
  try {
    await writeFile(path, `${salt}\n`, { flag: 'wx', mode: 0o600 });
    return salt;
  } catch (error) {
    // Another process made it first: use theirs, so both hash alike.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(path, 'utf8')).trim();
    throw error;
  }
}
