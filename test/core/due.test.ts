import { describe, expect, it } from 'vitest';
import { assignNotes } from '../../src/core/attribution.js';
import { checkNotFuture, parseMinutes } from '../../src/core/conversation-fields.js';
import { indexConversations, logConversation } from '../../src/core/conversations.js';
import { answersChanged } from '../../src/core/corrections.js';
import { dueList } from '../../src/core/due.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { parseKind } from '../../src/core/kinds.js';
import { addPerson } from '../../src/core/new-person.js';
import { buildProfile } from '../../src/core/profile.js';
import { UsageError } from '../../src/errors.js';

let counter = 0;
const clock = (iso: string) => ({ now: new Date(iso), newId: () => `id${++counter}` });

function journalWith(): Journal {
  const journal = emptyJournal();
  addPerson(journal, { name: 'Ana Silva', cadenceDays: 14 }, clock('2026-10-01T09:00:00'));
  addPerson(journal, { name: 'Ben Okafor', tags: ['platform'] }, clock('2026-11-27T09:00:00'));
  addPerson(journal, { name: 'Cleo Grant', cadenceDays: 7 }, clock('2026-10-01T09:00:00'));
  addPerson(journal, { name: 'Dan Archived' }, clock('2026-01-01T09:00:00')).archivedAt =
    '2026-06-01T00:00:00.000Z';
  const log = (date: string, withIds: string[], extra: Partial<Parameters<typeof logConversation>[1]> = {}) =>
    logConversation(
      journal,
      { date, with: withIds, kind: '1:2:1', minutes: 30, note: '', heard: [], about: {}, ...extra },
      clock(`${date}T17:00:00`),
    );
  log('2026-11-01', ['ana-silva']);
  log('2026-11-20', ['ana-silva']);
  log('2026-11-24', ['cleo-grant']);
  return journal;
}

describe('who is due', () => {
  const journal = journalWith();
  const index = indexConversations(journal.conversations);

  it('lists people due today or earlier, most overdue first, never the archived', () => {
    const rows = dueList(journal, index, '2026-12-10');
    expect(rows.map((r) => [r.id, r.overdueDays])).toEqual([
      ['ben-okafor', 13], // never seen: due from the day added (27 Nov)
      ['cleo-grant', 9],
      ['ana-silva', 6],
    ]);
  });

  it('computes the contract fields from the last conversation', () => {
    const ana = dueList(journal, index, '2026-12-10').find((r) => r.id === 'ana-silva')!;
    expect(ana).toEqual({
      id: 'ana-silva',
      name: 'Ana Silva',
      lastSeen: '2026-11-20',
      daysSince: 20,
      lastTogether: '2026-11-20',
      daysSinceTogether: 20,
      cadenceDays: 14,
      dueOn: '2026-12-04',
      overdueDays: 6,
      overdueFollowUps: [],
      lastAppreciated: null,
    });
  });

  it('new people are due at once, with null lastSeen and daysSince and the default cadence', () => {
    const ben = dueList(journal, index, '2026-11-27').find((r) => r.id === 'ben-okafor')!;
    expect(ben).toMatchObject({
      lastSeen: null,
      daysSince: null,
      cadenceDays: 30,
      dueOn: '2026-11-27',
      overdueDays: 0,
    });
  });

  it('--within adds people coming due, with negative overdueDays', () => {
    expect(dueList(journal, index, '2026-11-27').map((r) => r.id)).toEqual(['ben-okafor']);
    const week = dueList(journal, index, '2026-11-27', { withinDays: 7 });
    expect(week.map((r) => [r.id, r.overdueDays])).toEqual([
      ['ben-okafor', 0],
      ['cleo-grant', -4],
      ['ana-silva', -7], // the window's last day is included
    ]);
  });

  it('filters by tag (any case) and limits', () => {
    expect(dueList(journal, index, '2026-12-10', { tag: 'PLATFORM' }).map((r) => r.id)).toEqual([
      'ben-okafor',
    ]);
    expect(dueList(journal, index, '2026-12-10', { limit: 1 })).toHaveLength(1);
  });

  it('a default cadence can be supplied', () => {
    const ben = dueList(journal, index, '2026-11-27', { defaultCadence: 10 }).find(
      (r) => r.id === 'ben-okafor',
    )!;
    expect(ben.cadenceDays).toBe(10);
  });
});

