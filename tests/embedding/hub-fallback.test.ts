// Hub models: downloaded once into the models directory and then loaded without a network; a model
// that cannot be fetched falls back to the offline model with exactly one warning — quickly, whether
// the Hub refuses the connection or never answers. The "Hub" here is a loopback server.
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import path from 'node:path';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/embedding/create-embedder.js';
import { DEFAULT_HUB_MODEL } from '../../src/embedding/model-spec.js';
import { generateOfflineModel, OFFLINE_MODEL_NAME } from '../../src/embedding/offline/generate-offline-model.js';
import { norm, scratchDir } from './helpers.js';

/** A local "Hub" that accepts connections and never answers. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback "Hub" serving one model directory at /<id>/resolve/main/<file>; counts the requests. */
async function fileHub(id: string, modelDir: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const prefix = `/${id}/resolve/main/`;
  const server = createHttpServer(async (request, response) => {
    const url = request.url ?? '';
    requests.push(`${request.method} ${url}`);
    const file = url.startsWith(prefix) ? url.slice(prefix.length) : null;
    const body = file === null || file.includes('..') ? null : await readFile(path.join(modelDir, file)).catch(() => null);
    response.writeHead(body ? 200 : 404, { 'content-length': body?.length ?? 0 });
    response.end(request.method === 'HEAD' ? undefined : body ?? undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nobody listens on: connections are refused at once. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/`;
}

describe('hub models', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;

  beforeAll(async () => {
    scratch = await scratchDir('hub-fallback');
    // Generated up front so that the only message is the fallback warning.
    await generateOfflineModel(scratch.dir);
  });
  afterAll(() => scratch.remove());

  it('falls back to the offline model with one warning when the Hub refuses connections', async () => {
    const warnings: string[] = [];
    const embedder = await createEmbedder({
      model: DEFAULT_HUB_MODEL,
      modelsDir: scratch.dir,
      remoteHost: await closedPortUrl(),
      log: (m) => warnings.push(m),
    });
    try {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(DEFAULT_HUB_MODEL);
      expect(warnings[0]).toContain(OFFLINE_MODEL_NAME);
      expect(embedder.modelId.startsWith(OFFLINE_MODEL_NAME)).toBe(true);
      expect(norm(await embedder.embedQuery('Who asked Russia for help?'))).toBeCloseTo(1, 4);
    } finally {
      await embedder.dispose();
    }
  });

  it('gives up after the network timeout when the Hub never answers', async () => {
    const hub = await silentServer();
    const warnings: string[] = [];
    try {
      const embedder = await createEmbedder({
        model: DEFAULT_HUB_MODEL,
        modelsDir: scratch.dir,
        remoteHost: hub.url,
        networkTimeoutMs: 300,
        log: (m) => warnings.push(m),
      });
      await embedder.dispose();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/no answer within 300 ms/);
      expect(embedder.modelId.startsWith(OFFLINE_MODEL_NAME)).toBe(true);
    } finally {
      await hub.close();
    }
  });

  it('downloads a Hub model into the models directory once, then loads it without the network', async () => {
    const id = 'loopback/static-model';
    const hub = await fileHub(id, path.join(scratch.dir, OFFLINE_MODEL_NAME));
    const modelsDir = path.join(scratch.dir, 'downloads');
    const warnings: string[] = [];
    try {
      const downloaded = await createEmbedder({ model: id, modelsDir, remoteHost: hub.url, log: (m) => warnings.push(m) });
      const vector = await downloaded.embedQuery('Who asked Russia for help?');
      await downloaded.dispose();
      expect(downloaded.modelId).toBe(`${id}/int8`);
      expect(norm(vector)).toBeCloseTo(1, 4);
      expect(hub.requests.some((r) => r.endsWith('onnx/model_quantized.onnx'))).toBe(true);
    } finally {
      await hub.close();
    }
    // The Hub is gone: the cached copy is used, with no request and no warning.
    const cached = await createEmbedder({ model: id, modelsDir, remoteHost: await closedPortUrl(), log: (m) => warnings.push(m) });
    await cached.dispose();
    expect(cached.modelId).toBe(`${id}/int8`);
    expect(warnings).toEqual([]);
  });

  it('rejects a model spec that is neither "offline" nor a Hub id', async () => {
    await expect(createEmbedder({ model: 'not a model', modelsDir: scratch.dir })).rejects.toThrow(/Unknown embedding model/);
  });
});
