import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../src/config/paths.js';
import { MAX_QUESTION_CHARS, QuestionError, UnknownSourceError } from '../../src/engine/errors.js';
import type { Answer } from '../../src/answer/types.js';
import { SEARCH_SETTINGS } from '../../src/engine/settings.js';
import { openTestEngine, type TestEngine } from './open-test-engine.js';

let opened: TestEngine;
beforeAll(async () => {
  opened = await openTestEngine();
});
afterAll(async () => {
  await opened?.dispose();
});

function expectExactQuotes(answer: Answer): void {
  for (const r of answer.results) {
    const text = readFileSync(fromProjectRoot(r.file), 'utf8');
    expect(text.slice(r.start, r.end)).toBe(r.quote);
    expect(r.text).toContain(r.quote);
  }
}

describe('engine.ask', () => {
  it('answers who Valentina Marvienko is from the fourth source with an exact quote', async () => {
    const answer = await opened.engine.ask('Who is Valentina Marvienko?');
    expect(answer.answered).toBe(true);
    const first = answer.results[0]!;
    expect(first.file).toBe('seeds/004_ec145ac0aa5f8fff.txt');
    expect(first.kind).toBe('article');
    expect(first.quote).toContain('Valentina Marvienko');
    expectExactQuotes(answer);
  });

  it('gives every quote at its exact file offsets', async () => {
    for (const question of ['How much was the arms deal with Russia?', 'What did the commenters say about China?', 'S-400 talks']) {
      const answer = await opened.engine.ask(question, { k: 5 });
      expect(answer.results.length).toBeGreaterThan(0);
      expectExactQuotes(answer);
    }
  });

  it('declines a question the sources do not cover, with no quotes', async () => {
    const answer = await opened.engine.ask('What is the boiling point of mercury?');
    expect(answer).toMatchObject({ answered: false, results: [] });
    expect(answer.searched).toBe(opened.engine.passageCount);
  });

  it('restricts results to one source named by slug or by file name', async () => {
    const bySlug = await opened.engine.ask('Which missile systems were discussed?', { source: 'zero-hedge', k: 5 });
    const byFile = await opened.engine.ask('Which missile systems were discussed?', { source: '003_56ad20256a752cea.txt', k: 5 });
    expect(bySlug.source).toBe('zero-hedge');
    expect(bySlug.results.length).toBeGreaterThan(0);
    for (const r of [...bySlug.results, ...byFile.results]) expect(r.file).toBe('seeds/003_56ad20256a752cea.txt');
    expect(byFile.results.map((r) => r.citation)).toEqual(bySlug.results.map((r) => r.citation));
    expect(bySlug.searched).toBe(opened.engine.resolveSource('zero-hedge')!.passages);
  });

  it('returns at most k results', async () => {
    expect((await opened.engine.ask('Russia Iraq airstrikes', { k: 1 })).results).toHaveLength(1);
    expect((await opened.engine.ask('Russia Iraq airstrikes', { k: 4 })).results.length).toBeLessThanOrEqual(4);
  });

  it('leaves out the weak tail of the ranking instead of padding to k', async () => {
    const answer = await opened.engine.ask('Who is Valentina Marvienko?', { k: 10 });
    const top = answer.results[0]!.score;
    expect(answer.results.length).toBeLessThan(10);
    for (const r of answer.results) expect(r.score).toBeGreaterThanOrEqual(SEARCH_SETTINGS.minRelativeScore * top);
  });

  it('refuses empty and over-long questions with the limit', async () => {
    await expect(opened.engine.ask('   ')).rejects.toBeInstanceOf(QuestionError);
    const long = 'why '.repeat(MAX_QUESTION_CHARS);
    await expect(opened.engine.ask(long)).rejects.toThrow(String(MAX_QUESTION_CHARS));
  });

  it('names the valid sources when the source is unknown', async () => {
    const error = await opened.engine.ask('Who is Dunford?', { source: 'nowhere' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownSourceError);
    for (const source of opened.engine.listSources()) expect((error as Error).message).toContain(source.slug);
  });
});

describe('engine.context', () => {
  it('returns the cited passage with its neighbours and the quoted span', async () => {
    const answer = await opened.engine.ask('Who is Valentina Marvienko?');
    const first = answer.results[0]!;
    const context = (await opened.engine.context(first.citation, { start: first.start, end: first.end }))!;
    expect(context.passage.id).toBe(first.citation);
    expect(context.source.file).toBe(first.file);
    expect(context.before.length + context.after.length).toBeGreaterThan(0);
    for (const p of [...context.before, ...context.after]) expect(p.file).toBe(first.file);
    expect(context.quoted).toEqual({ start: first.start, end: first.end });
  });

  it('is undefined for an unknown citation', async () => {
    expect(await opened.engine.context('zero-hedge:p999')).toBeUndefined();
    expect(await opened.engine.context('nonsense')).toBeUndefined();
  });
});

describe('abstention', () => {
  it('declines questions far from the sources', async () => {
    for (const question of ['How do I bake sourdough bread at home?', 'Who won the Super Bowl in 2019?', 'What is the half-life of carbon-14?']) {
      expect((await opened.engine.ask(question)).answered, question).toBe(false);
    }
  });

  it('still answers paraphrased questions the sources cover', async () => {
    for (const question of ['Which Russian politician offered to widen the air campaign to Iraq?', 'Why did Iraq buy Russian jets?']) {
      expect((await opened.engine.ask(question)).answered, question).toBe(true);
    }
  });
});
