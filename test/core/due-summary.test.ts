// The journal cut down for `rel due` (dueJournal) gives what the whole journal gives, for every
// call `rel due` makes, on journals made to catch a cut too many: conversations logged out of
// order and on the same day, groups, written kinds, marks by hand, archived, snoozed and new
// people, birthdays, thanks on the same day, follow-ups for groups, calendar events, dismissals.
// `rel people` reads it too: its rows (with --all, --alumni, both) and each one's last contact.
import { describe, expect, it } from 'vitest';
import { birthdayRows, dueWithBirthdays } from '../../src/core/birthdays.js';
import { indexConversations } from '../../src/core/conversations.js';
import { addDaysTo, type IsoDate } from '../../src/core/dates.js';
import { begunBefore, checkIn, dueOnlyByTogether, isSnoozed, lastContact } from '../../src/core/due.js';
import { dueJournal, dueJournalAfter, NUDGE_HORIZON_DAYS } from '../../src/core/due-summary.js';
import { latest } from '../../src/core/facts.js';
import { openFollowUps } from '../../src/core/followups.js';
import {
  type Conversation,
  type FollowUp,
  type Journal,
  type Person,
  SCHEMA_VERSION,
} from '../../src/core/journal.js';
import { type PendingMeeting, stillToLog } from '../../src/core/nudge.js';
import { lastContacts, peopleRows } from '../../src/core/people-list.js';
import { groupRows } from '../../src/core/plan.js';
import { seeded as random } from '../../src/core/seeded.js';
import { countsAsTogether, DEFAULT_TOGETHER_RULES, type TogetherRules } from '../../src/core/together.js';
import { wholePerson } from '../helpers/journal.js';

const KINDS = ['1:2:1', 'coffee', 'call', 'message', 'email', 'Slack', 'walk', 'standup'];
const TODAY: IsoDate = '2026-11-27';

/** A journal of `people` people and `conversations` conversations, the same for the same seed. */
function makeJournal(seed: number, people: number, conversations: number): Journal {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const day = (back: number): IsoDate => addDaysTo(TODAY, -Math.floor(r() * back));
  const ids = Array.from({ length: people }, (_, i) => `p${i}`);
  const journal: Journal = {
    schema: SCHEMA_VERSION,
    people: ids.map((id, i) =>
      wholePerson(id, `Person ${String.fromCharCode(65 + (i % 26))}${i}`, {
        tags: r() < 0.4 ? [pick(['x', 'y', 'Zed'])] : [],
        team: r() < 0.5 ? pick(['Platform', 'api', '']) : '',
        relationship: pick(['report', 'peer', '']),
        cadenceDays: r() < 0.5 ? pick([7, 14, 30, 90]) : null,
        createdAt: `${day(900)}T0${Math.floor(r() * 10)}:00:00.000Z`,
        archivedAt: r() < 0.1 ? '2026-06-01T00:00:00.000Z' : null,
        ...(r() < 0.15 ? { leftOn: day(300) } : {}),
        snoozedUntil: r() < 0.1 ? addDaysTo(TODAY, Math.floor(r() * 20) - 10) : null,
        ...(r() < 0.3 ? { birthday: pick(['02-29', '11-28', '12-02', '1990-11-27', '1985-03-01']) } : {}),
        ...(r() < 0.3
          ? {
              thanks: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, n) => ({
                id: `t${i}-${n}`,
                text: 'thanks',
                on: pick(['2026-10-01', '2026-10-01', '2026-11-02']),
                conversationId: null,
              })),
            }
          : {}),
        notes: [{ id: `n${i}`, text: 'a note', addedOn: '2026-01-01' }],
        emails: [`${id}@example.com`],
      }),
    ),
    conversations: [],
    followUps: [],
    tombstones: [],
  };
  for (let i = 0; i < conversations; i++) {
    const size = r() < 0.6 ? 1 : 1 + Math.floor(r() * 6);
    const withIds = [...new Set(Array.from({ length: size }, () => pick(ids)))];
    const date = day(400);
    // Logged mostly in order, sometimes late (createdAt after the day), sometimes at the same moment.
    const c: Conversation = {
      id: `c${i}`,
      date,
      with: withIds,
      kind: pick(KINDS),
      minutes: 30,
      note: `note ${i}`,
      heard: ['heard'],
      createdAt: r() < 0.2 ? '2026-11-01T10:00:00.000Z' : `${date}T1${Math.floor(r() * 10)}:00:00.000Z`,
      ...(r() < 0.1 ? { size: 3 + Math.floor(r() * 5) } : {}),
      ...(r() < 0.1 ? { counts: r() < 0.5 } : {}),
      ...(r() < 0.05 ? { eventId: `ev${i % 7}` } : {}),
    };
    journal.conversations.push(c);
  }
  for (let i = 0; i < conversations / 3; i++) {
    const personIds = r() < 0.3 ? [pick(ids), pick(ids)] : [pick(ids)];
    const f: FollowUp = {
      id: `f${i}`,
      personId: personIds[0]!,
      ...(personIds.length > 1 ? { personIds } : {}),
      conversationId: null,
      text: `follow-up ${i}`,
      owner: r() < 0.5 ? 'me' : 'them',
      due: r() < 0.7 ? addDaysTo(TODAY, Math.floor(r() * 40) - 30) : null,
      doneAt: r() < 0.4 ? '2026-11-01T10:00:00.000Z' : null,
      createdAt: `${day(200)}T10:00:00.000Z`,
    };
    journal.followUps.push(f);
  }
  journal.dismissals = [
    { id: 'd1', eventId: 'ev3', title: 'x', start: TODAY, createdAt: '2026-11-01T10:00:00.000Z' },
    { id: 'd2', seriesId: 'series-b', title: 'y', start: TODAY, createdAt: '2026-11-01T10:00:00.000Z' },
  ];
  return journal;
}

