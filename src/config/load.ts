// Reads .env (if present) into process.env, then validates it, folders included.
import dotenv from 'dotenv';
import { parseConfig, type Config } from './config.js';

export function loadConfig(envFile?: string): Config {
  dotenv.config({ path: envFile, quiet: true });
  return parseConfig(process.env, { checkFolders: true });
}
