// The answer reply stays inside Discord's limits whatever the sources' URLs, and never invents a link.
import { describe, expect, it } from 'vitest';
import type { Answer, CitedResult } from '../../src/answer/types.js';
import type { SourceSummary } from '../../src/engine/types.js';
import { answerReply } from '../../src/replies/answer.js';
import { excerptsOf } from '../discord/read-reply.js';

const QUOTE = 'Iraq’s military said Sunday it has signed an intelligence and security cooperation agreement with Russia, Iran and Syria.';

function source(i: number, url?: string): SourceSummary {
  return { slug: `source-${i}`, command: `source-${i}`, title: `Source number ${i} with a title`, file: `seeds/${i}.txt`, passages: 3, ...(url && { url }) };
}

function result(i: number, url?: string): CitedResult {
  return {
    citation: `source-${i}:p1`, quoteCitation: `source-${i}:p1/s1`, source: `source-${i}`, file: `seeds/${i}.txt`, title: `Source number ${i} with a title`,
    kind: 'article', paragraph: 1, start: 0, end: QUOTE.length, quote: QUOTE, text: QUOTE, score: 1, ...(url && { url }),
  };
}

function answer(results: CitedResult[]): Answer {
  return { question: 'What did Iraq sign?', source: null, answered: true, results, searched: 10, tookMs: 1 };
}

describe('answerReply', () => {
  it('drops links rather than quotes when five sources have very long URLs', () => {
    const long = `https://example.com/${'very-long-path/'.repeat(60)}`;
    const sources = [0, 1, 2, 3, 4].map((i) => source(i, long));
    const reply = answerReply(answer(sources.map((s, i) => result(i, `${long}#:~:text=Iraq`))), { sourceOf: (slug) => sources.find((s) => s.slug === slug) });
    const embed = reply.embeds![0]!;
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embed.title!.length + embed.description!.length + embed.footer!.text.length).toBeLessThanOrEqual(6000);
    expect(excerptsOf(embed).map((e) => e.text)).toEqual(Array(5).fill(QUOTE));
  });

  it('links a source with a URL and leaves one without it unlinked', () => {
    const sources = [source(0, 'https://example.com/a'), source(1)];
    const reply = answerReply(answer([result(0, 'https://example.com/a#:~:text=Iraq'), result(1)]), { sourceOf: (slug) => sources.find((s) => s.slug === slug) });
    const description = reply.embeds![0]!.description!;
    expect(description).toContain('**[Source number 0 with a title](https://example.com/a)**');
    expect(description).toContain('[¶ 1](https://example.com/a#:~:text=Iraq)');
    expect(description).toContain('**Source number 1 with a title**');
    expect(description.match(/\]\(/g)).toHaveLength(2);
  });
});