const RULES: [string, TogetherRules][] = [
  ['the default rules', DEFAULT_TOGETHER_RULES],
  ['cadence-counts alone', { ...DEFAULT_TOGETHER_RULES, cadenceCounts: 'alone' }],
  ['cadence-counts any', { ...DEFAULT_TOGETHER_RULES, cadenceCounts: 'any' }],
  ['walks written', { writtenKinds: ['walk', 'call'], cadenceCounts: 'small-groups' }],
];

/** Everything `rel due` and `rel people` compute from a journal (their commands), as data. */
function everythingReadFromIt(journal: Journal, today: IsoDate, rules: TogetherRules) {
  const index = indexConversations(journal.conversations);
  const active = journal.people.filter((p) => !p.archivedAt);
  const report = [0, 7, 45].flatMap((withinDays) =>
    [undefined, 'x', 'zed'].map((tag) => {
      const rows = dueWithBirthdays(journal, index, today, { withinDays, tag, defaultCadence: 21, rules });
      return {
        rows,
        groups: (['team', 'relationship', 'tag'] as const).map((by) => groupRows(rows, journal.people, by)),
        lastContacts: rows.map((row) => lastContact(index.get(row.id), rules)),
        birthdays: birthdayRows(journal, index, today, { withinDays, tag, rules }),
      };
    }),
  );
  const meetings = (dates: IsoDate[]): PendingMeeting[] =>
    dates.flatMap((date, n) =>
      journal.conversations
        .filter((c) => c.date === date)
        .slice(0, 3)
        .map((c, k) => ({
          id: k === 0 ? `ev${n}` : `m-${date}-${k}`,
          seriesId: k === 1 ? 'series-b' : `s${k}`,
          date,
          people: k === 2 ? [...c.with, 'p1'] : c.with,
        })),
    );
  return {
    report,
    next: active
      .filter((person) => !isSnoozed(person, today))
      .map((person) => ({ id: person.id, ...checkIn(person, index, today, 21, rules) })),
    peopleCount: active.length,
    followUps: openFollowUps(journal, today),
    onlyByTogether: dueOnlyByTogether(journal, index, today, 21, rules).map((p) => p.id),
    begunBefore: ['2020-01-01', '2025-06-01', TODAY, '2030-01-01'].map((day) => begunBefore(journal, day)),
    nudge: stillToLog(
      {
        at: `${today}T08:00:00.000Z`,
        meetings: meetings([today, addDaysTo(today, -3), addDaysTo(today, -20)]),
      },
      journal,
      new Date(`${today}T09:00:00.000Z`),
      rules.writtenKinds,
    ),
    names: journal.people.map((p) => [p.id, p.name, p.aliases, p.tags]),
    people: [{}, { all: true }, { alumni: true }, { all: true, alumni: true }].map((filter) => {
      const rows = peopleRows(journal, index, today, filter, 21, rules);
      return { rows, lastContacts: [...lastContacts(rows, index, rules)] };
    }),
  };
}

