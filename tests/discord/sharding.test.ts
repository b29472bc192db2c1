// SHARDS=auto: `npm start` runs the bot under discord.js's ShardingManager, one process per shard as
// many as Discord recommends, each identifying with its [shard_id, num_shards] and answering the
// interactions of its own guilds from its own engine. SIGTERM stops every shard, then the manager.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { snowflakeForShard } from '../fake-discord/snowflake.js';
import { embedOf } from './read-reply.js';

const QUESTION = { name: 'question', type: 3 as const, value: 'Who is Valentina Marvienko?' };

let fake: FakeDiscord;
let embeddingsDir: string;

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: 2 });
  embeddingsDir = mkdtempSync(join(tmpdir(), 'shards-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(embeddingsDir, { recursive: true, force: true });
});

/** Process ids of the shard processes started by `pid` (its other children are tsx's esbuild service). */
function shardsOf(pid: number): number[] {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('shard-process')).map((line) => Number.parseInt(line, 10));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('sharded start-up', () => {
  it('answers each guild from the shard Discord routes it to, and stops every shard on SIGTERM', async () => {
    const manager = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_BASE: fake.apiBase,
        DISCORD_GUILD_ID: '',
        SHARDS: 'auto',
        EMBEDDING_MODEL: 'offline',
        // One embedded index for both shards: the folder's write lock lets the first build it while the other waits.
        EMBEDDINGS_DIR: embeddingsDir,
        COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    manager.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => manager.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const check = () => log.includes('all shards ready') && resolve();
      manager.stderr.on('data', check);
      void exited.then((code) => reject(new Error(`the bot exited (${code}) before its shards were ready:\n${log}`)));
    });

    expect(fake.connectedShards().sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const shardPids = shardsOf(manager.pid!);
    expect(shardPids).toHaveLength(2);
    // One shard keeps the commands in sync, not each.
    expect(fake.requests.filter((r) => r.method === 'PUT' && /\/commands$/.test(r.path))).toHaveLength(1);

    for (const shard of [0, 1]) {
      const guild = snowflakeForShard(shard, 2);
      const sent = await fake.sendCommand('ask', [QUESTION], undefined, guild);
      const reply = await fake.waitForReply(sent);
      expect(fake.deliveredTo.get(sent.id)).toEqual([shard, 2]);
      expect(JSON.stringify(embedOf(reply.message))).toContain('Marvienko');
    }

    manager.kill('SIGTERM');
    expect(await exited, log).toBe(0);
    expect(log).toContain('shutting down all shards');
    expect(shardPids.filter(alive)).toEqual([]);
    expect(fake.connectedShards()).toEqual([]);
  });
});
