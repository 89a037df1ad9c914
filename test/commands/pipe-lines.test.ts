// Through a pipe or into a file, prose lines are left whole (so grep finds them) unless $COLUMNS
// asks for a width; tables are still laid out to 80 columns.
import { expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

const NOW = '2026-12-01T17:00:00';
const NOTE =
  'Talked through the reorg at length, the new reporting lines, what it means for the platform team, and who owns the pipeline now that Marcus has left';
const PROMISE = 'Share the new org chart with the whole platform team before the offsite next month';

it('rel due and rel profile keep long lines whole into a pipe, and wrap them at $COLUMNS', async () => {
  const store = tempStore('pipe-lines');
  const o = { store, now: NOW };
  await ok(['add', 'Oliver Grant', '--cadence', '1w'], { ...o, now: '2026-11-01T09:00:00' });
  await ok(
    [
      'log',
      'oliver',
      '--date',
      '2026-11-20',
      '--note',
      NOTE,
      '--their-follow-up',
      PROMISE,
      '--due',
      '2026-11-26',
    ],
    {
      ...o,
      now: '2026-11-20T17:00:00',
    },
  );
  const due = await ok(['due'], o);
  const promise = due.split('\n').find((l) => l.includes('org chart'))!;
  expect(promise).toMatch(
    /^ {2}• They promised: Share the new org chart .* · Oliver Grant · was due .* · [0-9a-f]{4,}$/,
  );
  expect(promise.length).toBeGreaterThan(80);
  const profile = await ok(['profile', 'oliver'], o);
  expect(profile.split('\n').some((l) => l.includes(NOTE))).toBe(true);
  // $COLUMNS asks for a width: then they wrap.
  for (const args of [['due'], ['profile', 'oliver']]) {
    const narrow = await ok(args, { ...o, env: { COLUMNS: '80' } });
    expect(Math.max(...narrow.split('\n').map((l) => l.length)), args.join(' ')).toBeLessThanOrEqual(80);
  }
});

it('rel pulse keeps its lines whole into a pipe, and wraps them at $COLUMNS', async () => {
  const store = tempStore('pipe-lines-pulse');
  await ok(['demo'], { store });
  const worry =
    'Ana Silva: the last three things you heard were worries (on-call, reorg, launch): maybe ask how Ana is.';
  const piped = await ok(['pulse'], { store });
  expect(piped.split('\n')).toContain(`  • ${worry}`);
  const narrow = await ok(['pulse'], { store, env: { COLUMNS: '80' } });
  expect(narrow).not.toContain(worry);
  expect(Math.max(...narrow.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
});

/** The widest line of an output. */
const widest = (out: string) => Math.max(...out.split('\n').map((l) => l.length));

it('rel stats keeps its prose whole into a pipe, and wraps it at $COLUMNS; its charts stay at 80', async () => {
  const store = tempStore('pipe-lines-stats');
  await ok(['demo'], { store });
  const period = '26 weeks · 30 May – 27 Nov · 7 people tagged platform · 66 conversations · 35h 10m in all';
  const piped = await ok(['stats', '--tag', 'platform'], { store });
  expect(piped.split('\n')).toContain(period);
  // The bar charts are laid out to 80 columns whatever the prose does.
  const bars = piped.split('\n').filter((l) => l.includes('█'));
  expect(Math.max(...bars.map((l) => l.length))).toBeLessThanOrEqual(80);
  const narrow = await ok(['stats', '--tag', 'platform'], { store, env: { COLUMNS: '60' } });
  expect(narrow).not.toContain(period);
  expect(widest(narrow)).toBeLessThanOrEqual(60);
});

it('rel search shows a long match whole into a pipe, and fits it to $COLUMNS', async () => {
  const store = tempStore('pipe-lines-search');
  await ok(['add', 'Oliver Grant'], { store });
  await ok(['log', 'oliver', '--note', NOTE], { store });
  const piped = await ok(['search', 'pipeline'], { store });
  expect(piped.split('\n')).toContain(`    ${NOTE}`);
  const narrow = await ok(['search', 'pipeline'], { store, env: { COLUMNS: '60' } });
  expect(narrow).not.toContain(NOTE);
  expect(narrow).toContain('pipeline');
  expect(widest(narrow)).toBeLessThanOrEqual(60);
});

it('rel todo keeps its prose whole into a pipe, and wraps it at $COLUMNS; its table stays at 80', async () => {
  const store = tempStore('pipe-lines-todo');
  const name = 'Maximiliana Fitzgerald-Worthington';
  await ok(['add', name], { store });
  const none = `No open follow-ups with ${name}. Add one with: rel todo add <name> "What you promised" --due friday`;
  expect((await ok(['todo', 'maximiliana'], { store })).split('\n')).toContain(none);
  const narrowNone = await ok(['todo', 'maximiliana'], { store, env: { COLUMNS: '60' } });
  expect(narrowNone).not.toContain(none);
  expect(widest(narrowNone)).toBeLessThanOrEqual(60);
  // A follow-up's text is a table cell: it wraps within its column, the table laid out to 80.
  await ok(['todo', 'add', 'maximiliana', PROMISE], { store });
  const piped = await ok(['todo', 'maximiliana'], { store });
  expect(piped).not.toContain(PROMISE);
  expect(widest(piped)).toBeLessThanOrEqual(80);
  expect(widest(await ok(['todo', 'maximiliana'], { store, env: { COLUMNS: '60' } }))).toBeLessThanOrEqual(
    60,
  );
});
