// What rel log says of each person's next check-in: a line each for a few people, one line for a
// big meeting (an all-hands of twelve must not print twelve lines), and "overdue since" for a
// check-in already past, which a bare date in the past would hide.
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

const words = (text: string) => text.replace(/\s+/g, ' ');

describe('rel log: next check-ins', () => {
  it('says a check-in already past is overdue, with its day', async () => {
    const store = tempStore('log-overdue');
    const o = { store, now: '2026-11-20' };
    await ok(['add', 'Ana Silva', '--cadence', '1w'], o);
    await ok(['add', 'Ben Ong', '--cadence', '2w'], o);
    await ok(['log', 'ana', '--kind', 'coffee', '--no-input'], { store, now: '2026-11-02' });
    // A message is not time together: Ana's check-in stays where it was, 9 Nov.
    const out = words(await ok(['log', 'ana', 'ben', '--kind', 'message', '--no-input'], o));
    expect(out).toContain('Next check-in with Ana Silva: overdue since Mon 9 Nov (11 days ago).');
    expect(out).not.toMatch(/Next check-in with Ben Ong: overdue/);
  });

  it('says when a snooze keeps them out of rel due past the check-in, and how to end it', async () => {
    const store = tempStore('log-snoozed');
    const o = { store, now: '2026-12-02' };
    await ok(['add', 'Sno Oze', '--cadence', 'weekly'], o);
    await ok(['add', 'Ana Silva', '--cadence', 'weekly'], o);
    await ok(['snooze', 'sno', '--until', '2026-12-20'], o);
    await ok(['snooze', 'ana', '--until', '2026-12-05'], o);
    const out = words(await ok(['log', 'sno', 'ana', '--kind', 'walk', '--no-input'], o));
    expect(out).toContain(
      'Next check-in with Sno Oze: Wed 9 Dec (in 7 days), but snoozed until Sun 20 Dec (to end it: rel snooze sno-oze --off).',
    );
    // A snooze that ends before the check-in changes nothing that the date does not say.
    expect(out).toContain('Next check-in with Ana Silva: Wed 9 Dec (in 7 days).');
  });

  it('gives four people a line each', async () => {
    const store = tempStore('log-four');
    const o = { store, now: '2026-11-20' };
    for (const name of ['Ana Silva', 'Ben Ong', 'Cleo Diaz', 'Dev Rao']) await ok(['add', name], o);
    const out = await ok(['log', 'ana', 'ben', 'cleo', 'dev', '--kind', 'walk', '--no-input'], o);
    expect(out.match(/^Next check-in with /gm)).toHaveLength(4);
    expect(out).not.toContain('Next check-ins:');
  });

  it('sums up a big meeting in one line: who is overdue, who is due today, how many later and the first', async () => {
    const store = tempStore('log-all-hands');
    const o = { store, now: '2026-11-20' };
    const names = [
      'Ana Silva',
      'Ben Ong',
      'Cleo Diaz',
      'Dev Rao',
      'Eve Lund',
      'Farid Aziz',
      'Gus Mohr',
      'Hal Berg',
    ];
    for (const name of names) await ok(['add', name, '--cadence', '2w'], o);
    // Ana, Ben, Cleo and Hal were last seen a month ago (overdue), Dev two weeks ago (due today),
    // Eve never (due from when she was added: today), Gus last week (due in a week); Farid is
    // archived.
    for (const who of ['ana', 'ben', 'cleo', 'hal'])
      await ok(['log', who, '--no-input'], { store, now: '2026-10-20' });
    await ok(['log', 'dev', '--no-input'], { store, now: '2026-11-06' });
    await ok(['log', 'gus', '--no-input'], { store, now: '2026-11-13' });
    await ok(['archive', 'farid'], o);
    const out = await ok(
      [
        'log',
        'ana',
        'ben',
        'cleo',
        'dev',
        'eve',
        'farid',
        'gus',
        'hal',
        '--kind',
        'meeting',
        '--note',
        'All-hands',
        '--no-input',
      ],
      o,
    );
    expect(out).not.toContain('Next check-in with');
    const line = words(out.slice(out.indexOf('Next check-ins:')));
    expect(line).toMatch(/^Next check-ins: Ana Silva, Ben Ong and 2 others overdue; /);
    expect(line).toContain('; Dev Rao and Eve Lund today;');
    expect(line).toContain('; 1 later (first Gus Mohr, Fri 27 Nov);');
    expect(line).toContain('; Farid Aziz archived, out of rel due.');
    expect(line).toContain('rel people shows each one');
  });
});
