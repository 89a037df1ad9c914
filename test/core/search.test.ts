// rel search matches ignoring case and accents, and says where each word was found so that the
// renderer can highlight it. Plain ASCII text takes a fast path; these hold both paths to the
// same answers.
import { describe, expect, it } from 'vitest';
import { compareIso } from '../../src/core/dates.js';
import { emptyJournal, type Journal, withDefaults } from '../../src/core/journal.js';
import { findTerms, type SearchHit, search, searchTerms } from '../../src/core/search.js';
import { compareNames } from '../../src/core/text.js';
import { conversation, person } from '../helpers/journal.js';

const found = (text: string, query: string) =>
  findTerms(text, searchTerms(query))?.map(([start, end]) => text.slice(start, end)) ?? null;

describe('findTerms', () => {
  it.each<[string, string, string, string[] | null]>([
    ['ASCII, any case', 'Training for the Marathon', 'marathon', ['Marathon']],
    [
      'every word, in the order of the text',
      'On-call rota and the roadmap',
      'roadmap on-call',
      ['On-call', 'roadmap'],
    ],
    ['one word missing', 'On-call rota', 'rota budget', null],
    ['an accent in the text', 'Coffee at the Café Noir', 'cafe', ['Café']],
    ['an accent in the query', 'Coffee at the Cafe Noir', 'café', ['Cafe']],
    ['a decomposed accent (e + U+0301) in the text', 'Cafe\u0301 Noir', 'cafe', ['Cafe\u0301']],
    ['capitals with accents', 'ÉCOLE', 'ecole', ['ÉCOLE']],
    ['a curly apostrophe before the word', 'She’s training for a marathon', 'marathon', ['marathon']],
    ['an emoji before the word', '🎉 Promotion came through', 'promotion', ['Promotion']],
    ['Greek capitals, final sigma typed', 'ΟΔΟΣ', 'οδος', ['ΟΔΟΣ']],
    ['Greek capitals typed as capitals', 'ΟΔΟΣ', 'ΟΔΟΣ', ['ΟΔΟΣ']],
    ['a ligature', 'ﬁnance review', 'finance', ['ﬁnance']],
    ['not there, in non-ASCII text', 'Café Noir', 'budget', null],
  ])('%s', (_, text, query, expected) => {
    expect(found(text, query)).toEqual(expected);
  });
});

describe('findTerms: a hyphen inside a word is optional, in the text as in the query', () => {
  it.each<[string, string, string, string[] | null]>([
    ['typed without it', 'Carrying the On-call pager', 'oncall', ['On-call']],
    ['typed with it', 'The oncall rota', 'on-call', ['oncall']],
    ['typed with it, in the text too', 'The on-call rota', 'on-call', ['on-call']],
    ['a non-breaking hyphen (U+2011) in the text', 'The on\u2011call rota', 'oncall', ['on\u2011call']],
    ['a hyphen (U+2010) in the query', 'The on-call rota', 'on\u2010call', ['on-call']],
    ['with an accent', 'Le Café-Noir', 'cafenoir', ['Café-Noir']],
    ['in a name', 'Anne-Marie Durand', 'annemarie', ['Anne-Marie']],
    ['digits', 'Back from COVID-19', 'covid19', ['COVID-19']],
    ['two hyphens in a word', 'A check-in-ish chat', 'checkinish', ['check-in-ish']],
    ['two words: each anywhere', 'The on-call rota', 'on call', ['on', 'call']],
    ['a hyphen typed at a word edge is still wanted', 'The on-call rota', 'on-', ['on-']],
    ['...and missing there', 'The oncall rota', '-call', null],
    ['a space is never skipped', 'The on call rota', 'oncall', null],
    ['...even inside other words', 'Upon calling her', 'oncall', null],
    ['a hyphen between spaces is not inside a word', 'on - call', 'oncall', null],
    ['two hyphens in a row are not one', 'on--call', 'oncall', null],
    ['the first place it is found, with or without', 'On-call, then oncall', 'oncall', ['On-call']],
  ])('%s', (_, text, query, expected) => {
    expect(found(text, query)).toEqual(expected);
  });
});

