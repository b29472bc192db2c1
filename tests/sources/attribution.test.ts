// A post that quotes another outlet: the quoted paragraphs are credited to it, the poster's own are not.
import { describe, expect, it } from 'vitest';
import { inOwnVoice } from '../../src/sources/attribution.js';
import { parseSource } from '../../src/sources/parse.js';

const QUOTING_POST = [
  'Baghdad Turns to Moscow',
  '',
  'Here is something I did not expect to read this week. From the NYT:',
  '',
  'Iraqi officials said on Sunday that they had agreed to share intelligence with Russia, Iran and Syria.',
  '',
  '“We will cooperate with anyone who fights terrorism,” a ministry spokesman said, adding that talks would continue.',
  '',
  'My guess is that Washington will pretend to be surprised by all of this.',
  '',
  'And another view, from the Financial Times:',
  '',
  'Analysts in London said the agreement reflects Baghdad’s frustration with the pace of the coalition campaign.',
].join('\n');

describe('a post quoting other outlets', () => {
  const source = parseSource('quoting.txt', QUOTING_POST);
  const articles = source.passages.filter((passage) => passage.kind === 'article');

  it('credits each quoted stretch to its outlet, and the poster’s lead-ins and own paragraphs to nobody', () => {
    expect(articles.map((passage) => [passage.paragraph, passage.quoting])).toEqual([
      [1, undefined],
      [2, 'The New York Times'],
      [3, 'The New York Times'],
      [4, undefined],
      [5, undefined],
      [6, 'Financial Times'],
    ]);
  });

  it('claims no outlet for the post itself, names the first outlet it quotes, and takes its slug from its title', () => {
    expect(source.outlet).toBeUndefined();
    expect(source.quotes).toBe('The New York Times');
    expect(source.slug).toBe('baghdad-turns-moscow');
  });

  it('quotes to the end of the article when the poster never speaks again', () => {
    const post = ['A Deal in Baghdad', '', 'Worth reading in full. From the WSJ:', '', 'Iraq’s military said Sunday it has signed a deal.', '', 'The deal formalizes years of collaboration among the four nations.'].join('\n');
    const quoted = parseSource('wsj.txt', post).passages.filter((passage) => passage.kind === 'article').map((passage) => passage.quoting);
    expect(quoted).toEqual([undefined, 'The Wall Street Journal', 'The Wall Street Journal']);
  });
});

describe('inOwnVoice', () => {
  it('hears the first person outside quotation marks only, and "US" as the country', () => {
    expect(inOwnVoice('Our next President will have to form a working relationship with Russia.')).toBe(true);
    expect(inOwnVoice('It should have begun long ago because in this war we’re on the same side.')).toBe(true);
    expect(inOwnVoice('The ministry said “we need to develop cooperation with these countries” on Sunday.')).toBe(false);
    expect(inOwnVoice('"I think Iraq will be forced to ask Russia," he said.')).toBe(false);
    expect(inOwnVoice('The US has argued that Abadi should put off further offensives.')).toBe(false);
    expect(inOwnVoice('“We will not wait for ever, the official said, and the talks')).toBe(false);
  });
});
