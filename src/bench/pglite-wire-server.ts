// Child process: one PGlite database (with pgvector and fuzzystrmatch) served over the Postgres wire
// protocol on 127.0.0.1. PGlite has a single backend, so clients take turns: each turn runs one
// client's whole message group (up to its Sync or simple Query), and while a client's transaction is
// open, only that client's groups run. pglite-socket's own server takes turns message by message,
// which lets two clients' unnamed prepared statements overwrite each other ("bind message supplies
// 3 parameters, but prepared statement "" requires 1"); grouping keeps each query whole.
// Prints `listening <port>` once it accepts connections; SIGTERM closes it.
import { createServer, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { vector } from '@electric-sql/pglite-pgvector';

const [dataDir = 'memory://', withVector = 'vector'] = process.argv.slice(2);
const db = await PGlite.create(dataDir, { extensions: withVector === 'vector' ? { vector, fuzzystrmatch } : { fuzzystrmatch } });

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
/** Messages that end a group: Sync, simple Query. */
const GROUP_ENDS = new Set(['S', 'Q']);
const TERMINATE = 'X';

interface Turn {
  client: Socket;
  bytes: Buffer;
}

const queue: Turn[] = [];
/** The client whose transaction is open; only its turns run until it ends. */
let owner: Socket | undefined;
let running = false;

/** A client gone mid-transaction (a killed process) has it rolled back, as a server would. */
async function rollBackForDeadOwner(): Promise<void> {
  if (!owner?.destroyed) return;
  owner = undefined;
  // exec() takes PGlite's own lock: calling it inside runExclusive would wait forever.
  if (db.isInTransaction()) await db.exec('ROLLBACK');
}

async function runQueue(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (;;) {
      await rollBackForDeadOwner();
      const index = owner && db.isInTransaction() ? queue.findIndex((turn) => turn.client === owner) : 0;
      const turn = index >= 0 ? queue.splice(index, 1)[0] : undefined;
      if (!turn) break;
      if (turn.client.destroyed) continue;
      await db.runExclusive(() =>
        db.execProtocolRawStream(new Uint8Array(turn.bytes), { onRawData: (data) => void (turn.client.writable && turn.client.write(data)) }),
      );
      owner = db.isInTransaction() ? turn.client : undefined;
    }
  } finally {
    running = false;
  }
}

function serve(client: Socket): void {
  client.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let started = false;
  let group: Buffer[] = [];
  const enqueue = (bytes: Buffer) => {
    queue.push({ client, bytes });
    void runQueue();
  };
  client.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        // Untyped start-up packets: SSL request (refused), cancel request (ignored), start-up message.
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const packet = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) client.write('N');
        else if (code === CANCEL_REQUEST) client.end();
        else {
          started = true;
          enqueue(Buffer.from(packet));
        }
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const type = String.fromCharCode(buffer[0]!);
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (type === TERMINATE) {
        client.end();
        return;
      }
      group.push(Buffer.from(message));
      if (GROUP_ENDS.has(type)) {
        enqueue(Buffer.concat(group));
        group = [];
      }
    }
  });
  client.on('error', () => {});
  client.on('close', () => {
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.client === client) queue.splice(i, 1);
    void runQueue();
  });
}

const server = createServer(serve);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
const stop = () => {
  server.close();
  void db.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