/**
 * The conversations the cut keeps, by position, as its rules say them, from indexConversations
 * (a stable sort: of equals the earlier in the file): for each person the first listed and the
 * first listed that is time together, the one created first (of equals the earlier), every one
 * logged from a calendar event and every one on or after the horizon.
 */
function keptByTheRules(journal: Journal, rules: TogetherRules, today: IsoDate): number[] {
  const { conversations } = journal;
  const horizon = addDaysTo(today, -NUDGE_HORIZON_DAYS);
  const keep = new Set<Conversation>();
  for (const list of indexConversations(conversations).values()) {
    keep.add(list[0]!);
    const together = list.find((c) => countsAsTogether(c, rules));
    if (together) keep.add(together);
  }
  let first: Conversation | undefined;
  for (const c of conversations) {
    if (!first || c.createdAt < first.createdAt) first = c;
    if (c.eventId !== undefined || c.date >= horizon) keep.add(c);
  }
  if (first) keep.add(first);
  return conversations.flatMap((c, i) => (keep.has(c) ? [i] : []));
}

/** A person as the cut keeps them, as an object spread writes it: their own fields in their order, the long lists emptied after. */
function keptPerson(person: Person): Person {
  const { ambitions, skills, notes, askNext, emails, thanks, ...rest } = person;
  const last = thanks && latest(thanks);
  return {
    ...rest,
    ambitions: [],
    skills: [],
    notes: [],
    askNext: [],
    ...(thanks ? { thanks: last ? [last] : [] } : {}),
  };
}

