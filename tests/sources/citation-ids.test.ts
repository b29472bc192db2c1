// Citation ids are unique within a source whatever numbers the page prints.
import { describe, expect, it } from 'vitest';
import { assertUniqueIds, DuplicateCitationIdError } from '../../src/sources/citation-ids.js';
import { parseSource } from '../../src/sources/parse.js';
import type { Passage } from '../../src/sources/types.js';

const ARTICLE = [
  'Baghdad Weighs a Russian Air Campaign',
  '',
  'Iraqi officials met Russian envoys in Baghdad on Monday to discuss intelligence sharing against the Islamic State.',
  '',
  '4 Responses',
  '',
];

const commentIds = (passages: readonly Passage[]): Array<[string | undefined, string | undefined, string]> =>
  passages.filter((passage) => passage.kind === 'comment').map((passage) => [passage.comment, passage.commenter, passage.id]);

describe('comment numbers', () => {
  it('go on counting when the page restarts its numbering (paginated comments)', () => {
    const page = [
      ...ARTICLE,
      '  1. Alice Morgan says:',
      '    The intelligence deal has been coming for months, whatever Washington says.',
      '',
      '  2. Bob Lee says:',
      '    Russia will not send ground troops to Iraq, only advisers and aircraft.',
      '',
      '  1. Carol Deng says:',
      '    Nobody in Baghdad wants to depend on a single foreign power again.',
      '',
      '    1. Dan Okafor says:',
      '      That is exactly why they keep talking to both sides at once.',
      '',
      '  2. Erin Walsh says:',
      '    The militias will decide this, not the prime minister or his cabinet.',
    ].join('\n');
    const { passages } = parseSource('paginated.txt', page);
    expect(commentIds(passages)).toEqual([
      ['1', 'Alice Morgan', 'baghdad-weighs-russian:c1p1'],
      ['2', 'Bob Lee', 'baghdad-weighs-russian:c2p1'],
      ['3', 'Carol Deng', 'baghdad-weighs-russian:c3p1'],
      ['3.1', 'Dan Okafor', 'baghdad-weighs-russian:c3.1p1'],
      ['4', 'Erin Walsh', 'baghdad-weighs-russian:c4p1'],
    ]);
  });

  it('keep the page’s own numbers while they rise, gaps included', () => {
    const page = [
      ...ARTICLE,
      '  5. Alice Morgan says:',
      '    The intelligence deal has been coming for months, whatever Washington says.',
      '',
      '  7. Bob Lee says:',
      '    Russia will not send ground troops to Iraq, only advisers and aircraft.',
      '',
      '  7. Carol Deng says:',
      '    Nobody in Baghdad wants to depend on a single foreign power again.',
    ].join('\n');
    expect(commentIds(parseSource('gaps.txt', page).passages).map(([comment]) => comment)).toEqual(['5', '7', '8']);
  });
});

describe('assertUniqueIds', () => {
  const passage = (id: string, start: number): Passage => ({
    id,
    source: 's',
    file: 'seeds/s.txt',
    kind: 'article',
    paragraph: 1,
    start,
    end: start + 4,
    text: 'text',
  });

  it('accepts distinct ids and fails loudly on a repeated one, naming it', () => {
    expect(() => assertUniqueIds([passage('s:p1', 0), passage('s:p2', 10)], 'seeds/s.txt')).not.toThrow();
    expect(() => assertUniqueIds([passage('s:p1', 0), passage('s:p2', 10), passage('s:p1', 20)], 'seeds/s.txt')).toThrow(
      new DuplicateCitationIdError('seeds/s.txt: citation id s:p1 given to two passages (offsets 0 and 20)'),
    );
  });
});
