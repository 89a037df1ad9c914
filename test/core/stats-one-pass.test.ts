// rel stats reads each person's conversations in one pass over the journal (newest, newest
// together, the days of every time together) instead of an index sorted per person: the figures
// must be the very ones the indexed version gave (test/helpers/stats-before.ts), field for field
// and in the same order, on journals made to catch a difference: conversations logged out of order,
// on the same day and at the same moment, a person named twice in one, groups, written kinds,
// marks by hand, archived, tagged and never-met people, thanks, minutes left out; under every rule
// of time together, week start, period, tag and default cadence.
import { describe, expect, it } from 'vitest';
import { indexConversations } from '../../src/core/conversations.js';
import { addDaysTo, type IsoDate } from '../../src/core/dates.js';
import { type Conversation, type Journal, SCHEMA_VERSION } from '../../src/core/journal.js';
import { checkScope } from '../../src/core/scope.js';
import { seeded as random } from '../../src/core/seeded.js';
import type { WeekStart } from '../../src/core/settings.js';
import { computeStats, defaultSince, type StatsOptions } from '../../src/core/stats.js';
import { statsJournalJson } from '../../src/core/stats-summary.js';
import { DEFAULT_TOGETHER_RULES, type TogetherRules } from '../../src/core/together.js';
import { wholePerson } from '../helpers/journal.js';
import { statsBefore } from '../helpers/stats-before.js';

const KINDS = ['1:2:1', '1:1', 'Coffee', 'coffee', 'call', 'message', 'email', 'Slack', 'walk', 'standup'];
const TODAY: IsoDate = '2026-11-27';

function makeJournal(seed: number, people: number, conversations: number, spanDays: number): Journal {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const day = (back: number): IsoDate => addDaysTo(TODAY, 5 - Math.floor(r() * back));
  const ids = Array.from({ length: people }, (_, i) => `p${i}`);
  const journal: Journal = {
    schema: SCHEMA_VERSION,
    people: ids.map((id, i) =>
      wholePerson(id, `Person ${String.fromCharCode(65 + (i % 7))}${i % 5}`, {
        tags: r() < 0.4 ? [pick(['x', 'y', 'Zed'])] : [],
        team: r() < 0.6 ? pick(['Platform', 'api', '']) : '',
        relationship: pick(['report', 'peer', '']),
        cadenceDays: r() < 0.5 ? pick([1, 7, 14, 30, 90]) : null,
        createdAt: `${day(spanDays + 100)}T0${Math.floor(r() * 10)}:00:00.000Z`,
        archivedAt: r() < 0.1 ? '2026-06-01T00:00:00.000Z' : null,
        ...(r() < 0.3
          ? {
              thanks: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, n) => ({
                id: `t${i}-${n}`,
                text: 'thanks',
                on: day(spanDays),
                conversationId: null,
              })),
            }
          : {}),
      }),
    ),
    conversations: [],
    followUps: [],
    tombstones: [],
  };
  let date = addDaysTo(TODAY, -spanDays);
  for (let i = 0; i < conversations; i++) {
    const size = r() < 0.6 ? 1 : 1 + Math.floor(r() * 6);
    // Duplicates kept: a person named twice in one conversation is listed twice by the index.
    const withIds = Array.from({ length: size }, () => pick(ids));
    // Mostly in order, some on the same day, some logged late (an earlier day after later ones).
    if (r() < 0.7) date = addDaysTo(date, Math.floor(r() * 3));
    const on = r() < 0.15 ? day(spanDays) : date;
    const c: Conversation = {
      id: `c${i}`,
      date: on,
      with: r() < 0.9 ? [...new Set(withIds)] : withIds,
      kind: pick(KINDS),
      minutes: r() < 0.2 ? null : 15 * Math.floor(1 + r() * 6),
      note: '',
      heard: r() < 0.4 ? [pick(['heard', ' ', ''])] : [],
      createdAt: r() < 0.2 ? '2026-01-01T10:00:00.000Z' : `${on}T1${Math.floor(r() * 10)}:00:00.000Z`,
      ...(r() < 0.1 ? { size: 3 + Math.floor(r() * 5) } : {}),
      ...(r() < 0.1 ? { counts: r() < 0.5 } : {}),
    };
    journal.conversations.push(c);
  }
  return journal;
}

const RULES: TogetherRules[] = [
  DEFAULT_TOGETHER_RULES,
  { ...DEFAULT_TOGETHER_RULES, cadenceCounts: 'alone' },
  { ...DEFAULT_TOGETHER_RULES, cadenceCounts: 'any' },
  { writtenKinds: ['walk', 'call'], cadenceCounts: 'small-groups' },
];

