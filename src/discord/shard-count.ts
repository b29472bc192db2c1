// How many shards to run: a fixed number, or ("auto") the count Discord recommends for the bot's
// guilds, asked through the configured REST base (discord.js's own lookup always asks discord.com).
import { REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';

export async function resolveShardCount(setting: string, token: string, apiBase?: string): Promise<number> {
  if (setting !== 'auto') return Number(setting);
  const rest = new REST(apiBase ? { api: apiBase } : {}).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}
