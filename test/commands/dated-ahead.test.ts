// A conversation dated after today: logged where the date was already tomorrow (Auckland, then rel
// run in Los Angeles), or from a journal whose clock was ahead. Every report counts it as today for
// gaps and the next check-in, and shows its date as it is, never "tomorrow" or "in 6 weeks" for
// a time together that has happened.
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, rel, tempStore } from '../helpers/run.js';

const TODAY = '2026-12-02T12:00:00'; // Wednesday
const AHEAD = /\btomorrow\b|\bin \d+ (days?|weeks?|months?)\b.*\b(call|coffee)\b|-\d+ days?/;

describe('conversations dated after today', () => {
  const store = tempStore('dated-ahead');
  beforeAll(async () => {
    await ok(['add', 'Ana Silva'], { store, now: '2026-11-01T12:00:00' });
    await ok(['add', 'Ben Okafor'], { store, now: '2026-11-01T12:00:00' });
    await ok(['log', 'ana', '--kind', 'coffee'], { store, now: '2026-12-03T09:00:00' }); // a day ahead
    await ok(['log', 'ben', '--kind', 'call'], { store, now: '2027-01-10T09:00:00' }); // weeks ahead
  });

  it('rel profile: the date as it is, the check-in a cadence from today', async () => {
    const ana = await ok(['profile', 'ana'], { store, now: TODAY });
    expect(ana).toContain('Last time together dated ahead of today · 3 Dec · catching up monthly');
    expect(ana).toContain('due in 4 weeks · 1 Jan 2027');
    const ben = await ok(['profile', 'ben'], { store, now: TODAY });
    expect(ben).toContain('10 Jan 2027 · dated ahead of today · call');
    expect(ben).not.toMatch(AHEAD);
  });

  it('rel history says the date, not "in 6 weeks"', async () => {
    const out = await ok(['history', 'ben'], { store, now: TODAY });
    expect(out).toContain('10 Jan 2027 · dated ahead of today · call');
    expect(out).not.toMatch(AHEAD);
  });

  it('rel people and rel due: no check-in later than today plus the cadence, no negative days', async () => {
    const people = JSON.parse(await ok(['people', '--json'], { store, now: TODAY }));
    for (const p of people) {
      expect(p.dueOn).toBe('2027-01-01');
      expect(p.daysSince).toBe(0);
      expect(p.daysSinceTogether).toBe(0);
    }
    expect(people.map((p: { lastSeen: string }) => p.lastSeen)).toEqual(['2026-12-03', '2027-01-10']);
    const due = await ok(['due', '--within', '3m'], { store, now: TODAY });
    expect(due).toContain('Ben Okafor  10 Jan 2027  monthly  due in 4 weeks · 1 Jan 2027');
    expect(due).not.toMatch(AHEAD);
  });

  it.each([['agenda', 'ben'], ['stats'], ['people'], ['pulse']])(
    'rel %s says nothing ahead',
    async (...args) => {
      expect(await ok(args, { store, now: TODAY })).not.toMatch(AHEAD);
    },
  );

  it('rel stats counts them in every total, as its coverage does, from its summary as from the journal', async () => {
    const full = await ok(['stats', '--json'], { store, now: TODAY });
    const stats = JSON.parse(full);
    expect(stats.coverage).toMatchObject({ count: 2, of: 2 });
    expect(stats.conversations).toBe(2);
    expect(stats.listening.of).toBe(2);
    expect(stats.perKind.map((k: { key: string }) => k.key)).toEqual(['call', 'coffee']);
    expect(stats.weekly).toEqual([{ start: '2026-11-30', conversations: 2, minutes: 0 }]);
    expect(stats.perPerson.map((p: { id: string }) => p.id)).toEqual(['ana-silva', 'ben-okafor']);
    // The second read is of the summary the first wrote.
    expect(await ok(['stats', '--json'], { store, now: TODAY })).toBe(full);
    expect(await ok(['stats'], { store, now: TODAY })).toContain('2 people · 2 conversations');
  });

  it('rel agenda: last together is the day as it is', async () => {
    expect(await ok(['agenda', 'ben'], { store, now: TODAY })).toContain(
      'last together dated ahead of today (10 Jan 2027)',
    );
  });
});

describe('rel log --date on a day already tomorrow', () => {
  it('is refused as the future, saying that here it is still today', async () => {
    const store = tempStore('dated-ahead-log');
    await ok(['add', 'Ana Silva'], { store, now: TODAY });
    const out = await rel(['log', 'ana', '--kind', 'call', '--date', '2026-12-03'], { store, now: TODAY });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--date 2026-12-03 is in the future');
    expect(out.stderr).toContain(
      'here it is 2026-12-02, so a conversation had where it was already 2026-12-03 is logged as today.',
    );
  });

  it.each([
    [['log', 'ana', '--date', 'tomorrow'], '2026-12-03', 'ana'],
    [['log', 'Ana Silva', '--date', 'next friday', '--note', 'Roadmap'], '2026-12-11', '"Ana Silva"'],
    [['log', 'ana', 'ben', '--date', '2026-12-24'], '2026-12-24', '<name>'],
  ])('rel %j: refused, with the command that plans it, which works', async (args, day, who) => {
    const store = tempStore('dated-ahead-plan');
    await ok(['add', 'Ana Silva'], { store, now: TODAY });
    await ok(['add', 'Ben Okafor'], { store, now: TODAY });
    const out = await rel(args, { store, now: TODAY });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`--date ${day} is in the future`);
    const plan = `rel todo add ${who} "Catch up" --due ${day}`;
    expect(out.stderr.trimEnd().endsWith(`make it a follow-up due that day: ${plan}`), out.stderr).toBe(true);
    if (who === '<name>') return;
    // The command given, as a shell would split it, does what it says.
    const typed = ['todo', 'add', who.replaceAll('"', ''), 'Catch up', '--due', day];
    expect(await ok(typed, { store, now: TODAY })).toMatch(/^Added a follow-up for Ana Silva: Catch up, due/);
  });
});