describe('search', () => {
  const journal = (): Journal => {
    const j = emptyJournal();
    j.people.push(
      person('ana', 'Ana Silva', { aliases: ['Nan'] }) as never,
      person('jose', 'José Núñez', {
        skills: [{ id: 's1', text: 'Plays the cello', addedOn: '2026-03-01' }],
      }) as never,
    );
    j.conversations.push(
      conversation('c1', ['ana'], '2026-10-01', 'Talked about the marathon') as never,
      {
        ...conversation('c2', ['jose', 'ana'], '2026-11-01', 'Marathon training plan'),
        heard: ['Worried about the marathon'],
      } as never,
    );
    return withDefaults(j);
  };

  it('finds notes, listening notes and names, names first then newest first', () => {
    const hits = search(journal(), 'marathon');
    expect(hits.map((h) => [h.field, h.id, h.person])).toEqual([
      // Heard from the group: under each person there (the note stays one hit, under the first).
      ['heard', 'c2', 'Ana Silva'],
      ['note', 'c2', 'José Núñez'],
      ['heard', 'c2', 'José Núñez'],
      ['note', 'c1', 'Ana Silva'],
    ]);
    expect(search(journal(), 'jose').map((h) => [h.field, h.text])).toEqual([['name', 'José Núñez']]);
    expect(search(journal(), 'CELLO').map((h) => [h.field, h.person])).toEqual([['skill', 'José Núñez']]);
  });

  it('one name hit per person, even when an alias matches too', () => {
    expect(
      search(journal(), 'an')
        .filter((h) => h.field === 'name')
        .map((h) => h.text),
    ).toEqual(['Ana Silva']);
  });

  it('finds nothing for a query of spaces', () => {
    expect(search(journal(), '   ')).toEqual([]);
  });
});

describe('search: the order of the hits', () => {
  /** The order as one comparison: names first, then newest first, then by person (compareNames). */
  const inOrder = (a: SearchHit, b: SearchHit) =>
    Number(b.field === 'name') - Number(a.field === 'name') ||
    compareIso(b.date ?? '', a.date ?? '') ||
    compareNames(a.person, b.person);

  // Names that sort by letters, by accents and case, that compare equal without being the same
  // (a precomposed é and e with U+0301), and that localeCompare orders (ß, another script).
  const NAMES = [
    'Ana',
    'ana',
    'Ána',
    'Bo',
    'José',
    'Jose\u0301',
    'Jose',
    'Straße',
    'Strasse',
    'Ørjan',
    'Zoë',
    'Иван',
    '李',
  ];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'is that comparison, with ties kept in the order found (seed %i)',
    (seed) => {
      let state = seed;
      const next = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
      };
      const j = emptyJournal();
      NAMES.forEach((name, i) => {
        j.people.push(person(`p${i}`, name, { aliases: next(3) ? [] : ['Roadmap keeper'] }) as never);
      });
      for (let i = 0; i < 300; i++) {
        const withIds = [`p${next(NAMES.length)}`];
        j.conversations.push(
          conversation(`c${i}`, withIds, `2026-0${1 + next(3)}-1${next(3)}`, `roadmap ${i}`) as never,
        );
      }
      const hits = search(withDefaults(j), 'roadmap');
      expect(hits.length).toBeGreaterThan(300);
      // As found: names in the people's order, then the conversations in theirs.
      const foundAt = (h: SearchHit) =>
        h.field === 'name' ? Number(h.id.slice(1)) : 1000 + Number(h.id.slice(1));
      const asFound = [...hits].sort((a, b) => foundAt(a) - foundAt(b));
      expect(hits).toEqual(asFound.sort(inOrder));
      const found = hits.filter((h) => h.field === 'note');
      expect(found.length).toBe(300);
    },
  );
});
