// The "Show context" button under each excerpt: the quoted paragraph with its neighbours, the quote
// marked, privately. Everything it needs travels in its custom_id (see replies/custom-id.ts).
import { noticeReply } from '../../replies/error.js';
import { CONTEXT_BUTTON_PREFIX, parseContextButtonId } from '../../replies/custom-id.js';
import type { ButtonModule } from './types.js';

export const showContext: ButtonModule = {
  prefix: CONTEXT_BUTTON_PREFIX,
  name: 'show-context',
  async execute(interaction, { deps, send }) {
    const target = parseContextButtonId(interaction.customId);
    if (!target) {
      await send(noticeReply('This button is not one of mine any more; ask the question again.'));
      return { outcome: 'unknown-button' };
    }
    const { reply, found } = await deps.responder.quote(target, { ephemeral: true });
    await send(reply);
    return { source: target.citation.split(':')[0], outcome: found ? 'quoted' : 'unknown-citation' };
  },
};
