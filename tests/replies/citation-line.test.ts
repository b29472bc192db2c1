import { describe, expect, it } from 'vitest';
import { citationLine, passagePlace, sourceHeading } from '../../src/replies/citation-line.js';

describe('citationLine', () => {
  it('says which header line a header passage is, instead of a paragraph number', () => {
    expect(citationLine({ citation: 'informed-comment:h2', kind: 'header', fact: 'byline', paragraph: 2 })).toBe('byline · `informed-comment:h2`');
    expect(citationLine({ citation: 'x:h1', kind: 'header', fact: 'title', paragraph: 1 })).toBe('title line · `x:h1`');
    expect(citationLine({ citation: 'x:h3', kind: 'header', fact: 'outlet', paragraph: 3 })).toBe('credit line · `x:h3`');
    expect(citationLine({ citation: 'x:h4', kind: 'header', fact: 'date', paragraph: 4 })).toBe('dateline · `x:h4`');
  });

  it('says where an article quote is and gives the id /quote takes', () => {
    expect(citationLine({ citation: 'zero-hedge:p4/s2', kind: 'article', paragraph: 4 })).toBe('¶ 4 · `zero-hedge:p4/s2`');
  });

  it('makes the place a link to the quote when the source has a URL, and says whom the passage quotes', () => {
    const line = citationLine({ citation: 'wsj:p3/s1', kind: 'article', paragraph: 3, url: 'https://example.com/a#:~:text=x', quoting: 'The Wall Street Journal' });
    expect(line).toBe('[¶ 3](https://example.com/a#:~:text=x) · quoting The Wall Street Journal · `wsj:p3/s1`');
  });

  it('escapes markdown in names so a commenter cannot format the reply', () => {
    expect(citationLine({ citation: 'x:c1p1/s1', kind: 'comment', comment: '1', commenter: '**bold**', paragraph: 1 })).toContain('\\*\\*bold\\*\\*');
  });
});

describe('passagePlace', () => {
  it('tells comments and replies apart, with their commenter and later paragraphs', () => {
    expect(passagePlace({ kind: 'comment', comment: '3', commenter: 'CHUCKMAN', paragraph: 1 })).toBe('comment 3 by CHUCKMAN');
    expect(passagePlace({ kind: 'comment', comment: '3', commenter: 'CHUCKMAN', paragraph: 4 })).toBe('comment 3 by CHUCKMAN, ¶ 4');
    expect(passagePlace({ kind: 'comment', comment: '4.1', commenter: 'Jesus', paragraph: 1 })).toBe('reply to comment 4, by Jesus');
    expect(passagePlace({ kind: 'comment', comment: '4.1.1.1.2', paragraph: 1 })).toBe('reply to comment 4.1.1.1');
    expect(passagePlace({ kind: 'comment', paragraph: 1 })).toBe('reader comment');
  });
});

describe('sourceHeading', () => {
  it('names a source once: the title linked when its URL is known, then author and outlet', () => {
    expect(sourceHeading({ title: 'Iraq [and] Russia', author: 'Juan Cole', outlet: 'Informed Comment', url: 'https://example.com/(a)' })).toBe(
      '**[Iraq \\[and\\] Russia](https://example.com/%28a%29)** · Juan Cole · Informed Comment',
    );
    expect(sourceHeading({ title: 'No URL here' })).toBe('**No URL here**');
  });
});
