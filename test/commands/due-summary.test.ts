// The summary rel due and rel people read instead of the journal (store/due-summary.ts) gives what
// a full read gives, byte for byte, after every command that writes the journal and after an edit
// from outside that keeps the size and puts the modification time back. After each step, every
// view of rel due (the table, --json, --within, --group, --tag), of rel people (the table and
// --json, --all, --alumni) and shell completion of names run three times: with the summary as that step left it, with it deleted (a full read,
// which reports from the journal it cuts down for the summary it writes again), and from the
// whole journal as read() gives it, never cut down. The store's read() is watched, to know which
// way each run went: a step that rel wrote must leave a summary that is used, an outside edit one
// that is not.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TOGETHER_RULES } from '../../src/core/together.js';
import { nudgePath, writeNudge } from '../../src/store/calendar-cache.js';
import { Store } from '../../src/store/store.js';
import { rel, tempStore } from '../helpers/run.js';

const VIEWS = [
  ['due'],
  ['due', '--json'],
  ['due', '--within', '2w'],
  ['due', '--within', '3m', '--json'],
  ['due', '--group', 'team'],
  ['due', '--tag', 'x', '--limit', '1'],
  ['due', '--tag', 'nobody-has-it'],
  ['__complete', '--', 'profile', 'a'],
  ['people'],
  ['people', '--json'],
  ['people', '--all'],
  ['people', '--all', '--json'],
  ['people', '--alumni'],
  ['people', '--alumni', '--all', '--json'],
];

let store: string;
let state: string;
let read: ReturnType<typeof vi.spyOn>;
let env: Record<string, string>;

beforeEach(() => {
  store = tempStore('due-summary');
  state = path.join(path.dirname(path.dirname(store)), 'state');
  // rel config set writes here: the test's own folder.
  env = { REL_PASSPHRASE: 'correct horse battery', XDG_CONFIG_HOME: path.join(state, '..', 'config') };
  read = vi.spyOn(Store.prototype, 'read');
});
afterEach(() => {
  read.mockRestore();
});

const summaries = () => {
  const folder = path.join(state, 'rel');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /^due-.*\.json$/.test(f)) : [];
};
const removeSummary = () => {
  for (const f of summaries()) fs.rmSync(path.join(state, 'rel', f));
};

async function run(args: string[], now?: string) {
  const r = await rel(args, { store, env, ...(now ? { now } : {}) });
  if (r.code !== 0) throw new Error(`rel ${args.join(' ')} exited ${r.code}\n${r.stderr}`);
  return r;
}

/**
 * Each view as it comes out, the "said once" notices forgotten first so that each run may say
 * them: from the summary there is, from a full read (`fresh`: the summary deleted first), or
 * (`whole`) from the whole journal, as rel due read it before it had a summary.
 */
async function views(now?: string, from: 'summary' | 'fresh' | 'whole' = 'summary') {
  const out = [];
  const whole =
    from === 'whole'
      ? vi.spyOn(Store.prototype, 'readForDue').mockImplementation(async function (this: Store) {
          return { journal: await this.read(), save: () => {} };
        })
      : undefined;
  try {
    for (const args of VIEWS) {
      fs.rmSync(path.join(state, 'rel', 'said'), { recursive: true, force: true });
      if (from === 'fresh') removeSummary();
      const before = read.mock.calls.length;
      const r = await rel(args, { store, env, ...(now ? { now } : {}) });
      out.push({ args, ...r, fullRead: read.mock.calls.length > before });
    }
  } finally {
    whole?.mockRestore();
  }
  return out;
}

/** The views from the summary as the last step left it, from a full read and from the whole journal: the same. */
async function same(summary: 'used' | 'not used' | 'none' | 'read for the nudge', now?: string) {
  const fromSummary = await views(now);
  const full = await views(now, 'fresh');
  const strip = (runs: typeof full) => runs.map(({ fullRead: _, ...r }) => r);
  expect(strip(fromSummary)).toEqual(strip(full));
  expect(strip(await views(now, 'whole'))).toEqual(strip(full));
  // The first view tells whether the step's summary was used; the later ones read the rewritten one.
  if (summary === 'used') expect(fromSummary.map((r) => r.fullRead)).toEqual(VIEWS.map(() => false));
  if (summary === 'not used') expect(fromSummary[0]!.fullRead).toBe(true);
  if (summary === 'none') expect(summaries()).toEqual([]);
  return fromSummary;
}

