import { describe, expect, it } from 'vitest';
import { demoJournal } from '../../src/core/demo.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { computeStats, defaultSince, driftOf } from '../../src/core/stats.js';
import { wholePerson } from '../helpers/journal.js';

describe('driftOf', () => {
  it.each([
    { closed: [10, 20, 30], open: 5, cadence: 14, drift: [10, 20, 30], isOpen: false },
    { closed: [14, 24, 33], open: 38, cadence: 14, drift: [24, 33, 38], isOpen: true },
    { closed: [14, 14, 30], open: 3, cadence: 14, drift: null, isOpen: false },
    { closed: [13, 14, 15], open: 2, cadence: 14, drift: null, isOpen: false }, // a day late is not drift
    { closed: [30, 20, 10], open: 5, cadence: 7, drift: null, isOpen: false },
    { closed: [20], open: 40, cadence: 14, drift: null, isOpen: false }, // too few gaps to tell
  ])('$closed then $open open, cadence $cadence', ({ closed, open, cadence, drift, isOpen }) => {
    const result = driftOf(closed, open, cadence);
    expect(result?.gaps ?? null).toEqual(drift);
    if (result) expect(result.open).toBe(isOpen);
  });
});

function journalOf(): Journal {
  const journal = emptyJournal();
  const person = (id: string, team: string, relationship: string, tags: string[] = [], archived = false) =>
    journal.people.push(
      wholePerson(id, id.toUpperCase(), {
        team,
        relationship,
        tags,
        cadenceDays: 7,
        archivedAt: archived ? '2026-02-01T09:00:00.000Z' : null,
      }),
    );
  person('a', 'Platform', 'report', ['core']);
  person('b', 'Platform', 'report');
  person('c', 'Product', 'stakeholder');
  person('gone', 'Platform', 'report', [], true);
  const talk = (date: string, who: string[], minutes: number | null, heard: string[] = []) =>
    journal.conversations.push({
      id: `${date}-${who.join('')}`,
      date,
      with: who,
      kind: minutes === null ? 'message' : '1:2:1',
      minutes,
      note: '',
      heard,
      createdAt: `${date}T17:00:00.000Z`,
    });
  talk('2026-03-01', ['a'], 30, ['x']);
  talk('2026-03-04', ['a', 'b'], 60);
  talk('2026-03-10', ['c'], null, ['y']);
  talk('2026-03-11', ['gone'], 30);
  talk('2026-01-05', ['c'], 20); // before the period
  return journal;
}

describe('computeStats', () => {
  const journal = journalOf();
  const stats = computeStats(journal, {
    since: '2026-03-01',
    today: '2026-03-12',
    weekStartsOn: 1,
  });

  it('counts conversations in the period with people in scope, once each', () => {
    expect(stats.people).toBe(3);
    expect(stats.conversations).toBe(3);
    expect(stats.minutes).toBe(90);
  });

  it('gives each person the whole of a shared conversation, and a team one conversation', () => {
    // Time together only: c's one conversation in the period was a message.
    expect(stats.perPerson.map((p) => [p.id, p.minutes, p.conversations])).toEqual([
      ['a', 90, 2],
      ['b', 60, 1],
    ]);
    expect(stats.minutesByClass).toEqual({ alone: 30, smallGroup: 60, group: 0, written: 0 });
    expect(stats.perTeam).toEqual([
      { key: 'Platform', minutes: 90, conversations: 2 },
      { key: 'Product', minutes: 0, conversations: 1 },
    ]);
    expect(stats.perKind.map((k) => k.key)).toEqual(['1:2:1', 'message']);
  });

  it('measures coverage against each cadence and the share with listening notes', () => {
    // a and b together 8 days ago on a weekly cadence; c only sent a message 2 days ago, which is
    // not time together: no one had time together within their cadence.
    expect(stats.coverage).toEqual({ count: 0, of: 3, share: 0 });
    expect(stats.listening).toEqual({ count: 2, of: 3, share: 2 / 3 });
  });

  it('buckets conversations into weeks starting on the chosen day', () => {
    expect(stats.weekly.map((w) => [w.start, w.conversations])).toEqual([
      ['2026-02-23', 1],
      ['2026-03-02', 1],
      ['2026-03-09', 1],
    ]);
    const sunday = computeStats(journal, {
      since: '2026-03-01',
      today: '2026-03-12',
      weekStartsOn: 0,
    });
    expect(sunday.weekly.map((w) => [w.start, w.conversations])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-08', 1],
    ]);
  });

  it('lists the longest gaps, open ones included, and leaves archived people out', () => {
    expect(stats.longestGaps.map((g) => [g.id, g.days, g.from, g.to])).toEqual([
      // Gaps are between times together: c's message on 10 March did not close the gap.
      ['c', 66, '2026-01-05', null],
      ['a', 8, '2026-03-04', null],
      ['b', 8, '2026-03-04', null],
    ]);
  });

  it('narrows to a tag, case-insensitively', () => {
    const tagged = computeStats(journal, {
      since: '2026-03-01',
      today: '2026-03-12',
      tag: 'CORE',
    });
    expect(tagged.people).toBe(1);
    expect(tagged.perPerson.map((p) => p.id)).toEqual(['a']);
  });
});

