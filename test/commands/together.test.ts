// Time that counts, end to end: a manager with a team of seven over six weeks, REL_NOW stepped
// day by day. Group meetings and messages are seen; only time together moves a cadence.
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

const TEAM = ['ana', 'ben', 'cleo', 'dev', 'eve', 'finn', 'gus'];
const NAMES: Record<string, string> = {
  ana: 'Ana Silva',
  ben: 'Ben Okafor',
  cleo: 'Cleo Grant',
  dev: 'Dev Patel',
  eve: 'Eve Nakamura',
  finn: 'Finn Berg',
  gus: 'Gus Hale',
};
const CADENCE: Record<string, string> = {
  ana: '1w',
  ben: '2w',
  cleo: '2w',
  dev: '2w',
  eve: 'monthly',
  finn: '2w',
  gus: '2w',
};

type Step =
  | { on: string; log: string[]; notice?: RegExp | null }
  | { on: string; due: string[]; env?: Record<string, string> };

// All seven were added on Monday 2 November. Cadences: Ana weekly, Eve monthly, the rest every
// two weeks. Each `due` step is the morning's question: exactly who is due a catch-up today.
const WEEKS: Step[] = [
  {
    on: '2026-11-02',
    log: [...TEAM, '--kind', 'meeting', '--note', 'All-hands'],
    notice: /a group: you and 7 others/,
  },
  { on: '2026-11-03', log: ['ana'], notice: null },
  { on: '2026-11-03', log: ['ben'] },
  { on: '2026-11-04', log: ['cleo'] },
  { on: '2026-11-04', log: ['dev'] },
  { on: '2026-11-05', log: ['eve', '--kind', 'coffee'] },
  { on: '2026-11-05', log: ['finn'] },
  { on: '2026-11-05', log: ['gus', '--kind', 'message'], notice: /message: written, not spoken/ },
  // Gus has had only the all-hands and a message: never time together, due since he was added.
  { on: '2026-11-06', due: ['gus'] },
  { on: '2026-11-09', log: [...TEAM, '--kind', 'meeting', '--note', 'All-hands'] },
  { on: '2026-11-10', log: ['ana'] },
  { on: '2026-11-11', log: ['ben', '--kind', 'Message'] },
  { on: '2026-11-12', log: ['gus'] },
  { on: '2026-11-13', due: [] },
  { on: '2026-11-16', log: [...TEAM, '--kind', 'meeting', '--note', 'All-hands'] },
  // The all-hands yesterday and Ben's message do not push their 1:2:1s back.
  { on: '2026-11-17', due: ['ana', 'ben'] },
  // The old rule (every conversation counts) would have said no one.
  { on: '2026-11-17', due: [], env: { REL_CADENCE_COUNTS: 'any' } },
  { on: '2026-11-17', log: ['ana'] },
  // A walk with two is a small group: time together with both.
  { on: '2026-11-18', log: ['ben', 'cleo', '--kind', 'walk'], notice: null },
  { on: '2026-11-19', due: ['dev', 'finn'] },
  { on: '2026-11-19', log: ['dev'] },
  { on: '2026-11-19', log: ['finn'] },
  { on: '2026-11-23', log: [...TEAM, '--kind', 'meeting', '--note', 'All-hands'] },
  // Lunch with five is a group, even over coffee.
  {
    on: '2026-11-24',
    log: ['ana', 'ben', 'cleo', 'dev', 'eve', '--kind', 'coffee'],
    notice: /you and 5 others/,
  },
  { on: '2026-11-25', due: ['ana'] },
  // A coffee with Ana and five people not in the journal: --size says how many were there.
  { on: '2026-11-25', log: ['ana', '--kind', 'coffee', '--size', '6'], notice: /you and 6 others/ },
  { on: '2026-11-26', due: ['ana', 'gus'] },
  { on: '2026-11-26', log: ['ana'] },
  { on: '2026-11-26', log: ['gus', '--kind', 'Email'], notice: /Email: written, not spoken/ },
  { on: '2026-11-30', log: [...TEAM, '--kind', 'meeting', '--note', 'All-hands'] },
  { on: '2026-12-01', due: ['gus'] },
  { on: '2026-12-01', log: ['gus'] },
  // An offsite with everyone, marked by hand as time together.
  { on: '2026-12-02', log: [...TEAM, '--kind', 'offsite', '--counts'], notice: null },
  { on: '2026-12-03', due: [] },
  { on: '2026-12-07', log: [...TEAM, '--kind', 'meeting', '--note', 'All-hands'] },
  // A 1:2:1 cut short after five minutes, marked as not counting.
  { on: '2026-12-08', log: ['ana', '--minutes', '5', '--no-counts'], notice: /marked so/ },
  { on: '2026-12-09', due: ['ana'] },
  { on: '2026-12-09', log: ['ana'] },
  { on: '2026-12-11', due: [] },
  { on: '2026-12-16', due: ['ana', 'ben', 'cleo', 'dev', 'finn', 'gus'] },
];

