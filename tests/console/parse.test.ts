// Lines typed at the console → the requests the slash commands make.
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/console/parse.js';

const perSource = new Map([['zero-hedge', 'zero-hedge']]);

describe('parseLine', () => {
  it('takes help, quit, exit and sources typed without their slash as the commands', () => {
    expect(parseLine('help', perSource)).toEqual({ kind: 'help' });
    expect(parseLine('Quit', perSource)).toEqual({ kind: 'quit' });
    expect(parseLine('exit.', perSource)).toEqual({ kind: 'quit' });
    expect(parseLine('sources?', perSource)).toEqual({ kind: 'sources' });
    expect(parseLine('help me find the S-400 paragraph', perSource)).toMatchObject({ kind: 'ask' });
  });

  it('keeps apostrophes in questions, and a double-quoted option value whole', () => {
    expect(parseLine(`/ask What's Iraq's deal? --source "Iraqi Shiite militias" --count 2`, perSource)).toEqual({
      kind: 'ask',
      request: { question: "What's Iraq's deal?", source: 'Iraqi Shiite militias', count: 2 },
    });
    expect(parseLine('/zero-hedge Which “missile systems”?', perSource)).toEqual({
      kind: 'ask',
      request: { question: 'Which “missile systems”?', source: 'zero-hedge' },
    });
  });

  it('names the options when one is mistyped, with the nearest', () => {
    const parsed = parseLine('/ask Which missiles? --sauce zero-hedge', perSource);
    expect(parsed).toEqual({ kind: 'invalid', message: 'Unknown option --sauce. Did you mean --source? Options: --source, --count.' });
  });

  it('cleans control and invisible characters out of what is typed', () => {
    expect(parseLine('/quote iraqi-shiite-militias:p10\u001b[2J', perSource)).toEqual({ kind: 'quote', target: { citation: 'iraqi-shiite-militias:p10' } });
    expect(parseLine('\u202ehelp', perSource)).toEqual({ kind: 'help' });
  });
});
