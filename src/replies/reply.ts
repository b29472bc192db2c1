// The platform-neutral reply: Discord API JSON (what an interaction callback or webhook edit carries),
// built once and sent by the bot or printed by the console.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageFlags } from 'discord.js';

/** Nobody is ever pinged: not by quoted sources, not by a user's question. */
export const NO_MENTIONS: { parse: [] } = { parse: [] };

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Ephemeral replies are seen by the asking user only. */
  flags?: MessageFlags.Ephemeral;
  allowed_mentions: { parse: [] };
}
