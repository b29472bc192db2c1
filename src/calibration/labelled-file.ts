import { readFile } from 'node:fs/promises';
import { labelledQuestionSchema, type LabelledQuestion } from './gold.js';

export async function readLabelledQuestions(path: string): Promise<LabelledQuestion[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const parsed = labelledQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid question'}`);
    return parsed.data;
  });
}
