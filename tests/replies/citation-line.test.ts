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
    const anonymous = citationLine({ citation: 'iraq-signs-collaboration:c1p1', title: 'T', kind: 'comment', comment: '1', paragraph: 1 });
    expect(anonymous).toContain('reader comment 1 · paragraph 1');
  });

  it('says which header line a header passage is, instead of a paragraph number', () => {
    expect(citationLine({ citation: 'informed-comment:h2', title: 'T', outlet: 'Informed Comment', kind: 'header', fact: 'byline', paragraph: 2 })).toBe(
      '**T** (Informed Comment) · byline · `informed-comment:h2`',
    );
    expect(citationLine({ citation: 'x:h1', title: 'T', kind: 'header', fact: 'title', paragraph: 1 })).toBe('**T** · title line · `x:h1`');
    expect(citationLine({ citation: 'x:h3', title: 'T', kind: 'header', fact: 'outlet', paragraph: 3 })).toContain(' · credit line · ');
    expect(citationLine({ citation: 'x:h4', title: 'T', kind: 'header', fact: 'date', paragraph: 4 })).toContain(' · dateline · ');
  });

  it('says whose words a paragraph quoting another outlet is', () => {
    const line = citationLine({ citation: 'iraq-signs-collaboration:p3', title: 'Iraq Signs', kind: 'article', quoting: 'The Wall Street Journal', paragraph: 3 });
    expect(line).toBe('**Iraq Signs** · quoting The Wall Street Journal · paragraph 3 · `iraq-signs-collaboration:p3`');
  });

  it('escapes markdown in names so a commenter cannot format the reply', () => {
    expect(citationLine({ citation: 'x:c1p1', title: 'T', kind: 'comment', commenter: '**bold**', paragraph: 1 })).toContain('\\*\\*bold\\*\\*');
  });
});
