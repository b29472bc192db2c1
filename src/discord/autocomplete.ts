// Suggestions as the user types: sources for /ask source:, citation ids for /quote citation:.
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { formatCitationRef, parseCitationRef, tidyCitation } from '../citations/citation-ref.js';
import type { SourceSummary } from '../engine/types.js';
import { passagePlace } from '../replies/citation-line.js';
import { DISCORD_LIMITS } from '../replies/limits.js';
import { shortenPlain } from '../replies/shorten.js';
import type { Passage } from '../sources/types.js';

/** Sources whose slug, command, title or outlet contains what was typed. */
export function sourceChoices(sources: SourceSummary[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const query = typed.trim().toLowerCase();
  return sources
    .filter((source) => !query || [source.slug, source.command, source.title, source.outlet].some((field) => field?.toLowerCase().includes(query)))
    .slice(0, DISCORD_LIMITS.choices)
    .map((source) => ({
      name: shortenPlain(`${source.title.trim()}${source.outlet ? ` (${source.outlet})` : ''}`, DISCORD_LIMITS.choiceName) || source.slug,
      value: source.slug,
    }));
}

/**
 * Citation ids for what was typed: the typed id itself when it is one (with its sentences), then ids
 * that start with it, ids that contain it, and passages whose text or commenter contains it.
 */
export function citationChoices(passages: readonly Passage[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const id = tidyCitation(typed);
  const words = typed.trim().toLowerCase();
  const tiers: ((passage: Passage) => boolean)[] = [
    (p) => p.id.startsWith(id),
    (p) => p.id.includes(id),
    (p) => words !== '' && (p.text.toLowerCase().includes(words) || (p.commenter?.toLowerCase().includes(words) ?? false)),
  ];
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  const chosen = new Set<string>();
  const add = (passage: Passage, value: string) => {
    if (chosen.has(value) || choices.length >= DISCORD_LIMITS.choices) return;
    chosen.add(value);
    const text = passage.text.replace(/\s+/g, ' ').trim();
    choices.push({ name: shortenPlain(`${value} · ${passagePlace(passage)}: ${text}`, DISCORD_LIMITS.choiceName), value });
  };
  const ref = parseCitationRef(typed);
  const exact = ref && passages.find((passage) => passage.id === ref.passage);
  if (ref && exact) add(exact, formatCitationRef(ref));
  for (const matches of tiers) {
    for (const passage of passages) {
      if (choices.length >= DISCORD_LIMITS.choices) return choices;
      if (matches(passage)) add(passage, passage.id);
    }
  }
  return choices;
}
