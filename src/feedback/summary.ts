// `npm run feedback`: what readers voted 👎 and what the sources did not cover, grouped by question,
// most frequent first: the questions an admin should add sources for (or check the citations of).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FeedbackRecord } from './types.js';

const recordSchema = z.discriminatedUnion('event', [
  z.object({
    time: z.string(),
    event: z.literal('vote'),
    vote: z.enum(['up', 'down']),
    question: z.string(),
    citations: z.array(z.string()),
    user: z.string(),
    message: z.string(),
  }),
  z.object({ time: z.string(), event: z.literal('declined'), question: z.string(), source: z.string().nullable(), user: z.string() }),
]);

export interface DeclinedQuestion {
  question: string;
  count: number;
  /** The sources it was asked of (null: all sources), each once. */
  sources: (string | null)[];
  last: string;
}

export interface DislikedAnswer {
  question: string;
  down: number;
  up: number;
  /** Citation ids of the answers voted 👎, each once. */
  citations: string[];
  last: string;
}

export interface FeedbackSummary {
  votes: { up: number; down: number };
  declined: DeclinedQuestion[];
  disliked: DislikedAnswer[];
  /** Lines that were not a feedback record (a torn last line, a hand edit). */
  unreadable: number;
}

export async function readFeedbackLog(path: string): Promise<{ records: FeedbackRecord[]; unreadable: number }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: 0 };
    throw error;
  }
  const records: FeedbackRecord[] = [];
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = (() => {
      try {
        return recordSchema.safeParse(JSON.parse(line));
      } catch {
        return undefined;
      }
    })();
    if (parsed?.success) records.push(parsed.data);
    else unreadable++;
  }
  return { records, unreadable };
}

/** One question asked several ways ("Who is X?", "who is x") counts as one. */
function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.…]+$/, '').trim();
}

export function summarizeFeedback(records: readonly FeedbackRecord[], unreadable = 0): FeedbackSummary {
  // A reader who changed their mind on an answer counts once, with their last vote.
  const votes = new Map<string, FeedbackRecord & { event: 'vote' }>();
  const declined = new Map<string, DeclinedQuestion>();
  for (const record of records) {
    if (record.event === 'vote') {
      const key = `${record.message}\u0000${record.user}`;
      votes.delete(key);
      votes.set(key, record);
      continue;
    }
    const entry = declined.get(questionKey(record.question)) ?? { question: record.question, count: 0, sources: [], last: record.time };
    entry.count++;
    if (!entry.sources.includes(record.source)) entry.sources.push(record.source);
    entry.last = record.time > entry.last ? record.time : entry.last;
    declined.set(questionKey(record.question), entry);
  }

  const answers = new Map<string, DislikedAnswer>();
  let up = 0;
  let down = 0;
  for (const vote of votes.values()) {
    if (vote.vote === 'up') up++;
    else down++;
    const key = questionKey(vote.question);
    const entry = answers.get(key) ?? { question: vote.question, down: 0, up: 0, citations: [], last: vote.time };
    entry[vote.vote]++;
    if (vote.vote === 'down') for (const id of vote.citations) if (!entry.citations.includes(id)) entry.citations.push(id);
    entry.last = vote.time > entry.last ? vote.time : entry.last;
    answers.set(key, entry);
  }

  const byCount = <T extends { last: string }>(count: (item: T) => number) => (a: T, b: T) => count(b) - count(a) || b.last.localeCompare(a.last);
  return {
    votes: { up, down },
    declined: [...declined.values()].sort(byCount((item) => item.count)),
    disliked: [...answers.values()].filter((answer) => answer.down > 0).sort(byCount((item) => item.down - item.up / 2)),
    unreadable,
  };
}

export function feedbackText(summary: FeedbackSummary, path: string): string {
  const declinedCount = summary.declined.reduce((sum, item) => sum + item.count, 0);
  const lines = [
    `${path}: ${summary.votes.up + summary.votes.down} votes (${summary.votes.up} 👍, ${summary.votes.down} 👎), ${declinedCount} declined questions.`,
  ];
  if (summary.unreadable > 0) lines.push(`${summary.unreadable} lines could not be read and were skipped.`);
  lines.push('', 'Declined: the sources did not cover these questions (add sources for them):');
  if (summary.declined.length === 0) lines.push('  (none)');
  for (const item of summary.declined) {
    const asked = item.sources.map((source) => (source === null ? 'all sources' : source)).join(', ');
    lines.push(`  ${item.count}×  ${item.question}  (asked of ${asked}; last ${item.last.slice(0, 10)})`);
  }
  lines.push('', 'Voted 👎: answers readers found wanting (check the citations, or add sources):');
  if (summary.disliked.length === 0) lines.push('  (none)');
  for (const item of summary.disliked) {
    lines.push(`  ${item.down} 👎 ${item.up} 👍  ${item.question}  (last ${item.last.slice(0, 10)})`);
    if (item.citations.length > 0) lines.push(`      cited: ${item.citations.join(', ')}`);
  }
  return lines.join('\n');
}
