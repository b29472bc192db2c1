// The context view labels each paragraph with whose words it is, including a stretch a post quotes
// from another outlet (the sources stage marks such passages with `quoting`).
import { describe, expect, it } from 'vitest';
import type { CitationContext } from '../../src/engine/types.js';
import { contextReply } from '../../src/replies/context.js';
import type { Passage } from '../../src/sources/types.js';
import { plainText } from '../discord/read-reply.js';

const FILE = 'seeds/blog.txt';
const paragraphs = [
  'A blogger writes that the deal matters and then quotes the newspaper at length.',
  'Iraq’s military said Sunday it has signed an intelligence and security cooperation agreement with Russia, Iran and Syria.',
  'The four nations will cooperate in collecting information about the group, officials said in Baghdad on Sunday.',
  'The blogger closes with a view of his own about what the next president should do.',
];
let offset = 0;
const passages: (Passage & { quoting?: string })[] = paragraphs.map((text, i) => {
  const start = offset;
  offset += text.length + 2;
  return { id: `blog:p${i + 1}`, source: 'blog', file: FILE, kind: 'article', paragraph: i + 1, start, end: start + text.length, text, ...(i === 1 || i === 2 ? { quoting: 'The Wall Street Journal' } : {}) };
});

function context(at: number): CitationContext {
  return {
    source: { slug: 'blog', command: 'blog', title: 'A blog post', file: FILE, passages: passages.length },
    passage: passages[at]!,
    before: passages.slice(Math.max(0, at - 2), at),
    after: passages.slice(at + 1, at + 3),
  };
}

/** Each block's first line (its label) and the paragraph it labels. */
function labelled(description: string): Map<string, string> {
  const blocks = description.split('\n\n').filter((block) => block.includes('\n'));
  return new Map(blocks.map((block) => [plainText(block.slice(block.indexOf('\n') + 1)).slice(0, 30), plainText(block.split('\n')[0]!).replace(/^\*|\*$/g, '')]));
}

describe('contextReply', () => {
  it('labels the quoted stretch as quoting its outlet, and the post\'s own paragraphs as the post\'s', () => {
    const labels = labelled(contextReply(context(1)).embeds![0]!.description!);
    expect(labels.get(paragraphs[0]!.slice(0, 30))).toBe('¶ 1');
    expect(labels.get(paragraphs[1]!.slice(0, 30))).toBe('¶ 2 · quoting The Wall Street Journal');
    expect(labels.get(paragraphs[2]!.slice(0, 30))).toBe('¶ 3 · quoting The Wall Street Journal');
    expect(labels.get(paragraphs[3]!.slice(0, 30))).toBe('¶ 4');
  });

  it('links nothing when the source has no URL', () => {
    const embed = contextReply(context(0)).embeds![0]!;
    expect(embed.url).toBeUndefined();
    expect(embed.description).not.toMatch(/\]\(/);
  });
});