/** Gaps of equal length: the first of them is the longest, and an open gap as long as a closed one loses. */
function tiedGaps(): Journal {
  const journal = makeJournal(7, 2, 0, 10);
  const talk = (id: string, date: IsoDate, who: string): Conversation => ({
    id,
    date,
    with: [who],
    kind: '1:2:1',
    minutes: 30,
    note: '',
    heard: [],
    createdAt: `${date}T10:00:00.000Z`,
  });
  // p0: gaps of 5 and 10 days, then 10 days open to 27 November. p1: 7, 7, then 3 open.
  journal.conversations = [
    talk('a', '2026-11-02', 'p0'),
    talk('b', '2026-11-07', 'p0'),
    talk('c', '2026-11-17', 'p0'),
    talk('d', '2026-11-03', 'p1'),
    talk('e', '2026-11-10', 'p1'),
    talk('f', '2026-11-24', 'p1'),
    talk('g', '2026-11-17', 'p1'),
  ];
  return journal;
}

/** Never met, added on one day, three of one name: their gaps tie, and keep the journal's order. */
function sameNames(): Journal {
  const journal = makeJournal(8, 0, 0, 10);
  journal.people = [0, 1, 2, 3, 4, 5, 6].map((i) =>
    wholePerson(`p${i}`, i < 3 ? 'Sam Same' : `Other ${i}`, {
      createdAt: '2026-01-01T09:00:00.000Z',
      cadenceDays: null,
      archivedAt: null,
    }),
  );
  return journal;
}

const journals: [string, Journal][] = [
  ['gaps of equal length', tiedGaps()],
  ['an empty journal', makeJournal(1, 0, 0, 10)],
  ['people never met', makeJournal(2, 6, 0, 10)],
  ['a few conversations', makeJournal(3, 5, 12, 60)],
  ['a small journal', makeJournal(4, 12, 200, 400)],
  ['a busy one', makeJournal(5, 30, 2000, 1500)],
  ['every day with few people', makeJournal(6, 3, 600, 200)],
  ['people of the same name', sameNames()],
];

/** Calls `check` with every period, tag, default cadence, week start and day asked for; how many. */
function eachOption(journal: Journal, rules: TogetherRules, check: (options: StatsOptions) => void): number {
  let n = 0;
  for (const weekStartsOn of [1, 0, 6] as WeekStart[]) {
    for (const since of [
      defaultSince(journal, TODAY, weekStartsOn),
      '2026-11-20',
      '2024-02-29',
      '2010-01-01',
    ]) {
      for (const tag of [undefined, 'zed', 'nobody']) {
        for (const defaultCadence of [undefined, 10]) {
          for (const today of [TODAY, addDaysTo(TODAY, -30)]) {
            if (since > today) continue;
            check({ since, today, tag, defaultCadence, weekStartsOn, rules });
            n++;
          }
        }
      }
    }
  }
  return n;
}

describe('computeStats in one pass gives what the indexed version gave', () => {
  for (const [what, journal] of journals) {
    for (const [r, rules] of RULES.entries()) {
      it(`${what}, rules ${r}`, () => {
        const index = indexConversations(journal.conversations);
        const n = eachOption(journal, rules, (options) => {
          // As JSON: the order of the fields is part of what rel stats --json prints.
          expect(JSON.stringify(computeStats(journal, options))).toBe(
            JSON.stringify(statsBefore(journal, index, options)),
          );
        });
        expect(n).toBeGreaterThan(100);
      });
    }
  }

  it('the journals have what the comparison needs to catch', () => {
    const busy = journals[5]![1];
    const stats = computeStats(busy, { since: '2024-02-29', today: TODAY });
    expect(stats.drifting.length).toBeGreaterThan(0);
    expect(stats.longestGaps.some((g) => g.to !== null)).toBe(true);
    expect(stats.longestGaps.some((g) => g.to === null)).toBe(true);
    expect(busy.conversations.some((c) => new Set(c.with).size < c.with.length)).toBe(true);
    const dates = busy.conversations.map((c) => c.date);
    expect(dates.some((d, i) => i > 0 && d < dates[i - 1]!)).toBe(true);
  });
});

/**
 * A journal with the texts and fields rel stats does not read filled in: notes, what was heard
 * and from whom, calendar events, edits, people's long lists, follow-ups and tombstones.
 */
