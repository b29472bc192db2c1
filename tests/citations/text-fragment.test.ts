// Links that open a source at the quote, as the URL Fragment Text Directive spells them.
import { describe, expect, it } from 'vitest';
import { quoteLink } from '../../src/citations/text-fragment.js';

/** The directive's values, decoded, as a browser reads them. */
function directiveOf(link: string): string[] {
  const directive = link.slice(link.indexOf(':~:text=') + ':~:text='.length);
  for (const value of directive.split(',')) expect(value).not.toMatch(/[-&,\s()]/);
  return directive.split(',').map(decodeURIComponent);
}

describe('quoteLink', () => {
  it('links a short quote whole, with "-", "," and "&" percent-encoded', () => {
    const link = quoteLink('https://example.com/news/iraq', 'Al-Abadi, the PM, met Putin & Lavrov.')!;
    expect(link.startsWith('https://example.com/news/iraq#:~:text=')).toBe(true);
    expect(link).toContain('Al%2DAbadi%2C');
    expect(link).toContain('%26');
    expect(directiveOf(link)).toEqual(['Al-Abadi, the PM, met Putin & Lavrov.']);
  });

  it('finds a long quote by its first and last words, with the hard wraps of the file read as spaces', () => {
    const quote = 'The Iraqi government in Baghdad,\n    threatened by Daesh (ISIS, ISIL) and frustrated by the Obama administration’s foot-dragging, seems tempted.';
    expect(directiveOf(quoteLink('https://example.com/a', quote)!)).toEqual(['The Iraqi government in Baghdad,', 'Obama administration’s foot-dragging, seems tempted.']);
  });

  it('keeps a fragment the URL has and adds the directive after it', () => {
    expect(quoteLink('https://example.com/a#comments', 'A hopeful sign.')).toBe('https://example.com/a#comments:~:text=A%20hopeful%20sign.');
  });

  it('makes no link for a source without a URL', () => {
    expect(quoteLink(undefined, 'A hopeful sign.')).toBeUndefined();
  });
});
