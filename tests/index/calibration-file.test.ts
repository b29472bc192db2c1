// The embedded store keeps a calibration beside its index; a missing or damaged file means "not measured".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALIBRATION_FILE, readCalibrationFile, writeCalibrationFile } from '../../src/index/calibration-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calibration-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('calibration file', () => {
  it('reads back what was saved', async () => {
    expect(await readCalibrationFile(dir)).toBeUndefined();
    await writeCalibrationFile(dir, { key: 'model-a|corpus-1', data: { minScore: 0.3, probes: [1, 2] } });
    expect(await readCalibrationFile(dir)).toEqual({ key: 'model-a|corpus-1', data: { minScore: 0.3, probes: [1, 2] } });
  });

  it('treats a damaged file as no calibration', async () => {
    await writeFile(join(dir, CALIBRATION_FILE), '{"key": 3');
    expect(await readCalibrationFile(dir)).toBeUndefined();
    await writeFile(join(dir, CALIBRATION_FILE), '{"key": 3, "data": {}}');
    expect(await readCalibrationFile(dir)).toBeUndefined();
  });
});
