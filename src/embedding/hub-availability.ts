// Before loading a Hugging Face model: is it already in the models directory, and if not, can the Hub
// be reached at all? transformers.js fetches without a timeout, so an unreachable network could hang
// for minutes; this probe fails within a bounded time instead.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const HUB_HOST = 'https://huggingface.co/';

/** The files transformers.js needs for feature extraction, as cached under `<modelsDir>/<id>/`. */
export function isHubModelCached(modelsDir: string, id: string, quantized: boolean): boolean {
  const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', `onnx/model${quantized ? '_quantized' : ''}.onnx`];
  return files.every((file) => existsSync(path.join(modelsDir, id, file)));
}

/** Resolves to null when the model's config.json answers, else to the reason it does not. */
export async function probeHubModel(id: string, remoteHost: string, timeoutMs: number): Promise<string | null> {
  const url = new URL(`${id}/resolve/main/config.json`, remoteHost);
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? null : `HTTP ${response.status} from ${url.host}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const name = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause ?? (error as Error).message);
    return `${url.host} unreachable: ${name}`;
  }
}