describe('a team of seven over six weeks', { timeout: 600_000 }, () => {
  const store = tempStore('together');
  const at = (on: string, env: Record<string, string> = {}) => ({ store, now: `${on}T08:30:00`, env });
  beforeAll(async () => {
    for (const id of TEAM) await ok(['add', NAMES[id]!, '--cadence', CADENCE[id]!], at('2026-11-02'));
  });

  it('rel due names exactly the people whose time together is overdue, each morning', async () => {
    for (const step of WEEKS) {
      if ('log' in step) {
        const r = await rel(['log', ...step.log], at(step.on));
        expect(r.code, r.stderr).toBe(0);
        if (step.notice === null) expect(r.stderr, step.log.join(' ')).toBe('');
        else if (step.notice) {
          expect(r.stderr).toMatch(step.notice);
          expect(r.stderr).toMatch(
            /^Seen, not time together \(.*\): next check-ins stay as they were\. To count it: rel conversation edit [0-9a-f]+ --counts\n$/,
          );
        }
        continue;
      }
      const rows = JSON.parse(await ok(['due', '--json'], at(step.on, step.env)));
      expect(
        rows.map((r: { id: string }) => r.id),
        `${step.on}${step.env ? ` ${JSON.stringify(step.env)}` : ''}`,
      ).toEqual(step.due.map((id) => NAMES[id]!.toLowerCase().replace(' ', '-')));
    }
  });

  it('stores --size, --counts and --no-counts on the conversation, and nothing when not given', () => {
    const conversations = readJson(store).conversations as {
      date: string;
      kind: string;
      size?: number;
      counts?: boolean;
    }[];
    const on = (date: string, kind: string) => conversations.find((c) => c.date === date && c.kind === kind)!;
    expect(on('2026-11-25', 'coffee')).toMatchObject({ size: 6 });
    expect(on('2026-12-02', 'offsite')).toMatchObject({ counts: true });
    expect(on('2026-12-08', '1:2:1')).toMatchObject({ counts: false });
    expect(on('2026-11-17', '1:2:1')).not.toHaveProperty('size');
    expect(on('2026-11-17', '1:2:1')).not.toHaveProperty('counts');
    // A kind is matched without regard to case: "Email" was written (Gus stayed due on 1 Dec).
    expect(on('2026-11-26', 'Email')).toBeDefined();
  });

  it('due rows carry lastTogether and daysSinceTogether; lastSeen stays any conversation', async () => {
    const rows = JSON.parse(await ok(['due', '--json'], at('2026-12-16')));
    expect(rows.find((r: { id: string }) => r.id === 'gus-hale')).toMatchObject({
      lastSeen: '2026-12-07',
      daysSince: 9,
      lastTogether: '2026-12-02',
      daysSinceTogether: 14,
      dueOn: '2026-12-16',
      overdueDays: 0,
    });
    const people = JSON.parse(await ok(['people', '--json'], at('2026-12-16')));
    expect(people.find((p: { id: string }) => p.id === 'gus-hale')).toMatchObject({
      lastSeen: '2026-12-07',
      daysSince: 9,
      lastTogether: '2026-12-02',
      daysSinceTogether: 14,
      dueOn: '2026-12-16',
      overdueDays: 0,
    });
    const profile = JSON.parse(await ok(['profile', 'eve', '--json'], at('2026-12-16')));
    expect(profile).toMatchObject({
      lastSeen: '2026-12-07',
      lastTogether: '2026-12-02',
      daysSinceTogether: 14,
      dueOn: '2027-01-01',
    });
  });
  it('profile, agenda and stats measure time together', async () => {
    const o = at('2026-12-16', { REL_ONE_TO_ONE_LABEL: '1:1', COLUMNS: '200' });
    expect(await ok(['profile', 'ana'], o)).toMatch(/\nLast 1:1 7 days ago · 9 Dec · catching up weekly/);
    expect(await ok(['profile', 'gus'], o)).toMatch(
      /\nLast time together [^\n]*· 2 Dec · last seen in a group 7 Dec · catching up every 2 weeks/,
    );
    const agenda = await ok(['agenda', 'ana'], o);
    expect(agenda).toMatch(/^# 1:1 with Ana Silva/);
    expect(agenda).toMatch(/## Last time: 9 Dec, 1:1/);
    expect(agenda).not.toMatch(/Also:/);
    const eve = await ok(['agenda', 'eve'], o);
    expect(eve).toMatch(/## Last time: 2 Dec, offsite/);
    expect(eve).toMatch(/\nAlso: All-hands 7 Dec\n/);
    expect(JSON.parse(await ok(['agenda', 'eve', '--json'], o)).alsoSince).toEqual([
      { date: '2026-12-07', kind: 'meeting', note: 'All-hands' },
    ]);
    expect(await ok(['due'], o)).toMatch(/Gus Hale +2 weeks ago · 2 Dec \(seen in a group 7 Dec\)/);
    const stats = JSON.parse(await ok(['stats', '--json'], o));
    // The journal began on 2 Nov: the window starts that week, not 26 weeks back.
    expect(stats.since).toBe('2026-11-02');
    expect(Object.keys(stats.minutesByClass)).toEqual(['alone', 'smallGroup', 'group', 'written']);
    const gus = stats.perPerson.find((p: { id: string }) => p.id === 'gus-hale');
    // Time together with Gus: two 1:2:1s and the offsite; not the all-hands or the messages.
    expect(gus.conversations).toBe(3);
  });
});

describe('marking a conversation by hand', () => {
  it('rel conversation edit --size, --counts, --no-counts and --counts auto', async () => {
    const store = tempStore('marks');
    const o = { store, now: '2026-11-10T09:00:00' };
    await ok(['add', 'Ana Silva', '--cadence', '1w'], { store, now: '2026-11-01' });
    await ok(['log', 'ana', '--date', '2026-11-02'], o);
    const id = JSON.parse(await ok(['log', 'ana', '--kind', 'message', '--json'], o)).id as string;
    const dueOn = async () => JSON.parse(await ok(['people', '--json'], o))[0].dueOn;
    expect(await dueOn()).toBe('2026-11-09');
    expect(await ok(['conversation', 'edit', id, '--counts'], o)).toMatch(/counts/);
    expect(await dueOn()).toBe('2026-11-17');
    await ok(['conversation', 'edit', id, '--no-counts'], o);
    expect(readJson(store).conversations[1].counts).toBe(false);
    await ok(['conversation', 'edit', id, '--counts', 'auto'], o);
    expect(readJson(store).conversations[1]).not.toHaveProperty('counts');
    await ok(['conversation', 'edit', id, '--kind', 'call', '--size', '5'], o);
    expect(readJson(store).conversations[1]).toMatchObject({ kind: 'call', size: 5 });
    expect(await dueOn()).toBe('2026-11-09');
    await ok(['conversation', 'edit', id, '--size', '1'], o);
    expect(readJson(store).conversations[1]).not.toHaveProperty('size');
    expect(await dueOn()).toBe('2026-11-17');
  });

  it.each([
    [['log', 'ana', 'ben', '--size', '1'], /--size 1 is fewer than the 2 people named/],
    [['log', 'ana', '--size', 'lots'], /--size "lots" is not a number of people/],
    [['log', 'ana', '--size', '0'], /--size "0"/],
  ])('refuses %j with exit 2 and changes nothing', async (args, message) => {
    const store = tempStore('bad-size');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['add', 'Ben Okafor'], { store });
    const before = readJson(store);
    const r = await rel(args, { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readJson(store)).toEqual(before);
  });

  it('refuses --counts with a value other than auto on conversation edit', async () => {
    const store = tempStore('bad-counts');
    await ok(['add', 'Ana Silva'], { store });
    const id = JSON.parse(await ok(['log', 'ana', '--json'], { store })).id as string;
    const r = await rel(['conversation', 'edit', id, '--counts', 'maybe'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--counts "maybe" is not understood/);
  });
});

describe('rel log --json', () => {
  it('carries each conversation’s class and whether it was together, as rel profile --json does', async () => {
    const store = tempStore('log-json-class');
    const o = { store, now: '2026-12-02T10:00:00' };
    await ok(['add', 'Ana Silva'], o);
    await ok(['add', 'Ben Okafor'], o);
    const logged = [
      JSON.parse(await ok(['log', 'ana', '--kind', 'walk', '--json'], o)),
      JSON.parse((await rel(['log', 'ana', '--kind', 'message', '--json'], o)).stdout),
      JSON.parse((await rel(['log', 'ana', 'ben', '--kind', 'meeting', '--size', '12', '--json'], o)).stdout),
    ];
    const pick = (c: { id: string; class: unknown; together: unknown }) => [c.id, c.class, c.together];
    expect(logged.map(pick).map((c) => c.slice(1))).toEqual([
      ['alone', true],
      ['written', false],
      ['group', false],
    ]);
    const profile = JSON.parse(await ok(['profile', 'ana', '--json'], o));
    const byId = new Map(profile.conversations.map((c: { id: string }) => [c.id, c]));
    for (const c of logged) expect(pick(byId.get(c.id) as never)).toEqual(pick(c));
    // Under the settings in force: written-kinds can make a walk written.
    const walk = JSON.parse(
      await ok(['log', 'ana', '--kind', 'walk', '--json'], { ...o, env: { REL_WRITTEN_KINDS: 'walk' } }),
    );
    expect([walk.class, walk.together]).toEqual(['written', false]);
  });
});
