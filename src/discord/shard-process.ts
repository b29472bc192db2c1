// Entry point of one shard, started by the ShardingManager (./sharding.ts) as its own process: opens
// the engine (the shared Postgres store, or its own copy of the embedded index, which the folder's
// write lock lets one shard build while the others wait) and runs the bot on the shards discord.js
// hands it.
import dotenv from 'dotenv';
import { readIndexAhead } from '../cli/context.js';
import { parseConfig } from '../config/config.js';
import { createLogger } from '../log/logger.js';

dotenv.config({ quiet: true });
// The manager passes this process its shard ids in SHARDS ("[0]"), for discord.js's Client; the
// configured SHARDS (how many to run) was the manager's to read.
const config = parseConfig({ ...process.env, SHARDS: undefined });
const log = createLogger(config.LOG_LEVEL ?? 'info', undefined, { secrets: [config.DISCORD_TOKEN], format: config.LOG_FORMAT }).child({
  shards: process.env.SHARDS,
});
// The index is read while the bot's modules load (see ../cli/context.ts).
const context = readIndexAhead({ config, logger: log });
const [{ openEngineWithProgress }, { runBot }] = await Promise.all([import('../cli/open-with-progress.js'), import('./run.js')]);
// Each shard follows the seeds folder too: with the embedded store the write lock lets one re-index.
const { engine } = await openEngineWithProgress(context, { watch: true });
process.exitCode = await runBot({ engine, config, log });
