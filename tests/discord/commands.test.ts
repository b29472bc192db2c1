// Command payloads against Discord's rules, for sources with awkward names and for too many sources.
import { describe, expect, it } from 'vitest';
import { buildCommandSet, MAX_COMMANDS } from '../../src/discord/commands.js';
import { SLASH_COMMANDS } from '../../src/discord/registry.js';
import type { SourceSummary } from '../../src/engine/types.js';
import { expectValidCommandPayloads } from './command-rules.js';

function source(slug: string, command = slug, title = `The ${slug} page`): SourceSummary {
  return { slug, command, title, file: `seeds/${slug}.txt`, passages: 3 };
}

describe('buildCommandSet', () => {
  it('builds /ask, /sources, /quote, /help, one command per source and the message command, all within Discord rules', () => {
    const set = buildCommandSet([source('informed-comment'), source('wsj', 'wsj', 'A'.repeat(150) + ' long title')]);
    expect(set.payloads.map((c) => c.name)).toEqual(['ask', 'sources', 'quote', 'help', 'informed-comment', 'wsj', 'Find in sources']);
    expect(set.sourceByCommand.get('wsj')).toBe('wsj');
    expectValidCommandPayloads(set.payloads);
    const wsj = set.payloads.find((c) => c.name === 'wsj')!;
    expect('description' in wsj && wsj.description?.endsWith('…')).toBe(true);
  });

  it('skips invalid, upper-case and colliding names, with a reason', () => {
    const set = buildCommandSet([
      source('a', 'has space'),
      source('b', 'Upper'),
      source('c', 'ask'),
      source('d', 'x'.repeat(33)),
      source('e', 'ok'),
      source('f', 'ok'),
    ]);
    expect(set.payloads.map((c) => c.name)).toEqual(['ask', 'sources', 'quote', 'help', 'ok', 'Find in sources']);
    expect(set.skipped.map((s) => s.slug)).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect(set.skipped.every((s) => s.reason.length > 0)).toBe(true);
    expectValidCommandPayloads(set.payloads);
  });

  it('stops at Discord\'s 100 commands; the rest are reachable through /ask source:', () => {
    const many = Array.from({ length: 120 }, (_, i) => source(`source-${i}`));
    const set = buildCommandSet(many);
    expect(set.payloads.filter((c) => (c.type ?? 1) === 1)).toHaveLength(MAX_COMMANDS);
    expect(set.skipped).toHaveLength(120 - (MAX_COMMANDS - SLASH_COMMANDS.length));
    expect(set.commandBySource.has('source-119')).toBe(false);
    expectValidCommandPayloads(set.payloads);
  });
});
