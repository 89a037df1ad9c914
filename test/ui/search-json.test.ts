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
