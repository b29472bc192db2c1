// An answer as Discord sees it: one embed of verbatim blockquoted excerpts, each followed by its
// citation, and a "Show context" button per excerpt.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Answer, CitedResult } from '../answer/types.js';
import { blockquote } from './blockquote.js';
import { citationLine } from './citation-line.js';
import { passageFingerprint } from '../citations/fingerprint.js';
import { contextButtonId } from './custom-id.js';
import { escapeText } from './escape.js';
import { DISCORD_LIMITS } from './limits.js';
import { NO_MENTIONS, type Reply } from './reply.js';
import { fitRendered, shortenPlain } from './shorten.js';

export interface AnswerReplyOptions {
  modelId?: string;
  /** Title of the source the question was restricted to, for the "not covered" message. */
  sourceTitle?: string;
}

const BLOCK_SEPARATOR = '\n\n';

export function answerReply(answer: Answer, options: AnswerReplyOptions = {}): Reply {
  const embed = new EmbedBuilder()
    .setTitle(fitRendered(answer.question, DISCORD_LIMITS.embedTitle, escapeText) || 'Your question')
    .setDescription(answer.answered && answer.results.length > 0 ? excerpts(answer.results) : notCovered(options.sourceTitle))
    .setFooter({ text: footer(answer, options.modelId) });
  const components = answer.answered ? contextButtons(answer.results) : [];
  return { embeds: [embed.toJSON()], components, allowed_mentions: NO_MENTIONS };
}

function notCovered(sourceTitle: string | undefined): string {
  const subject = sourceTitle ? `The source “${escapeText(shortenPlain(sourceTitle, 200))}” does` : 'The sources do';
  return `${subject} not cover this question: nothing in them answers it, so there is nothing to quote. Try rephrasing it, or see what they are about with /sources.`;
}

/** Each excerpt gets an equal share of what the citation lines leave, and passes on what it does not use. */
function excerpts(results: CitedResult[]): string {
  const citations = results.map((result, i) => `**[${i + 1}]** ${citationLine({ ...result, citation: result.quoteCitation })}`);
  const fixed = citations.reduce((sum, line) => sum + line.length + 1, 0) + BLOCK_SEPARATOR.length * (results.length - 1);
  let room = DISCORD_LIMITS.embedDescription - fixed;
  const blocks = results.map((result, i) => {
    const quote = fitRendered(result.quote, Math.floor(room / (results.length - i)), blockquote);
    room -= quote.length;
    return `${quote}\n${citations[i]}`;
  });
  return blocks.join(BLOCK_SEPARATOR);
}

function footer(answer: Answer, modelId: string | undefined): string {
  const searched = `Searched ${answer.searched} passages in ${Math.round(answer.tookMs)} ms`;
  return shortenPlain(modelId ? `${searched} · ${modelId}` : searched, DISCORD_LIMITS.footer);
}

function contextButtons(results: CitedResult[]): APIActionRowComponent<APIButtonComponent>[] {
  const buttons = results.flatMap((result, i) => {
    const customId = contextButtonId({
      citation: result.citation,
      quoted: { start: result.start, end: result.end },
      fingerprint: passageFingerprint(result.text),
    });
    return customId ? [new ButtonBuilder().setCustomId(customId).setLabel(`Show context [${i + 1}]`).setStyle(ButtonStyle.Secondary)] : [];
  });
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < DISCORD_LIMITS.rows; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow)).toJSON());
  }
  return rows;
}