describe('the sample journal', () => {
  const now = new Date(2026, 10, 27, 12);
  it('is the same every time for the same day', () => {
    expect(demoJournal(now)).toEqual(demoJournal(now));
  });

  it('tells a story every report can show: someone drifting, someone never seen, someone who left', () => {
    const journal = demoJournal(now);
    const stats = computeStats(journal, {
      since: '2026-05-30',
      today: '2026-11-27',
    });
    expect(stats.drifting.map((d) => d.name)).toEqual(
      expect.arrayContaining(['Eve Nakamura', 'Jonas Weber']),
    );
    expect(stats.longestGaps.length).toBe(5);
    expect(stats.listening.share).toBeGreaterThan(0.3);
    expect(journal.people.some((p) => p.archivedAt)).toBe(true);
    expect(journal.conversations.every((c) => c.date <= '2026-11-27')).toBe(true);
    expect(journal.followUps.some((f) => f.doneAt === null)).toBe(true);
    expect(journal.followUps.some((f) => f.doneAt !== null)).toBe(true);
  });
});

describe('computeStats: a conversation dated after today counts as today', () => {
  // Logged where it was already tomorrow (a time zone ahead), or imported from a clock ahead: it
  // has happened, and the coverage counts it; so does every other figure, in this week.
  const journal = emptyJournal();
  journal.people.push(
    wholePerson('a', 'A', { cadenceDays: 7, createdAt: '2026-11-01T09:00:00.000Z' }),
    wholePerson('b', 'B', { cadenceDays: 7, createdAt: '2026-11-01T09:00:00.000Z' }),
  );
  const talk = (date: string, who: string, minutes: number, kind = '1:2:1') =>
    journal.conversations.push({
      id: `${date}-${who}`,
      date,
      with: [who],
      kind,
      minutes,
      note: '',
      heard: [],
      createdAt: `${date}T09:00:00.000Z`,
    });
  talk('2026-11-20', 'a', 30);
  talk('2026-12-03', 'a', 45, 'coffee'); // tomorrow
  talk('2027-01-10', 'b', 20); // weeks ahead
  const options = { since: '2026-11-16', today: '2026-12-02', weekStartsOn: 1 as const };
  const stats = computeStats(journal, options);

  it.each([
    ['conversations', stats.conversations, 3],
    ['minutes', stats.minutes, 95],
    ['coverage', stats.coverage.count, 2],
    ['listening, of', stats.listening.of, 3],
    ['minutes alone', stats.minutesByClass.alone, 95],
    ['this week', stats.weekly.at(-1), { start: '2026-11-30', conversations: 2, minutes: 65 }],
    ['the week of 16 Nov', stats.weekly[0], { start: '2026-11-16', conversations: 1, minutes: 30 }],
    [
      'by person',
      stats.perPerson.map((p) => [p.id, p.conversations, p.minutes]),
      [
        ['a', 2, 75],
        ['b', 1, 20],
      ],
    ],
    [
      'by kind',
      stats.perKind.map((k) => [k.key, k.conversations]),
      [
        ['1:2:1', 2],
        ['coffee', 1],
      ],
    ],
    // The gap up to a day ahead is up to today; the day itself is shown as it is.
    [
      'longest gaps',
      stats.longestGaps.map((g) => [g.id, g.days, g.from, g.to]),
      [
        ['a', 12, '2026-11-20', '2026-12-03'],
        ['b', 0, '2027-01-10', null],
      ],
    ],
  ])('%s', (_, figure, expected) => {
    expect(figure).toEqual(expected);
  });

  it('the period without --since begins with the week of the first, even when that is ahead', () => {
    const ahead = { ...journal, conversations: journal.conversations.slice(1) };
    expect(defaultSince(ahead, '2026-12-02')).toBe('2026-11-30');
  });
});

