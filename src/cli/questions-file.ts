// Reads a questions file: one JSON object a line with at least "question" (and optionally "source"),
// the format of ../shared/eval/questions.jsonl.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const lineSchema = z.object({ question: z.string(), source: z.string().optional() }).loose();

export type QuestionLine = z.infer<typeof lineSchema>;

export async function readQuestionsFile(path: string): Promise<QuestionLine[]> {
  const text = await readFile(path, 'utf8');
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${i + 1}: not a JSON object`);
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path}:${i + 1}: needs a "question" string`);
    return [parsed.data];
  });
}
