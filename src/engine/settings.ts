// Retrieval settings of the engine. The numbers were measured, not guessed: see
// `npm run calibrate` (held-out questions in tests/heldout) and README "How good and how fast".
import type { HybridSearchOptions } from '../search/hybrid.js';

export const DEFAULT_RESULTS = 3;
export const MAX_RESULTS = 10;

export const SEARCH_SETTINGS: HybridSearchOptions = {
  candidates: 30,
  minRelativeScore: 0.3,
  fusion: { method: 'weighted', rrfK: 60, denseWeight: 0.3, commentFactor: 0.9, otherKindFactor: 0.5, headerFactor: 0.5 },
  abstain: { denseWeight: 0.1, minScore: 0.31 },
};