describe('dueJournal: what rel due reads, kept', () => {
  // Conversations on the same day logged at the same moment: the index keeps the file's order.
  const ties = makeJournal(8, 3, 0);
  const at = (id: string, kind: string, withIds: string[]): Conversation => ({
    id,
    date: '2025-03-03',
    with: withIds,
    kind,
    minutes: null,
    note: '',
    heard: [],
    createdAt: '2025-03-03T10:00:00.000Z',
  });
  ties.conversations = [
    at('c0', 'coffee', ['p2']),
    at('c1', 'message', ['p0', 'p1']),
    at('c2', '1:2:1', ['p0']),
    at('c3', 'walk', ['p1']),
    at('c4', 'email', ['p1']),
  ];
  const journals: [string, Journal][] = [
    ['conversations tied on day and moment', ties],
    ['an empty journal', makeJournal(1, 0, 0)],
    ['people never met', makeJournal(2, 8, 0)],
    ['a small journal', makeJournal(3, 12, 60)],
    ['a busy one', makeJournal(4, 40, 1500)],
    ['another seed', makeJournal(5, 25, 600)],
  ];
  for (const [what, journal] of journals) {
    for (const [rulesName, rules] of RULES) {
      // Read on the day it was made and on later days, as rel due would read it tomorrow.
      for (const later of [0, 1, 6, 40]) {
        it(`${what}, ${rulesName}, read ${later} days after it was made`, () => {
          const today = addDaysTo(TODAY, later);
          const cut = dueJournal(journal, rules, TODAY);
          expect(everythingReadFromIt(cut.journal, today, rules)).toEqual(
            everythingReadFromIt(journal, today, rules),
          );
        });
      }
    }
  }

  // A write that only adds conversations (rel log) cuts the summary of the version before further,
  // with those added, instead of the whole list: the same cut, to the order and the byte. The
  // conversations added are taken from a later part of the same journal, so that they tie with,
  // outdo and fall short of those before, on the same people.
  for (const [what, journal] of journals) {
    for (const [rulesName, rules] of RULES) {
      it(`${what}, ${rulesName}: with conversations added, cut from the cut before`, () => {
        const all = journal.conversations;
        for (const kept of [0, Math.floor(all.length / 2), Math.max(0, all.length - 1), all.length]) {
          const earlier = dueJournal({ ...journal, conversations: all.slice(0, kept) }, rules, TODAY);
          const after = dueJournalAfter(earlier, journal, all.length - kept, rules, TODAY);
          expect(JSON.stringify(after)).toBe(JSON.stringify(dueJournal(journal, rules, TODAY)));
        }
      });
    }
  }

  // Ties the report cannot tell apart, which the summary's bytes still must: two conversations
  // of time together on the same day at the same moment, and two created first at once.
  const tiedTogether = makeJournal(9, 2, 0);
  tiedTogether.conversations = [
    at('c0', 'message', ['p0']),
    at('c1', 'coffee', ['p0', 'p1']),
    at('c2', 'walk', ['p0']),
    at('c3', '1:2:1', ['p1']),
    { ...at('c4', 'call', ['p1']), date: '2025-01-01' },
  ];
  for (const [what, journal] of [
    ...journals,
    ['time together tied on day and moment', tiedTogether] as const,
  ]) {
    for (const [rulesName, rules] of RULES) {
      it(`${what}, ${rulesName}: keeps the conversations its rules name, and each person's fields in their order`, () => {
        const cut = dueJournal(journal, rules, TODAY);
        const kept = keptByTheRules(journal, rules, TODAY).map((i) => journal.conversations[i]!.id);
        expect(cut.journal.conversations.map((c) => c.id)).toEqual(kept);
        expect(JSON.stringify(cut.journal.people)).toBe(JSON.stringify(journal.people.map(keptPerson)));
      });
    }
  }

  it('is much smaller than the journal', () => {
    const journal = makeJournal(6, 40, 3000);
    const cut = dueJournal(journal, DEFAULT_TOGETHER_RULES, TODAY);
    expect(cut.journal.conversations.length).toBeLessThan(journal.conversations.length / 3);
    expect(cut.journal.followUps.every((f) => f.doneAt === null)).toBe(true);
    expect(cut.journal.people.every((p) => p.notes.length === 0 && p.emails === undefined)).toBe(true);
    expect(cut.horizon).toBe(addDaysTo(TODAY, -NUDGE_HORIZON_DAYS));
  });

  it('differs from the whole journal when read under other rules (why the summary keeps its rules)', () => {
    const journal = makeJournal(7, 1, 0);
    const c = (id: string, date: IsoDate, kind: string): Conversation => ({
      id,
      date,
      with: ['p0'],
      kind,
      minutes: null,
      note: '',
      heard: [],
      createdAt: `${date}T10:00:00.000Z`,
    });
    journal.conversations = [
      c('c1', '2024-01-01', 'coffee'),
      c('c2', '2025-01-01', '1:2:1'),
      c('c3', '2025-06-01', 'walk'),
    ];
    const [, walksWritten] = RULES[3]!;
    const cut = dueJournal(journal, DEFAULT_TOGETHER_RULES, TODAY);
    expect(everythingReadFromIt(cut.journal, TODAY, DEFAULT_TOGETHER_RULES)).toEqual(
      everythingReadFromIt(journal, TODAY, DEFAULT_TOGETHER_RULES),
    );
    expect(everythingReadFromIt(cut.journal, TODAY, walksWritten)).not.toEqual(
      everythingReadFromIt(journal, TODAY, walksWritten),
    );
  });
});
