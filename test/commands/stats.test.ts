import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

describe('rel stats', () => {
  const store = tempStore('stats');
  beforeAll(async () => {
    await ok(['demo'], { store });
  });

  it.each([40, 80, 200])(
    'draws the sample journal at %i columns, every line within the width',
    async (columns) => {
      const out = await ok(['stats'], { store, env: { COLUMNS: String(columns) } });
      for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
      expect(out).not.toContain('\u001b[');
      expect(out).toMatchSnapshot();
    },
  );

  it('prints the figures as JSON', async () => {
    const stats = JSON.parse(await ok(['stats', '--json', '--since', '2026-09-01'], { store }));
    expect(stats.since).toBe('2026-09-01');
    expect(stats.until).toBe('2026-11-27');
    expect(stats.coverage.of).toBe(13);
    expect(stats.weekly[0].start).toBe('2026-08-31');
    expect(Object.keys(stats)).toEqual(
      expect.arrayContaining([
        'perPerson',
        'perTeam',
        'perRelationship',
        'longestGaps',
        'drifting',
        'listening',
      ]),
    );
  });

  it('lists someone with no time together among the gaps, counted from the day they were added', async () => {
    const fresh = tempStore('stats-never-met');
    await ok(['add', 'Nia Park'], { store: fresh, now: '2026-11-11T09:00:00' });
    await ok(['add', 'Ola Berg'], { store: fresh, now: '2026-11-01T09:00:00' });
    await ok(['log', 'ola', '--note', 'Intro'], { store: fresh, now: '2026-11-02T09:00:00' });
    const out = await ok(['stats'], { store: fresh });
    expect(out).toContain('Nia Park: 16 days, no time together since added 11 Nov (monthly)');
    expect(out).not.toContain('not seen since added');
    // Met only in a group, or in writing: no time together yet, but not "never met" either.
    await ok(['log', 'nia', 'ola', 'Pia Lund', '--create', '--kind', 'meeting', '--size', '9'], {
      store: fresh,
    });
    expect(await ok(['stats'], { store: fresh })).toContain(
      'Nia Park: 16 days, no time together since added 11 Nov',
    );
    const gaps = JSON.parse(await ok(['stats', '--json'], { store: fresh })).longestGaps;
    // The shape kept, one field added for someone never met.
    expect(gaps).toContainEqual({
      id: 'nia-park',
      name: 'Nia Park',
      cadenceDays: 30,
      days: 16,
      from: null,
      to: null,
      addedOn: '2026-11-11',
    });
  });

  it('narrows to a tag', async () => {
    const stats = JSON.parse(await ok(['stats', '--json', '--tag', 'security'], { store }));
    expect(stats.people).toBe(1);
    expect(stats.perPerson.map((p: { name: string }) => p.name)).toEqual(['Jonas Weber']);
  });

  it('refuses a date it cannot read or one in the future, with exit 2', async () => {
    const bad = await rel(['stats', '--since', '05/06/2026'], { store });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
    const future = await rel(['stats', '--since', '2027-01-01'], { store });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('in the future');
  });

  it('on a missing store, says how to start and creates nothing', async () => {
    const empty = tempStore('stats-empty');
    const r = await rel(['stats'], { store: empty });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rel demo');
    // No period nor zero counts: a journal with no one in it has no span to report.
    expect(r.stdout).not.toMatch(/weeks ·|0 people|0 conversations/);
    expect(bytesOf(empty)).toBeNull();
  });
});

describe('rel stats longest gaps, for someone never met', () => {
  // Finn added 1 Oct and never met; the journal's first conversation (with Ana) is on 20 Nov.
  const store = tempStore('stats-never-met-window');
  beforeAll(async () => {
    await ok(['add', 'Finn Gray'], { store, now: '2026-10-01T10:00:00' });
    await ok(['add', 'Ana Silva'], { store, now: '2026-10-01T10:00:00' });
    await ok(['log', 'ana', '--kind', 'walk'], { store, now: '2026-11-20T10:00:00' });
  });

  it.each([[[]], [['--since', '2026-11-25']]])(
    'counts from the day they were added, not the period start, and ranks them by it (%j)',
    async (since) => {
      const now = '2026-11-27T10:00:00';
      const gaps = JSON.parse(await ok(['stats', '--json', ...since], { store, now })).longestGaps;
      expect(gaps.map((g: { name: string; days: number }) => [g.name, g.days])).toEqual([
        ['Finn Gray', 57],
        ['Ana Silva', 7],
      ]);
      const out = await ok(['stats', ...since], { store, now });
      expect(out).toMatch(
        /Finn Gray: 57 days, no time together since added 1 Oct \(monthly\)\n\s+Ana Silva: 7 days and counting, since 20 Nov/,
      );
    },
  );
});

describe('rel stats by kind of conversation', () => {
  it('gives the spellings of one kind one bar, named by the spelling used most', async () => {
    const store = tempStore('stats-kinds');
    await ok(['add', 'Ana'], { store, now: '2026-11-20T09:00:00' });
    const kinds = [
      'e-mail',
      'e mail',
      'e.mail',
      'É-mail',
      'e\u2011mail',
      'emails',
      'e-mail',
      'SMS',
      'text message',
    ];
    for (const kind of kinds) {
      await ok(['log', 'ana', '--kind', kind, '--minutes', '5'], { store, now: '2026-11-30T09:00:00' });
    }
    const stats = JSON.parse(await ok(['stats', '--json'], { store, now: '2026-12-03T09:00:00' }));
    expect(stats.perKind).toEqual([
      { key: 'e-mail', conversations: 7, minutes: 35 },
      { key: 'SMS', conversations: 1, minutes: 5 },
      { key: 'text message', conversations: 1, minutes: 5 },
    ]);
    const out = await ok(['stats'], { store, now: '2026-12-03T09:00:00' });
    const section = out.slice(out.indexOf('By kind of conversation'));
    expect(
      section
        .split('\n\n')[0]!
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/)[0]),
    ).toEqual(['e-mail', 'SMS', 'text']);
  });
});
