// A real Postgres with pgvector for tests and benchmarks, on a machine without a database server:
// PGlite (Postgres compiled to WebAssembly) served over the wire protocol on loopback
// (./pglite-wire-server.ts), in a child process of its own, so the store talks to it through `pg`
// exactly as to a managed server. PGlite runs one backend: every connection shares one session
// (advisory locks included, so it cannot show one builder excluding another) and queries run one
// at a time (an open transaction holds the others back until it ends).
import { spawn, type ChildProcess } from 'node:child_process';

export interface PgliteServer {
  /** postgres://… for DATABASE_URL. */
  url: string;
  /** The server's process id (to watch its memory). */
  pid: number;
  stop(): Promise<void>;
}

export interface PgliteServerOptions {
  /** Folder of the database files; in memory when absent. */
  dataDir?: string;
  /** Load pgvector (default true); false makes a server without the vector extension. */
  pgvector?: boolean;
}

const START_TIMEOUT_MS = 60_000;

export async function startPgliteServer(options: PgliteServerOptions = {}): Promise<PgliteServer> {
  const script = new URL('./pglite-wire-server.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, options.dataDir ?? 'memory://', options.pgvector === false ? 'plain' : 'vector'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await listeningPort(child);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    pid: child.pid ?? 0,
    stop: () => stopChild(child),
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`PGlite server did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', read);
      // Keep draining its output so the pipe never fills and stalls the server.
      child.stdout?.resume();
      resolve(Number(match[1]));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`PGlite server exited with code ${code} before listening:\n${output}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
