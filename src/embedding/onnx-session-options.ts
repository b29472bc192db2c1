// transformers.js 2.17 creates its ONNX Runtime session from the model's bytes, with the execution
// providers only (its v3 takes `session_options`), and onnxruntime-node 1.14 ignores every session
// option for a model given as bytes. So, to set the thread count, the session created while `load`
// runs is made from the model file instead, with the options. Loads run one at a time, so the swap
// cannot interleave.
import { createRequire } from 'node:module';

export interface OnnxSessionOptions {
  /** Threads one inference may use; ONNX Runtime's default is one per core. */
  intraOpNumThreads: number;
}

type CreateSession = (model: unknown, options?: Record<string, unknown>) => Promise<unknown>;

/** ONNX Runtime as transformers.js itself resolves and loads it, so this is the very class it calls. */
function transformersOnnxRuntime(): { InferenceSession: { create: CreateSession } } {
  const fromTransformers = createRequire(createRequire(import.meta.url).resolve('@xenova/transformers'));
  return fromTransformers('onnxruntime-node') as { InferenceSession: { create: CreateSession } };
}

export async function withSessionOptions<T>(modelFile: string, options: OnnxSessionOptions, load: () => Promise<T>): Promise<T> {
  const sessions = transformersOnnxRuntime().InferenceSession;
  const create = sessions.create;
  // 'cpu' only: the 'wasm' fallback transformers.js lists is not an onnxruntime-node provider.
  sessions.create = () => create.call(sessions, modelFile, { executionProviders: ['cpu'], interOpNumThreads: 1, ...options });
  try {
    return await load();
  } finally {
    sessions.create = create;
  }
}
