// Control characters never survive in a question: not in the engine's answer, so not in a reply
// or on a terminal. Ordinary text, accents and punctuation are left exactly as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeQuestion, terminalSafe } from '../../src/engine/control-characters.js';
import { QuestionError } from '../../src/engine/errors.js';
import { openTestEngine, type TestEngine } from './open-test-engine.js';

/** Any C0 or C1 control or DEL. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('sanitizeQuestion', () => {
  it('removes NUL, DEL, C1 controls and whole ANSI escape sequences', () => {
    expect(sanitizeQuestion('Who\u0000 is \u001b[31mal-Abadi\u001b[0m?\u007f')).toBe('Who is al-Abadi?');
    expect(sanitizeQuestion('\u001b]0;owned\u0007Which \u009b2Jmissiles\u0085?')).toBe('Which missiles ?');
    expect(sanitizeQuestion('bell\u0007 backspace\u0008 escape\u001b alone')).toBe('bell backspace escape alone');
  });

  it('folds line breaks and tabs to one space, and keeps ordinary text as typed', () => {
    expect(sanitizeQuestion('Why did\r\nIraq\t\tturn to\nRussia?')).toBe('Why did Iraq turn to Russia?');
    const plain = 'Qu’a dit Haïdar al-Abadi — à propos des S-400 (2015)? 🚀';
    expect(sanitizeQuestion(plain)).toBe(plain);
  });
});

describe('terminalSafe', () => {
  it('keeps line breaks and tabs, drops every other control', () => {
    expect(terminalSafe('line one\r\n\tline \u001b[2Jtwo\u0000')).toBe('line one\n\tline two');
  });
});

describe('engine.ask with control characters', () => {
  let opened: TestEngine;
  beforeAll(async () => {
    opened = await openTestEngine();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it('answers the cleaned question, and echoes it without a control character', async () => {
    const answer = await opened.engine.ask('\u001b[2J\u001b[HWho is\u0000 Valentina\tMarvienko?\n');
    expect(answer.question).toBe('Who is Valentina Marvienko?');
    expect(answer.question).not.toMatch(ANY_CONTROL);
    expect(answer.answered).toBe(true);
  });

  it('counts a question of nothing but control characters as empty', async () => {
    await expect(opened.engine.ask('\u0000\u001b[0m\r\n')).rejects.toBeInstanceOf(QuestionError);
  });
});
