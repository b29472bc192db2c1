// The settings measured on one store: its model's similarity scale on its passages. Measured when the
// index is built, saved with the store (PassageStore.saveCalibration), and read back while the key
// (model id + corpus fingerprint + probe set) stays the same; a new model, a changed source or new
// probes measure it again.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Embedder } from '../embedding/types.js';
import type { DenseScale } from '../search/dense-scale.js';
import type { Passage } from '../sources/types.js';
import type { PassageStore } from '../store/types.js';
import { measureDenseScale, readProbeQuestions } from './dense-scale-probes.js';

export interface IndexCalibration {
  denseScale: DenseScale;
}

/** Bumped when what is measured, or how, changes. */
const METHOD_VERSION = 1;

const calibrationSchema = z.object({ denseScale: z.object({ floor: z.number(), unit: z.number().positive() }) });

/**
 * What a calibration was measured on, less the model: the passages (ids and text) and the probes.
 * Depends on the sources alone, so it can be computed while the store opens.
 */
export function corpusFingerprint(passages: readonly Pick<Passage, 'id' | 'text'>[]): string {
  const hash = createHash('sha256').update(JSON.stringify({ method: METHOD_VERSION, probes: readProbeQuestions() }));
  // Fed a thousand passages at a time: one update per passage took 0.4 s of a start at 100,000 passages.
  for (let i = 0; i < passages.length; i += 1000) {
    hash.update(
      passages
        .slice(i, i + 1000)
        .map((passage) => `${passage.id}\u0000${passage.text}\u0000`)
        .join(''),
    );
  }
  return hash.digest('hex').slice(0, 16);
}

/** Model id and corpus fingerprint: a stored calibration holds while its key stays the same. */
export function calibrationKey(modelId: string, fingerprint: string): string {
  return `${modelId} ${fingerprint}`;
}

export interface CalibrationOutcome {
  calibration: IndexCalibration;
  /** False when the stored calibration was still valid. */
  measured: boolean;
}

export async function loadOrMeasureCalibration(
  store: PassageStore,
  embedder: Embedder,
  /** corpusFingerprint of the store's passages. */
  fingerprint: string,
): Promise<CalibrationOutcome> {
  const key = calibrationKey(store.modelId, fingerprint);
  const stored = await store.readCalibration();
  const parsed = stored?.key === key ? calibrationSchema.safeParse(stored.data) : undefined;
  if (parsed?.success) return { calibration: parsed.data, measured: false };
  const calibration: IndexCalibration = { denseScale: await measureDenseScale(store, embedder) };
  await store.saveCalibration({ key, data: { ...calibration } });
  return { calibration, measured: true };
}