describe('the summary rel due reads is the journal, after every write', () => {
  // Some 40 steps, each with its views run three ways: minutes on a busy machine.
  it('after each writing command, and on the days after', { timeout: 600_000 }, async () => {
    // Used: the write left a summary of what it wrote. Not used: it left none, or one cut under
    // other rules (rel config), and the first view reads in full and writes it again.
    const steps: [string[], 'used' | 'not used' | 'none'][] = [
      [
        ['add', 'Ana Silva', '--cadence', '2w', '--tag', 'x', '--birthday', '11-30', '--team', 'Platform'],
        'used',
      ],
      [['add', 'Ben Okafor', '--team', 'Platform', '--alias', 'Benny'], 'used'],
      [['add', 'Cleo Grant', '--tag', 'x', '--cadence', '1w'], 'used'],
      [['add', 'Dev Patel', '--relationship', 'peer'], 'used'],
      [
        [
          'log',
          'ana',
          '--no-input',
          '--date',
          '2026-11-02',
          '--follow-up',
          'Send the doc',
          '--due',
          '2026-11-20',
        ],
        'used',
      ],
      [
        [
          'log',
          'ana',
          'ben',
          'cleo',
          'dev',
          '--no-input',
          '--kind',
          'meeting',
          '--size',
          '9',
          '--date',
          '2026-11-10',
        ],
        'used',
      ],
      [['log', 'cleo', '--no-input', '--kind', 'message', '--date', '2026-11-25'], 'used'],
      [
        ['log', 'ben', '--no-input', '--kind', 'coffee', '--date', '2026-10-01', '--thanks', 'the review'],
        'used',
      ],
      [['todo', 'add', 'dev', 'Intro to Kim', '--due', '2026-11-21', '--theirs'], 'used'],
      [['done', 'doc'], 'used'],
      [['note', 'ana', 'Has a dog'], 'used'],
      [['edit', 'ben', '--cadence', '1w', '--tag', 'x'], 'used'],
      [['snooze', 'cleo', '--until', '2026-12-02'], 'used'],
      [['archive', 'dev'], 'used'],
      [['left', 'cleo', '--note', 'Joined Stripe'], 'used'],
      [['undo'], 'used'],
      [['add', 'Ana S'], 'used'],
      [['merge', 'ana-silva', 'ana-s'], 'used'],
      [['config', 'set', 'default-cadence', '3w'], 'used'],
      [['config', 'set', 'written-kinds', 'message,walk'], 'not used'],
      [['config', 'set', 'cadence-counts', 'any'], 'not used'],
      [['config', 'unset', 'cadence-counts'], 'not used'],
      // It names people: removed before the journal is rewritten.
      [['forget', 'dev', '--yes'], 'not used'],
      [['encrypt'], 'none'],
      // A message: Ben's newest, and his time together stays the coffee of 1 October, which the
      // summary keeps for that alone once the horizon has passed it (read on 1 March below).
      [['log', 'ben', '--no-input', '--kind', 'message', '--date', '2026-11-26'], 'none'],
      [['decrypt'], 'used'],
    ];
    const contacts = path.join(path.dirname(store), '..', 'contacts.vcf');
    for (const [args, summary] of steps) {
      await run(args);
      await same(summary).catch((error: Error) => {
        throw new Error(`after rel ${args.join(' ')}: ${error.message}`);
      });
    }
    fs.mkdirSync(path.dirname(contacts), { recursive: true });
    fs.writeFileSync(
      contacts,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve Adams\r\nBDAY:1990-12-01\r\nEND:VCARD\r\n',
    );
    await run(['import', contacts]);
    await same('used');
    // Read on the days after the summary was written: dates are kept, not days overdue.
    for (const now of ['2026-11-28T08:00:00', '2026-12-01T12:00:00', '2027-03-01T12:00:00']) {
      await same('used', now);
    }
  });

  it('after sync puts a version in place (adopt): read in full, then kept', async () => {
    await run(['add', 'Ana Silva']);
    await run(['log', 'ana', '--no-input', '--date', '2026-11-20']);
    const before = fs.readFileSync(store);
    await run(['log', 'ana', '--no-input', '--date', '2026-11-24']);
    await same('used');
    const options = {
      warn: () => {},
      stateFolder: path.join(state, 'rel'),
      dueRules: () => DEFAULT_TOGETHER_RULES,
    };
    await new Store(store, options).adopt(before);
    expect(summaries()).toEqual([]);
    await same('not used');
  });

  it('after an edit from outside that keeps the size and the modification time', async () => {
    await run(['add', 'Ana Silva', '--cadence', '2w']);
    await run(['add', 'Ben Okafor']);
    await run(['log', 'ana', '--no-input', '--date', '2026-11-20']);
    await same('used');
    const stat = fs.statSync(store, { bigint: true });
    const text = fs.readFileSync(store, 'utf8');
    // One character: Ana is now Ena, and her conversation moves a day. Same size.
    const edited = text.replace('"Ana Silva"', '"Ena Silva"').replace('"2026-11-20"', '"2026-11-10"');
    expect(edited.length).toBe(text.length);
    expect(edited).not.toBe(text);
    fs.writeFileSync(store, edited);
    const mtime = `@${stat.mtimeNs / 1_000_000_000n}.${String(stat.mtimeNs % 1_000_000_000n).padStart(9, '0')}`;
    execFileSync('touch', ['-m', '-d', mtime, store]);
    const after = fs.statSync(store, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([stat.size, stat.mtimeNs, stat.ino]);
    const runs = await same('not used');
    expect(runs[1]!.stdout).toContain('Ena Silva');
    const people = runs.find((r) => r.args.join(' ') === 'people --json')!;
    expect(people.stdout).toContain('Ena Silva');
    expect(people.stdout).toContain('"lastSeen": "2026-11-10"');
  });

  it('with a calendar set: the inbox nudge counts the same, a meeting before the horizon from the journal', async () => {
    await run(['add', 'Ana Silva']);
    await run(['add', 'Ben Okafor']);
    await run(['log', 'ana', '--no-input', '--date', '2026-11-24']);
    await run(['log', 'ana', '--no-input', '--date', '2026-05-02']);
    await run(['config', 'set', 'calendar', '/tmp/work.ics']);
    const nudge = (dates: string[]) =>
      writeNudge(nudgePath(path.join(state, 'rel'), fs.realpathSync(store)), {
        version: 1,
        at: '2026-11-27T08:00:00.000Z',
        meetings: dates.flatMap((date, n) => [
          { id: `m${n}a`, seriesId: 's1', date, people: ['ana-silva'] },
          { id: `m${n}b`, seriesId: 's2', date, people: ['ben-okafor'] },
        ]),
      });
    nudge(['2026-11-24', '2026-11-25']);
    const recent = await same('used');
    expect(recent[0]!.stdout).toContain('3 meetings not logged yet');
    // 2 May is before the summary's horizon: the count needs the journal, read for it alone.
    nudge(['2026-05-02', '2026-11-24']);
    const old = await same('read for the nudge');
    expect(old[0]!.stdout).toContain('2 meetings not logged yet');
    // Every table that gets as far as the nudge (not --json, not a tag no one has: exit 2).
    const nudged = (r: (typeof old)[number]) =>
      r.args[0] === 'due' && !r.args.includes('--json') && r.code === 0;
    expect(old.map((r) => r.fullRead)).toEqual(old.map(nudged));
    expect(old.filter(nudged).length).toBeGreaterThan(2);
  });

  it('is private, and none is kept for an encrypted journal', async () => {
    await run(['add', 'Ana Silva']);
    await run(['due']);
    const [file] = summaries();
    expect(fs.statSync(path.join(state, 'rel', file!)).mode & 0o777).toBe(0o600);
    await run(['encrypt']);
    expect(summaries()).toEqual([]);
    await run(['due']);
    expect(summaries()).toEqual([]);
  });

  it('a summary a power cut left cut short or zero-filled (it is written without fsync) is read past, by rel due and by a write', async () => {
    await run(['add', 'Ana Silva']);
    await run(['log', 'ana', '--note', 'one']);
    const file = path.join(state, 'rel', summaries()[0]!);
    const good = fs.readFileSync(file, 'utf8');
    const torn = [
      good.slice(0, good.indexOf('"data"')), // its key whole, the rest lost
      '',
      good.slice(0, 300) + '\0'.repeat(good.length - 300), // blocks never written
    ];
    for (const [i, bytes] of torn.entries()) {
      fs.writeFileSync(file, bytes);
      await same('not used');
      // A write over it (rel log, which cuts the summary it finds further when it can) cuts its own.
      fs.writeFileSync(file, bytes);
      await run(['log', 'ana', '--note', `after ${i}`]);
      await same('used');
    }
  });

  it('a summary that cannot be parsed, or from another rel, is read past and written again', async () => {
    await run(['add', 'Ana Silva']);
    await run(['due']);
    const file = path.join(state, 'rel', summaries()[0]!);
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.slice(0, 100));
    await same('not used');
    fs.writeFileSync(file, good.replace(/"rel":"[^"]*"/, '"rel":"0.0.0-older"'));
    await same('not used');
    // Written again by a full read, which cannot say that rel laid the file out itself (`lines`:
    // only a write's summary says so), and otherwise the same.
    expect(good).toContain(',"lines":true}');
    expect(fs.readFileSync(file, 'utf8')).toBe(good.replace(',"lines":true}', '}'));
  });
});
