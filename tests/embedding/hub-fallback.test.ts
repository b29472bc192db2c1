// A Hugging Face model that cannot be fetched falls back to the offline model with exactly one
// warning — quickly, whether the Hub refuses the connection or never answers.
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

/** A port nobody listens on: connections are refused at once. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/`;
}

describe('hub model without a network', () => {
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

  it('rejects a model spec that is neither "offline" nor a Hub id', async () => {
    await expect(createEmbedder({ model: 'not a model', modelsDir: scratch.dir })).rejects.toThrow(/Unknown embedding model/);
  });
});
