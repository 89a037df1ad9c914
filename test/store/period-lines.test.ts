// rel pulse parses only the conversation lines of its period (store/period-lines.ts): whatever
// the period and whatever the notes hold, every conversation of the period must be among them.
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/core/journal.js';
import { seeded } from '../../src/core/seeded.js';
import { serializeJournal } from '../../src/store/format.js';
import { Layout } from '../../src/store/partial.js';
import { datedWithin } from '../../src/store/period-lines.js';
import { person } from '../helpers/journal.js';

/** Texts that spell a date key or a date, raw and escaped, or that fold a line oddly. */
const TEXTS = [
  'Plain note about the roadmap',
  'She wrote "date":"2026-11-20" in the doc',
  '"date":"2026-01-01"',
  'a back\\slash and "date":"2026-11-21"',
  'date:2026-11-22',
  'Émile says {"date":"2026-11-23"}',
  '',
];

const day = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000).toISOString().slice(0, 10);

function journalOf(seed: number) {
  const rand = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const conversations: Conversation[] = Array.from({ length: 80 }, (_, i) => ({
    id: `c${seed}-${i}`,
    date: day(Math.floor(rand() * 90)),
    with: ['ana'],
    kind: 'call',
    minutes: 30,
    note: pick(TEXTS),
    heard: rand() < 0.7 ? [pick(TEXTS)] : [],
    createdAt: `${day(i)}T10:00:00.000Z`,
  }));
  return { schema: 2, people: [person('ana', 'Ana Silva')], conversations, followUps: [], tombstones: [] };
}

describe('the lines of a period', () => {
  it.each([1, 2, 3])('hold every conversation of the period, in order (seed %i)', (seed) => {
    const journal = journalOf(seed);
    const layout = Layout.of(Buffer.from(serializeJournal(journal as never)))!;
    expect(layout).toBeDefined();
    let fewer = 0;
    for (const [since, until] of [
      [day(0), day(89)],
      [day(60), day(87)],
      ['2026-11-20', '2026-11-23'],
      [day(30), day(30)],
      ['2027-01-01', '2027-02-01'],
    ] as const) {
      const read = layout.read({ conversations: datedWithin(since, until) })!.conversations;
      const wanted = journal.conversations.filter((c) => c.date >= since && c.date <= until).map((c) => c.id);
      const ids = read.map((c) => c.id);
      expect(ids.filter((id) => wanted.includes(id))).toEqual(wanted);
      if (ids.length < journal.conversations.length) fewer++;
    }
    // And it is a part: most periods leave lines out.
    expect(fewer).toBeGreaterThanOrEqual(3);
  });
});
