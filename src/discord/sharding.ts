// The bot as Discord shards (SHARDS=auto|N): discord.js's ShardingManager runs one process per shard,
// each with its own gateway connection and engine, and Discord sends each shard the interactions of
// its guilds. SIGINT/SIGTERM stop every shard cleanly before this process exits.
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { resolveShardCount } from './shard-count.js';

const SHARD_SCRIPT = fileURLToPath(new URL('./shard-process.ts', import.meta.url));
/** A shard opens its engine (maybe building the index) before it logs in: give it time. */
const SHARD_READY_TIMEOUT_MS = 15 * 60_000;
/** Discord accepts one IDENTIFY per 5 s (max_concurrency 1); discord.js waits this long between shards. */
const SPAWN_DELAY_MS = 5_500;
const STOP_TIMEOUT_MS = 30_000;

export interface ShardedBotOptions {
  config: Config;
  log: Logger;
  /** Milliseconds between two shards' starts (tests shorten it; Discord needs 5 s). */
  spawnDelayMs?: number;
}

export async function runShardedBot({ config, log, spawnDelayMs = SPAWN_DELAY_MS }: ShardedBotOptions): Promise<number> {
  const token = config.DISCORD_TOKEN;
  if (!token || !config.SHARDS) throw new Error('Sharding needs DISCORD_TOKEN and SHARDS.');
  const totalShards = await resolveShardCount(config.SHARDS, token, config.DISCORD_API_BASE);
  const manager = new ShardingManager(SHARD_SCRIPT, {
    token,
    totalShards,
    // Shards run from TypeScript source, as the CLI does.
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    log.info({ shard: shard.id, totalShards }, 'shard starting');
    shard.on('death', () => log.warn({ shard: shard.id }, 'shard process exited'));
  });
  const stopping = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const spawned = manager.spawn({ amount: totalShards, delay: spawnDelayMs, timeout: SHARD_READY_TIMEOUT_MS });
  const outcome = await Promise.race([spawned.then(() => 'ready' as const), stopping]);
  if (outcome === 'ready') log.info({ totalShards }, 'all shards ready');
  const signal = outcome === 'ready' ? await stopping : outcome;
  log.info({ signal }, 'shutting down all shards');
  await Promise.all([...manager.shards.values()].map(stopShard));
  spawned.catch(() => {
    // Stopped before every shard was up; nothing left to report.
  });
  log.flush();
  return 0;
}

/** Sends the shard's process SIGTERM (it shuts its bot and engine down) and waits for it to exit. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  shard.kill();
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
