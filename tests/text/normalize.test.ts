import { describe, expect, it } from 'vitest';
import { analyze, isStopWord, normalizeText, stem, tokenize } from '../../src/text/normalize.js';

describe('normalizeText', () => {
  it('folds curly and straight quotes and apostrophes alike', () => {
    expect(normalizeText('“deputies” don’t')).toBe(normalizeText('"deputies" don\'t'));
  });

  it('strips diacritics and lower-cases', () => {
    expect(normalizeText('Pétain')).toBe('petain');
    expect(tokenize('Ḥaydar ÇELİK')).toEqual(['haydar', 'celik']);
  });

  it('treats non-breaking spaces and dashes as spaces', () => {
    expect(tokenize('more arms—a request')).toEqual(['more', 'arms', 'a', 'request']);
    expect(tokenize('war\u00a0– the war')).toEqual(['war', 'the', 'war']);
  });
});

describe('tokenize', () => {
  it('maps every spelling of the country to one token, but not the pronoun', () => {
    for (const spelling of ['U.S. efforts', 'U.S efforts', 'US efforts', 'USA efforts', 'United States efforts']) {
      expect(tokenize(spelling)).toEqual(['usa', 'efforts']);
    }
    expect(tokenize('inimical to us')).toEqual(['inimical', 'to', 'us']);
    expect(tokenize('what did the us do')).toContain('usa');
    expect(tokenize('US-led coalition')).toEqual(['usa', 'led', 'usaled', 'coalition']);
    expect(tokenize('fraught US.-Iraq relations')).toEqual(['fraught', 'usa', 'iraq', 'relations']);
    expect(tokenize('the US-Iraq relations')).toEqual(['the', 'usa', 'iraq', 'usairaq', 'relations']);
  });

  it('reads "America" and "Americans" as the country, but not the continents', () => {
    expect(analyze('the Americans')).toEqual(analyze('the U.S.'));
    expect(analyze('American jets')).toEqual(['usa', 'jet']);
    expect(analyze('Latin America and the Americas')).toEqual(['latin', 'america', 'america']);
  });

  it('keeps letter codes, decimals and amounts whole', () => {
    expect(tokenize('S-400 or S300')).toEqual(['s400', 'or', 's300']);
    expect(tokenize('a $4.2 billion deal')).toEqual(['a', '4.2', 'billion', 'deal']);
    expect(tokenize('$500 million, 1,000 men')).toEqual(['500', 'million', '1000', 'men']);
  });

  it('splits hyphenated words and ranges, keeping the joined word too', () => {
    expect(tokenize('self-proclaimed')).toEqual(['self', 'proclaimed', 'selfproclaimed']);
    expect(analyze('anti-tank missiles')).toEqual(expect.arrayContaining(analyze('antitank missiles')));
    expect(tokenize('2006-2007')).toEqual(['2006', '2007']);
  });

  it('drops possessives, curly or straight', () => {
    expect(tokenize('Iraq’s Putin\'s')).toEqual(['iraq', 'putin']);
  });
});

describe('analyze', () => {
  it('makes al-Abadi, al Abadi, Al-Abadi and Abadi the same term', () => {
    const abadi = analyze('Abadi');
    for (const form of ['al Abadi', 'Al Abadi’s']) expect(analyze(form)).toEqual(abadi);
    for (const form of ['al-Abadi', 'Al-Abadi']) expect(analyze(form)).toEqual(expect.arrayContaining(abadi));
  });

  it('drops stop words and question words', () => {
    expect(analyze('Who is Valentina Marvienko?')).toEqual(['valentina', 'marvienko']);
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('russia')).toBe(false);
  });

  it('folds plurals without touching codes, names and non-plurals', () => {
    expect(stem('bombings')).toBe(stem('bombing'));
    expect(stem('militias')).toBe(stem('militia'));
    expect(stem('countries')).toBe(stem('country'));
    expect(stem('taxes')).toBe(stem('tax'));
    expect(stem('f16s')).toBe('f16');
    for (const kept of ['isis', 'status', 'analysis', 's400', 'abadi', 'iraq', 'gas']) expect(stem(kept)).toBe(kept);
  });

  it('drops the words a question uses to point at the page', () => {
    expect(analyze('What is in this post about F-16s?')).toEqual(['f16']);
  });

  it('folds the names news text writes several ways to one term', () => {
    const same = (a: string, b: string) => expect(analyze(a)).toEqual(analyze(b));
    same('the self-proclaimed Islamic State', 'ISIS');
    same('Daesh', 'ISIL');
    same('When was Ramadi lost to IS?', 'When was Ramadi lost to ISIS?');
    same('what did the americans tell the PM', 'what did the Americans tell the prime minister');
    same('do sunni MPs support it', 'do Sunni members of parliament support it');
    same('intel sharing', 'intelligence sharing');
    same('the govt', 'the government');
    same('defence ministry', 'defense ministry');
    same('the KRG', 'the Kurdistan Regional Government');
    same('U.N.', 'United Nations');
  });

  it('leaves the lower-case words that acronyms spell alone', () => {
    expect(analyze('this is it')).toEqual([]);
    expect(analyze('at 5 pm')).toEqual(['5', 'pm']);
    expect(analyze('an apple')).toEqual(['apple']);
  });

  it('drops chat filler', () => {
    expect(analyze('anyone know abt the deal w russia rn lol')).toEqual(['know', 'deal', 'russia']);
  });
});
