import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { syntheticCorpus } from '../../src/bench/synthetic-corpus.js';
import { projectRoot } from '../../src/config/paths.js';
import { loadSources } from '../../src/sources/load.js';

const seeds = await loadSources(join(projectRoot, 'seeds'), projectRoot);

describe('syntheticCorpus', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const a = syntheticCorpus(seeds, { passages: 500, seed: 7, heldOut: 20 });
    const b = syntheticCorpus(seeds, { passages: 500, seed: 7, heldOut: 20 });
    const c = syntheticCorpus(seeds, { passages: 500, seed: 8, heldOut: 20 });
    expect(b).toEqual(a);
    expect(c.sources.flatMap((s) => s.passages.map((p) => p.text))).not.toEqual(a.sources.flatMap((s) => s.passages.map((p) => p.text)));
  });

  it('yields exactly the requested number of passages, with exact offsets and unique ids', () => {
    for (const count of [1, 19, 20, 21, 2_500]) {
      const { sources } = syntheticCorpus(seeds, { passages: count, seed: 1, passagesPerSource: 20 });
      const passages = sources.flatMap((s) => s.passages);
      expect(passages).toHaveLength(count);
      expect(new Set(passages.map((p) => p.id)).size).toBe(count);
      for (const source of sources) {
        for (const p of source.passages) {
          expect(source.text.slice(p.start, p.end)).toBe(p.text);
          expect(p.file).toBe(source.file);
          expect(p.source).toBe(source.slug);
        }
      }
    }
  });

  it('never repeats a paragraph, and held-out paragraphs are not in the corpus', () => {
    const { sources, heldOut } = syntheticCorpus(seeds, { passages: 3_000, seed: 3, heldOut: 200 });
    const texts = sources.flatMap((s) => s.passages.map((p) => p.text));
    expect(new Set(texts).size).toBe(texts.length);
    expect(heldOut).toHaveLength(200);
    const corpus = new Set(texts);
    expect(heldOut.filter((text) => corpus.has(text))).toEqual([]);
  });

  it('builds paragraphs from whole seed sentences', () => {
    const seedText = seeds.map((s) => s.passages.map((p) => p.text.replace(/\s+/g, ' ')).join(' ')).join(' ');
    const { sources } = syntheticCorpus(seeds, { passages: 50, seed: 11 });
    for (const p of sources.flatMap((s) => s.passages)) {
      // The first and last few words of every paragraph come from the seeds.
      const words = p.text.split(' ');
      expect(seedText).toContain(words.slice(0, 3).join(' '));
      expect(seedText).toContain(words.slice(-3).join(' '));
    }
  });
});
