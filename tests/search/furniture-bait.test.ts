// Questions about the page's chrome (comment forms, shop blurbs) are bait: declined, not answered
// with an article paragraph that shares a stray word with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FurnitureLines } from '../../src/search/furniture-bait.js';
import { analyze } from '../../src/text/normalize.js';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';

describe('FurnitureLines', () => {
  const lines = new FurnitureLines(['You are commenting using your Twitter account. Log Out / Change )', 'Order on Amazon, Amazon UK or wherever books are sold.']);
  const even = () => 1;

  it('gives the share of a question the best furniture line holds, and which of its terms', () => {
    expect(lines.best(analyze('how do I log out of my twitter account'), even)).toEqual({ coverage: 1, terms: new Set(['log', 'twitter', 'account']) });
    const film = lines.best(analyze('where can I order the film'), even);
    expect(film.coverage).toBeCloseTo(0.5);
    expect(film.terms).toEqual(new Set(['order']));
    expect(lines.best(analyze('why did Iraq turn to Russia'), even).coverage).toBe(0);
  });
});

describe('the engine on the seeds', () => {
  let opened: TestEngine;
  beforeAll(async () => {
    opened = await openTestEngine();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it('declines questions only page furniture answers', async () => {
    for (const question of ['Can I comment with my Google+ account?', 'Is the book sold on Amazon UK?', 'Where do I send this to a friend?']) {
      expect((await opened.engine.ask(question)).answered, question).toBe(false);
    }
  });

  it('still answers a question that shares a word with the furniture but asks about the article', async () => {
    const answer = await opened.engine.ask('What world order is changing, according to the reader on the Putin post?');
    expect(answer.answered).toBe(true);
    expect(answer.results[0]?.kind).toBe('comment');
  });
});
