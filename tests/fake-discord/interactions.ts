// INTERACTION_CREATE payloads as Discord sends them, with the fields discord.js 14 reads.
import { snowflake } from './snowflake.js';

export interface FakeUser {
  id: string;
  username: string;
}

export interface CommandOption {
  name: string;
  /** 3 string, 4 integer, 5 boolean (ApplicationCommandOptionType). */
  type: 3 | 4 | 5;
  value: string | number | boolean;
  focused?: boolean;
}

export interface InteractionContext {
  applicationId: string;
  guildId: string;
  channelId: string;
  user: FakeUser;
}

/** Interaction types as Discord numbers them. */
const COMMAND = 2;
const COMPONENT = 3;
const AUTOCOMPLETE = 4;

function base(ctx: InteractionContext, type: number) {
  return {
    id: snowflake(),
    application_id: ctx.applicationId,
    type,
    token: `fake-interaction-token-${snowflake()}`,
    version: 1,
    guild_id: ctx.guildId,
    channel_id: ctx.channelId,
    channel: { id: ctx.channelId, type: 0, guild_id: ctx.guildId, name: 'general', position: 0, flags: 0 },
    member: {
      user: { id: ctx.user.id, username: ctx.user.username, discriminator: '0', global_name: ctx.user.username, avatar: null },
      roles: [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: '0',
      nick: null,
      avatar: null,
    },
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': ctx.guildId },
    context: 0,
    attachment_size_limit: 8 * 1024 * 1024,
  };
}

export type InteractionPayload = ReturnType<typeof base> & { data: unknown; message?: unknown };

export function commandInteraction(ctx: InteractionContext, name: string, options: CommandOption[]): InteractionPayload {
  return { ...base(ctx, COMMAND), data: { id: snowflake(), name, type: 1, options, guild_id: ctx.guildId } };
}

export function autocompleteInteraction(ctx: InteractionContext, name: string, options: CommandOption[]): InteractionPayload {
  return { ...base(ctx, AUTOCOMPLETE), data: { id: snowflake(), name, type: 1, options, guild_id: ctx.guildId } };
}

/** A message command (right-click a message → Apps): the target message arrives resolved in the data. */
export function messageCommandInteraction(ctx: InteractionContext, name: string, target: { id: string }): InteractionPayload {
  return {
    ...base(ctx, COMMAND),
    data: { id: snowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } }, guild_id: ctx.guildId },
  };
}

export function buttonInteraction(ctx: InteractionContext, customId: string, message: unknown): InteractionPayload {
  return { ...base(ctx, COMPONENT), data: { custom_id: customId, component_type: 2 }, message };
}