describe('the profile', () => {
  it('gathers conversations newest first with participant names, and follow-ups open first', () => {
    const journal = journalWith();
    const c = logConversation(
      journal,
      {
        date: '2026-11-25',
        with: ['ana-silva', 'cleo-grant'],
        kind: 'meeting',
        minutes: null,
        note: 'Planning',
        heard: ['Excited about the launch'],
        about: {
          'ana-silva': {
            ambitions: ['Lead a team'],
            skills: ['Pottery'],
            followUps: [{ text: 'Send the link', due: null }],
            askNext: [],
          },
        },
      },
      clock('2026-11-25T18:00:00'),
    );
    const profile = buildProfile(
      journal,
      indexConversations(journal.conversations),
      journal.people[0]!,
      '2026-11-27',
    );
    expect(profile.conversations.map((x) => x.date)).toEqual(['2026-11-25', '2026-11-20', '2026-11-01']);
    expect(profile.conversations[0]).toMatchObject({
      id: c.id,
      with: ['Ana Silva', 'Cleo Grant'],
      heard: ['Excited about the launch'],
    });
    expect(profile.ambitions[0]).toMatchObject({
      text: 'Lead a team',
      status: 'active',
      addedOn: '2026-11-25',
    });
    expect(profile.skills[0]).toMatchObject({ text: 'Pottery' });
    expect(profile.followUps[0]).toMatchObject({ text: 'Send the link', done: false, conversationId: c.id });
    expect(profile.lastSeen).toBe('2026-11-25');
  });
});

describe('capture', () => {
  const journal = journalWith();
  const [ana, ben] = journal.people;

  const lists = (extra: Partial<Parameters<typeof assignNotes>[0]>) => ({
    ambitions: [],
    skills: [],
    followUps: [],
    askNext: [],
    ...extra,
  });

  it('a "Name: " prefix gives an entry to the person named; with one person it is kept as typed', () => {
    const about = assignNotes(
      lists({
        ambitions: ['Ben: Speak', 'ana: Lead'],
        followUps: [{ text: 'ana: Send', due: '2026-12-01' }],
        askNext: ['Ben: The trip?'],
      }),
      [ana!, ben!],
    );
    expect(about['ana-silva']).toEqual({
      ambitions: ['Lead'],
      skills: [],
      followUps: [{ text: 'Send', due: '2026-12-01' }],
      askNext: [],
    });
    expect(about['ben-okafor']).toEqual({
      ambitions: ['Speak'],
      skills: [],
      followUps: [],
      askNext: ['The trip?'],
    });
    expect(assignNotes(lists({ ambitions: ['Ben: alone'] }), [ana!])['ana-silva']!.ambitions).toEqual([
      'Ben: alone',
    ]);
  });

  it.each([
    // [what, entry lists, what Ana gets, what Ben gets]
    [
      'an ask-next without a prefix goes to each person',
      { askNext: ['The offsite?'] },
      { askNext: ['The offsite?'] },
      { askNext: ['The offsite?'] },
    ],
    [
      'a follow-up without a prefix is one record for everyone, filed under the first',
      { followUps: [{ text: 'Book the room', due: null }] },
      { followUps: [{ text: 'Book the room', due: null, personIds: ['ana-silva', 'ben-okafor'] }] },
      { followUps: [] },
    ],
    [
      "a prefix that names no one there makes the entry everyone's, as typed",
      { followUps: [{ text: 'Re: budget', due: null }] },
      { followUps: [{ text: 'Re: budget', due: null, personIds: ['ana-silva', 'ben-okafor'] }] },
      { followUps: [] },
    ],
  ])('%s', (_, given, forAna, forBen) => {
    const about = assignNotes(lists(given as never), [ana!, ben!]);
    expect(about['ana-silva']).toMatchObject(forAna);
    expect(about['ben-okafor']).toMatchObject(forBen);
  });

  it('a follow-up with one person carries no personIds', () => {
    const about = assignNotes(lists({ followUps: [{ text: 'Send', due: null }] }), [ana!]);
    expect(about['ana-silva']!.followUps).toEqual([{ text: 'Send', due: null }]);
  });

  it.each([
    ['nothing typed over', { a: 'x', n: 1 }, {}],
    ['a field typed over', { a: 'y', n: 1 }, { a: 'y' }],
    ['a value cleared', { a: 'x', n: null }, { n: null }],
  ] as const)('answersChanged: %s', (_, answers, changed) => {
    expect(answersChanged<{ a: string; n: number | null }>({ a: 'x', n: 1 }, answers)).toEqual(changed);
  });

  it.each([
    ['ambitions', '--ambition "Ana: Lead a team"'],
    ['skills', '--skill "Ana: Lead a team"'],
  ] as const)('%s without a prefix in a group are refused, naming the flag to use', (field, hint) => {
    const attempt = () => assignNotes(lists({ [field]: ['Lead a team'] }), [ana!, ben!]);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(expect.objectContaining({ hint: expect.stringContaining(hint) }));
  });

  it.each(['-5', 'abc', '1.5', '', '2000'])('refuses %j minutes', (text) => {
    expect(() => parseMinutes(text)).toThrow(/minutes/);
  });

  it('accepts whole minutes, any kind word, and no future dates', () => {
    expect(parseMinutes(' 45 ')).toBe(45);
    expect(parseKind('  walk  ')).toBe('walk');
    expect(() => parseKind('  ')).toThrow(/empty/);
    expect(checkNotFuture('2026-11-27', '2026-11-27', '--date')).toBe('2026-11-27');
    expect(() => checkNotFuture('2026-11-28', '2026-11-27', '--date')).toThrow(/future/);
  });
});
