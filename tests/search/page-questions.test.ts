// Questions about the pages themselves (who wrote one, where it is from, what it is called) answered
// with the header line that states it, verbatim and cited; content questions are not crowded out by them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';

let opened: TestEngine;

beforeAll(async () => {
  opened = await openTestEngine();
}, 120_000);

afterAll(async () => {
  await opened.dispose();
});

const ask = (question: string, source?: string) => opened.engine.ask(question, { k: 3, source });

describe('questions about a page', () => {
  it('quote the byline for who wrote it', async () => {
    const answer = await ask('who wrote the piece about the final failure for Bush and Cheney?');
    expect(answer.results[0]).toMatchObject({ kind: 'header' });
    expect(answer.results[0]?.quote).toContain('Juan Cole');
  });

  it('decline who wrote a page that names no author', async () => {
    const answer = await ask("who's the author of the Putin's next conquest post?");
    expect(answer.answered).toBe(false);
  });

  it('quote the outlet line for where a page comes from, in the source asked', async () => {
    const slug = opened.engine.listSources().find((s) => s.file.includes('003_'))!.slug;
    const answer = await ask("where's this from", slug);
    expect(answer.results[0]?.quote).toBe('Source: Zero Hedge');
  });

  it('quote the title for what a page is called', async () => {
    const answer = await ask('headline of the piece saying Shiite militias will turn to Russia to combat ISIS?');
    expect(answer.results[0]).toMatchObject({ kind: 'header' });
    expect(answer.results[0]?.quote).toMatch(/^Iraqi Shiite militias to turn to Russia/);
  });

  it('leave header lines out of the first place for a question about the content', async () => {
    for (const question of ['Which Russian air defence systems were rumoured to be discussed?', 'What did Sunni lawmakers think of an alliance with Russia?']) {
      const answer = await ask(question);
      expect(answer.results[0]?.kind, question).not.toBe('header');
    }
  });
});
