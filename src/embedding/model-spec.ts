// Which embedding model to use: our generated offline model, or a Hugging Face Hub model id.
// Hub models differ in pooling and in whether queries carry an instruction prefix.

export const OFFLINE_MODEL_SPEC = 'offline';
/** The offline model with one component shared by every vector (./shared-component-embedder.ts): a test variant. */
export const OFFLINE_SHARED_MODEL_SPEC = 'offline-shared-component';
export const DEFAULT_HUB_MODEL = 'Xenova/bge-small-en-v1.5';

export interface HubModelProfile {
  readonly pooling: 'cls' | 'mean';
  /** Prepended to queries (not passages), as the model card prescribes. */
  readonly queryInstruction: string;
}

const BGE_EN_V15: HubModelProfile = { pooling: 'cls', queryInstruction: 'Represent this sentence for searching relevant passages: ' };
const KNOWN_PROFILES: Readonly<Record<string, HubModelProfile>> = {
  'Xenova/bge-small-en-v1.5': BGE_EN_V15,
  'Xenova/bge-base-en-v1.5': BGE_EN_V15,
  'Xenova/bge-large-en-v1.5': BGE_EN_V15,
};
/** Sentence-transformers models (all-MiniLM-L6-v2 and the like) mean-pool without instructions. */
const DEFAULT_PROFILE: HubModelProfile = { pooling: 'mean', queryInstruction: '' };

export type ModelSpec =
  | { readonly kind: 'offline'; readonly sharedComponent?: true }
  | { readonly kind: 'hub'; readonly id: string; readonly profile: HubModelProfile };

export function parseModelSpec(spec: string): ModelSpec {
  const trimmed = spec.trim();
  if (trimmed === OFFLINE_MODEL_SPEC) return { kind: 'offline' };
  if (trimmed === OFFLINE_SHARED_MODEL_SPEC) return { kind: 'offline', sharedComponent: true };
  if (!/^[\w.-]+\/[\w.-]+$/.test(trimmed)) {
    throw new Error(`Unknown embedding model "${spec}": use "${OFFLINE_MODEL_SPEC}" or a Hugging Face id such as "${DEFAULT_HUB_MODEL}".`);
  }
  return { kind: 'hub', id: trimmed, profile: KNOWN_PROFILES[trimmed] ?? DEFAULT_PROFILE };
}
