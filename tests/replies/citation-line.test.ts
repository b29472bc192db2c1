import { describe, expect, it } from 'vitest';
import { citationLine } from '../../src/replies/citation-line.js';

describe('citationLine', () => {
  it('cites an article paragraph by title, outlet, paragraph and id', () => {
    expect(citationLine({ citation: 'zero-hedge:p4', title: 'Iraq and Russia', outlet: 'Zero Hedge', kind: 'article', paragraph: 4 })).toBe(
      '**Iraq and Russia** (Zero Hedge) · paragraph 4 · `zero-hedge:p4`',
    );
  });

  it('tells a reader comment from the article, with its number and commenter when known', () => {
    const named = citationLine({ citation: 'zero-hedge:c3p1', title: 'T', kind: 'comment', comment: '3', commenter: 'CHUCKMAN', paragraph: 1 });
    expect(named).toContain('reader comment 3 by CHUCKMAN · paragraph 1');
    const anonymous = citationLine({ citation: 'wsj:c1p1', title: 'T', kind: 'comment', comment: '1', paragraph: 1 });
    expect(anonymous).toContain('reader comment 1 · paragraph 1');
  });

  it('escapes markdown in names so a commenter cannot format the reply', () => {
    expect(citationLine({ citation: 'x:c1p1', title: 'T', kind: 'comment', commenter: '**bold**', paragraph: 1 })).toContain('\\*\\*bold\\*\\*');
  });
});
