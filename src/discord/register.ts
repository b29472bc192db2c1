// Registers the slash commands with one bulk PUT (global, or per guild when a guild id is given:
// guild commands update at once, global ones are meant for production). The payload's hash is kept
// in the state directory so a restart with unchanged commands re-registers nothing; one GET still
// checks that Discord has them all, in case someone deleted one there.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REST, Routes, type APIApplication, type APIApplicationCommand } from 'discord.js';
import type { SourceSummary } from '../engine/types.js';
import { makeDirectory } from '../config/make-directory.js';
import { writeFileAtomic } from '../index/atomic-write.js';
import type { Logger } from '../log/logger.js';
import { buildCommandSet, type SkippedCommand } from './commands.js';
import { DEFAULT_API_BASE, setupError } from './errors.js';
import { summarizeSkipped } from './skipped-commands.js';

export const COMMAND_STATE_FILE = 'discord-commands.json';

export interface RegisterCommandsOptions {
  token: string;
  sources: SourceSummary[];
  log: Logger;
  /** Looked up with GET /applications/@me when absent. */
  applicationId?: string;
  /** Register for this guild only (instant updates) instead of globally. */
  guildId?: string;
  /** e.g. https://discord.com/api (DISCORD_API_BASE); discord.js adds the version. */
  apiBase?: string;
  /** Where the hash of the last registered payload is kept (the embeddings directory). */
  stateDir?: string;
  /** Skip the PUT when the payload equals the one last registered from here. */
  onlyIfChanged?: boolean;
  /** An existing REST client (the bot's); otherwise one is made from token and apiBase. */
  rest?: REST;
}

export interface RegisterResult {
  applicationId: string;
  scope: 'global' | 'guild';
  /** Names of the commands Discord now has. */
  commands: string[];
  skipped: SkippedCommand[];
  /** False when the PUT was skipped because nothing changed. */
  changed: boolean;
}

export async function registerCommands(options: RegisterCommandsOptions): Promise<RegisterResult> {
  const { log, guildId } = options;
  const rest = options.rest ?? new REST({ api: options.apiBase ?? DEFAULT_API_BASE }).setToken(options.token);
  const set = buildCommandSet(options.sources);
  if (set.skipped.length > 0) {
    log.warn(summarizeSkipped(set.skipped), `${set.skipped.length} per-source commands skipped; /ask source: still reaches their sources`);
  }

  try {
    const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
    const scope = guildId ? 'guild' : 'global';
    const result = { applicationId, scope, commands: set.payloads.map((c) => c.name), skipped: set.skipped } as const;
    const key = [options.apiBase ?? DEFAULT_API_BASE, applicationId, guildId ?? 'global'].join('|');
    const hash = createHash('sha256').update(JSON.stringify(set.payloads)).digest('hex');
    const state = options.stateDir ? await readState(options.stateDir) : {};

    const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
    if (options.onlyIfChanged && state[key] === hash && (await allRegistered(rest, route, result.commands))) {
      log.info({ scope, commands: result.commands.length }, 'slash commands unchanged, not registering');
      return { ...result, changed: false };
    }
    await rest.put(route, { body: set.payloads });
    log.info({ scope, commands: result.commands.length, skipped: set.skipped.length }, 'slash commands registered');
    if (options.stateDir) await writeState(options.stateDir, { ...state, [key]: hash });
    return { ...result, changed: true };
  } catch (error) {
    throw setupError(error, options.apiBase);
  }
}

/** Whether Discord lists exactly these command names for the route. */
async function allRegistered(rest: REST, route: `/${string}`, names: readonly string[]): Promise<boolean> {
  const registered = new Set(((await rest.get(route)) as APIApplicationCommand[]).map((command) => command.name));
  return registered.size === names.length && names.every((name) => registered.has(name));
}

async function readState(dir: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(join(dir, COMMAND_STATE_FILE), 'utf8')) as Record<string, string>;
  } catch {
    // Missing or unreadable: register again, which rewrites it.
    return {};
  }
}

async function writeState(dir: string, state: Record<string, string>): Promise<void> {
  await makeDirectory(dir);
  await writeFileAtomic(join(dir, COMMAND_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
