// A platform-neutral Reply in the shapes discord.js methods take.
import type { InteractionEditReplyOptions, InteractionReplyOptions } from 'discord.js';
import type { Reply } from '../replies/reply.js';

function message(reply: Reply) {
  return { content: reply.content, embeds: reply.embeds ?? [], components: reply.components ?? [], allowedMentions: reply.allowed_mentions };
}

export function replyOptions(reply: Reply): InteractionReplyOptions {
  return { ...message(reply), flags: reply.flags };
}

/** Edits cannot change whether a reply is ephemeral; that was settled by the deferral. */
export function editOptions(reply: Reply): InteractionEditReplyOptions {
  return message(reply);
}