function withTexts(journal: Journal, seed: number): Journal {
  const r = random(seed);
  return {
    ...journal,
    people: journal.people.map((p, i) => ({
      ...p,
      ambitions: [{ id: `a${i}`, text: 'ambition', addedOn: '2026-01-01' }] as never,
      skills: [{ id: `s${i}`, text: 'skill', addedOn: '2026-01-02' }] as never,
      notes: [{ id: `n${i}`, text: 'note', addedOn: '2026-01-03' }] as never,
      emails: [`p${i}@example.com`],
    })),
    conversations: journal.conversations.map((c, i) => ({
      ...c,
      note: r() < 0.8 ? `note ${i}` : c.note,
      ...(c.heard.length && c.with.length > 1 ? { heardFrom: c.heard.map(() => c.with[0]!) } : {}),
      ...(r() < 0.1 ? { eventId: `e${i}` } : {}),
      ...(r() < 0.3 ? { updatedAt: '2026-11-01T10:00:00.000Z' } : {}),
    })),
    followUps: journal.conversations.slice(0, 5).map((c, i) => ({
      id: `f${i}`,
      personId: c.with[0]!,
      conversationId: c.id,
      text: 'follow up',
      owner: 'me' as const,
      due: null,
      doneAt: null,
      createdAt: c.createdAt,
    })),
  };
}

describe('rel stats from its summary (the journal without its texts) gives what the whole journal gives', () => {
  for (const [j, [what, bare]] of journals.entries()) {
    const journal = withTexts(bare, j);
    // The text the summary keeps, as written a piece at a time.
    const summary: Journal = JSON.parse([...statsJournalJson(journal)].join(''));
    for (const [r, rules] of RULES.entries()) {
      it(`${what}, rules ${r}`, () => {
        const n = eachOption(journal, rules, (options) => {
          expect(JSON.stringify(computeStats(summary, options))).toBe(
            JSON.stringify(computeStats(journal, options)),
          );
        });
        expect(n).toBeGreaterThan(100);
      });
    }
    it(`${what}: the default period and the tag check`, () => {
      for (const weekStartsOn of [1, 0, 6] as WeekStart[])
        for (const today of [TODAY, addDaysTo(TODAY, -30), '2010-01-01'])
          expect(defaultSince(summary, today, weekStartsOn)).toBe(defaultSince(journal, today, weekStartsOn));
      for (const tag of [undefined, 'zed', 'x', 'nobody']) {
        const outcome = (of: Journal) => {
          try {
            checkScope(of.people, undefined, tag);
            return 'ok';
          } catch (error) {
            return String(error);
          }
        };
        expect(outcome(summary)).toBe(outcome(journal));
      }
    });
  }

  // A conversation dated after today (logged where it was already tomorrow, from a clock ahead)
  // has happened: counted as today in every total, the coverage's among them, from the summary as
  // from the whole journal.
  it('every total counts each conversation of the period with anyone in scope, those dated ahead of today too', () => {
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    for (const [what, bare] of journals) {
      const summary: Journal = JSON.parse([...statsJournalJson(withTexts(bare, 0))].join(''));
      for (const rules of RULES) {
        eachOption(summary, rules, (options) => {
          const stats = computeStats(summary, options);
          const tag = options.tag;
          const inScope = new Set(
            summary.people
              .filter(
                (p) => !p.archivedAt && (tag === undefined || p.tags.some((t) => t.toLowerCase() === tag)),
              )
              .map((p) => p.id),
          );
          const counted = summary.conversations.filter(
            (c) => c.date >= options.since && c.with.some((id) => inScope.has(id)),
          );
          const label = `${what}, ${JSON.stringify(options)}`;
          expect(stats.conversations, label).toBe(counted.length);
          expect(stats.minutes, label).toBe(sum(counted.map((c) => c.minutes ?? 0)));
          expect(sum(stats.weekly.map((w) => w.conversations)), label).toBe(stats.conversations);
          expect(sum(stats.weekly.map((w) => w.minutes)), label).toBe(stats.minutes);
          expect(sum(Object.values(stats.minutesByClass)), label).toBe(stats.minutes);
          expect(sum(stats.perKind.map((k) => k.conversations)), label).toBe(stats.conversations);
          expect(stats.listening.of, label).toBe(stats.conversations);
          expect(Math.min(...stats.longestGaps.map((g) => g.days)), label).toBeGreaterThanOrEqual(0);
        });
      }
    }
    // Some conversations are dated after each today the options give.
    const busy = journals[5]![1];
    for (const today of [TODAY, addDaysTo(TODAY, -30)])
      expect(busy.conversations.filter((c) => c.date > today).length).toBeGreaterThan(0);
  });

  it('the summary holds no text of a note, of what was heard or of a follow-up', () => {
    const journal = withTexts(journals[5]![1], 5);
    const text = [...statsJournalJson(journal)].join('');
    expect(journal.conversations.some((c) => c.heard.includes('heard'))).toBe(true);
    expect(text.match(/note \d|"heard"\]|follow up|"ambition"|"skill"|example\.com/)?.[0]).toBeUndefined();
    expect(text).not.toMatch(/heardFrom|eventId|updatedAt/);
  });
});
