// A DATABASE_URL that cannot be used is a configuration problem: a server that cannot be reached or
// lacks pgvector is reported in one plain message (password hidden), never a raw stack.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { projectRoot } from '../../src/config/paths.js';
import type { Embedder } from '../../src/embedding/types.js';
import { postgresStoreLocation } from '../../src/store/postgres/location.js';
import { offlineEmbedder, seedSources } from '../index/setup.js';
import { startServer, type PgliteServer } from './pglite.js';

const run = promisify(execFile);

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let unreachable: string;
beforeAll(async () => {
  unreachable = `postgres://bot:s3cret@127.0.0.1:${await closedPort()}/cited`;
});

describe('DATABASE_URL problems', () => {
  it('says the server cannot be reached, without the password', async () => {
    const failure = postgresStoreLocation(unreachable).readSlugBook();
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(/Cannot reach the Postgres server at postgres:\/\/bot:\*\*\*@127\.0\.0\.1:\d+\/cited \(ECONNREFUSED\)/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });

  it('rejects a URL that is not a Postgres one', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/DATABASE_URL must be a postgres:\/\//);
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('prints the problem and exits 1 from the command line, no stack', async () => {
    const failure = run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'index'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: unreachable, EMBEDDING_MODEL: 'offline', LOG_LEVEL: 'silent' },
    });
    const error = (await failure.then(
      () => expect.fail('the index command should fail'),
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr.trim()).toMatch(/^Cannot reach the Postgres server at postgres:\/\/bot:\*\*\*@/);
    expect(error.stderr).not.toMatch(/\n\s+at /);
  });

  describe('a server without pgvector', () => {
    let server: PgliteServer;
    let embedder: Embedder;
    beforeAll(async () => {
      [server, embedder] = await Promise.all([startServer({ pgvector: false }), offlineEmbedder()]);
    });
    afterAll(async () => {
      await embedder.dispose();
      await server.stop();
    });

    it('says the vector extension is missing and how to get it', async () => {
      const location = postgresStoreLocation(server.url);
      expect(await location.readSlugBook()).toEqual({});
      const failure = location.open({ sources: await seedSources(), embedder });
      await expect(failure).rejects.toBeInstanceOf(ConfigError);
      await expect(failure).rejects.toThrow(/has no pgvector extension \("vector"\).*Install pgvector 0\.8 or newer/);
    });
  });
});