describe('one kind, several spellings, in stats by kind', () => {
  /** A journal of one person and these kinds, one conversation each, a day apart in this order. */
  function kindsJournal(kinds: string[]): Journal {
    const journal = emptyJournal();
    journal.people.push(wholePerson('a', 'A', { cadenceDays: 7 }));
    kinds.forEach((kind, i) => {
      const date = `2026-03-${String(i + 1).padStart(2, '0')}`;
      journal.conversations.push({
        id: `c${i}`,
        date,
        with: ['a'],
        kind,
        minutes: 10,
        note: '',
        heard: [],
        createdAt: `${date}T17:00:00.000Z`,
      });
    });
    return journal;
  }
  const byKind = (kinds: string[], writtenKinds?: string[]) =>
    computeStats(kindsJournal(kinds), {
      since: '2026-03-01',
      today: '2026-03-31',
      ...(writtenKinds ? { rules: { writtenKinds, cadenceCounts: 'small-groups' as const } } : {}),
    }).perKind.map((k) => [k.key, k.conversations]);

  it.each([
    // the spellings the written-kinds rule takes for one: named by the one used most
    [['e-mail', 'e mail', 'e.mail', 'É-mail', 'e\u2011mail', 'emails', 'E-Mail', 'e-mail'], [['e-mail', 8]]],
    // of spellings used as often, the one used last names it
    [['email', 'E-Mail', 'e mail'], [['e mail', 3]]],
    [['messages', 'message', 'Messages'], [['Messages', 3]]],
    [['Slack DM', 'Slack DMs', 'slack-dm'], [['slack-dm', 3]]],
    [['texting', 'text', 'Text'], [['Text', 3]]],
    // the usual kinds are one spelling whatever the case ("Call" is call)
    [['call', 'calls', 'Call'], [['call', 3]]],
    [['1:1', '1:2:1', 'one-on-one'], [['1:2:1', 3]]],
    [['video calls', 'video call'], [['video call', 2]]],
  ])('%j', (kinds, rows) => {
    expect(byKind(kinds)).toEqual(rows);
  });

  it.each([
    // words the rule does not take for one stay apart: other spellings a person chose
    [['SMS', 'text message'], 2],
    [['Teams', 'team'], 2],
    [['meeting', 'meet'], 2],
    [['training', 'train'], 2],
    [['coffee', 'coffee chat'], 2],
  ])('%j are %i kinds', (kinds, count) => {
    expect(byKind(kinds)).toHaveLength(count);
  });

  it('takes plurals of the written kinds in force as theirs', () => {
    expect(byKind(['memos', 'memo'], ['memo'])).toEqual([['memo', 2]]);
    expect(byKind(['memos', 'memo'])).toHaveLength(2);
  });
});
