// The embedded store's calibration: one JSON file beside the index, replaced atomically. A missing or
// unreadable file only means "not measured yet".
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoredCalibration } from '../store/types.js';
import { writeFileAtomic } from './atomic-write.js';

export const CALIBRATION_FILE = 'calibration.json';

const calibrationSchema = z.object({ key: z.string(), data: z.record(z.string(), z.unknown()) });

export async function readCalibrationFile(dir: string): Promise<StoredCalibration | undefined> {
  try {
    const parsed = calibrationSchema.safeParse(JSON.parse(await readFile(join(dir, CALIBRATION_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCalibrationFile(dir: string, calibration: StoredCalibration): Promise<void> {
  await writeFileAtomic(join(dir, CALIBRATION_FILE), `${JSON.stringify(calibration, null, 2)}\n`);
}
