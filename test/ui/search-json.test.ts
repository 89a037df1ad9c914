// rel search --json writes its hits a few hundred at a time, each copied without its matches; what it
// prints must be exactly what printJson prints for the hits without their matches
// (JSON.stringify(list, null, 2)), whatever the hits and however many.
import { describe, expect, it } from 'vitest';
import { emptyJournal, withDefaults } from '../../src/core/journal.js';
import { type SearchHit, search } from '../../src/core/search.js';
import type { Io } from '../../src/ui/io.js';
import { printSearchJson } from '../../src/ui/render/search.js';
import { conversation, person } from '../helpers/journal.js';

function printed(hits: SearchHit[]): { text: string; writes: number } {
  const pieces: string[] = [];
  const io = { out: (text: string) => pieces.push(text.endsWith('\n') ? text : `${text}\n`) };
  printSearchJson(io as Partial<Io> as Io, hits);
  return { text: pieces.join(''), writes: pieces.length };
}

/** What printJson printed for rel search before: every field of a hit but its matches. */
const expected = (hits: SearchHit[]) =>
  `${JSON.stringify(
    hits.map(({ matches: _matches, ...hit }) => hit),
    null,
    2,
  )}\n`;

function hitsOf(count: number): SearchHit[] {
  const j = emptyJournal();
  j.people.push(
    person('ana', 'Ana "A" Silva', { aliases: ['Roadmap Ana'] }) as never,
    person('jose', 'José \\ Núñez') as never,
  );
  for (let i = 0; i < count; i++) {
    const note = i % 3 ? `roadmap ${i}\n"quoted"\t\u001b[31m 🎉` : `Roadmap, Café ${i}`;
    j.conversations.push(
      conversation(`c${i}`, [i % 2 ? 'ana' : 'jose'], `2026-01-${(i % 28) + 10}`, note) as never,
    );
  }
  j.followUps.push({
    id: 'f1',
    personId: 'ana',
    text: 'Send the roadmap',
    createdAt: '2026-02-01T10:00:00.000Z',
  } as never);
  return search(withDefaults(j), 'roadmap');
}

describe('printSearchJson', () => {
  it.each([0, 1, 254, 255, 256, 257, 510, 511, 700])(
    '%i hits and more: the same text as printJson of the hits',
    (n) => {
      const hits = hitsOf(n);
      // A name hit (date null), the notes, a follow-up.
      expect(hits.length).toBe(n + 2);
      expect(printed(hits).text).toBe(expected(hits));
    },
  );

  it('nothing found prints an empty list', () => {
    expect(printed([]).text).toBe('[]\n');
  });

  it('many hits go out in several pieces', () => {
    expect(printed(hitsOf(700)).writes).toBeGreaterThan(1);
  });
});

describe('printSearchJson, over many made-up hits', () => {
  // Characters JSON.stringify escapes (quote, backslash, controls, lone surrogates) or leaves
  // (U+2028, DEL, emoji, accents), at any place in any field.
  const CHARS = [
    'a',
    'Z',
    ' ',
    '"',
    '\\',
    '/',
    '\n',
    '\r',
    '\t',
    '\b',
    '\f',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u2028',
    '\u2029',
    '\ud800',
    '\udfff',
    '🎉',
    'é',
    'e\u0301',
    '日',
    '{',
    '}',
    ',',
    ':',
  ];
  const FIELDS: SearchHit['field'][] = [
    'name',
    'note',
    'heard',
    'ambition',
    'step',
    'skill',
    'personalNote',
    'thanks',
    'followUp',
  ];

  function madeUp(seed: number, count: number, longest: number): SearchHit[] {
    let state = seed;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * n);
    };
    const text = (most: number) =>
      Array.from({ length: next(most + 1) }, () => CHARS[next(CHARS.length)]).join('');
    // The fields in the order search() makes them, as the old print kept them.
    return Array.from({ length: count }, () => ({
      personId: text(8),
      field: FIELDS[next(FIELDS.length)]!,
      date: next(4) ? `2026-0${1 + next(9)}-${10 + next(18)}` : null,
      text: text(longest),
      id: text(12),
      person: text(12),
      matches: [[0, 1]],
    }));
  }

  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('the same text as printJson (seed %i)', (seed) => {
    const hits = madeUp(seed, seed % 7 === 0 ? 600 : seed % 20, seed % 3 ? 40 : 2000);
    expect(printed(hits).text).toBe(expected(hits));
  });

  it('a hit of another shape (a field missing, not a string) is printed as JSON.stringify prints it', () => {
    const odd = [
      { ...madeUp(1, 1, 10)[0]!, date: undefined },
      { ...madeUp(2, 1, 10)[0]!, personId: 7 },
      { ...madeUp(3, 1, 10)[0]!, text: undefined, person: null },
      ...madeUp(4, 3, 10),
    ] as unknown as SearchHit[];
    expect(printed(odd).text).toBe(expected(odd));
  });
});
