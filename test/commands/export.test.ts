import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, relEnv, tempDir, tempStore } from '../helpers/run.js';

// A small journal: two people in one conversation, one with a leap-day birthday, a follow-up with a due date.
async function seed(): Promise<string> {
  const store = tempStore('export');
  const o = { store, now: '2026-11-20' };
  await ok(
    [
      'add',
      'Ana Silva',
      '--role',
      'Staff Engineer',
      '--team',
      'Platform',
      '--tag',
      'core',
      '--cadence',
      '2w',
      '--birthday',
      '1992-02-29',
    ],
    o,
  );
  await ok(['add', 'Bo Li', '--birthday', '12-01'], o);
  await ok(['add', 'Cy Diaz'], o);
  await ok(
    [
      'log',
      'ana',
      'bo',
      '--kind',
      '1:2:1',
      '--date',
      '2026-10-01',
      '--note',
      'Roadmap, plans; "quotes"',
      '--heard',
      'Worried about on-call',
    ],
    o,
  );
  await ok(
    [
      'log',
      'ana',
      '--date',
      '2026-11-10',
      '--kind',
      'walk',
      '--note',
      '# not a heading\n*stars*',
      '--heard',
      'Wants to lead',
      '--follow-up',
      'Send the RFC',
    ],
    o,
  );
  const journal = readJson(store);
  journal.followUps[0].due = '2026-12-03';
  fs.writeFileSync(store, JSON.stringify(journal));
  return store;
}

describe('rel export', () => {
  let store: string;
  beforeAll(async () => {
    store = await seed();
  });

  it('json is the store itself, cadenceDays null kept, and the store is untouched', async () => {
    const before = bytesOf(store);
    const out = JSON.parse(await ok(['export'], { store }));
    expect(out).toEqual(readJson(store));
    expect(out.people.find((p: { id: string }) => p.id === 'bo-li').cadenceDays).toBeNull();
    expect(bytesOf(store)).toEqual(before);
  });

  it('--person keeps one person, their conversations naming only them; --since drops older ones; --redact drops what you heard', async () => {
    const out = JSON.parse(await ok(['export', '--person', 'bo'], { store }));
    expect(out.people.map((p: { id: string }) => p.id)).toEqual(['bo-li']);
    expect(out.conversations.map((c: { with: string[] }) => c.with)).toEqual([['bo-li']]);
    const since = JSON.parse(await ok(['export', '--since', '2026-11-01', '--redact'], { store }));
    expect(since.people).toHaveLength(3);
    expect(since.conversations.map((c: { date: string; heard: string[] }) => [c.date, c.heard])).toEqual([
      ['2026-11-10', []],
    ]);
  });

  it('--person keeps the size of a group and only what they or the group said: imported again, an all-hands is not a 1:2:1', async () => {
    const own = tempStore('export-person-group');
    const o = { store: own, now: '2026-11-20' };
    for (const name of ['Ana Silva', 'Ben Ong', 'Cy Park', 'Dee Roy', 'Eli Fox', 'Fay Lu'])
      await ok(['add', name], o);
    await ok(
      [
        'log',
        ...['ana', 'ben', 'cy', 'dee', 'eli', 'fay'],
        '--kind',
        'meeting',
        '--note',
        'All-hands',
        '--heard',
        'Ana: wants to lead the offsite',
        '--heard',
        'Ben: going through a hard time at home',
        '--heard',
        'The room was too small',
        '--no-input',
      ],
      o,
    );
    const slice = JSON.parse(await ok(['export', '--person', 'ana'], o));
    expect(slice.conversations).toHaveLength(1);
    expect(slice.conversations[0]).toMatchObject({
      with: ['ana-silva'],
      size: 6,
      heard: ['wants to lead the offsite', 'The room was too small'],
      heardFrom: ['ana-silva', null],
    });
    expect(JSON.stringify(slice)).not.toContain('hard time at home');
    // --redact: nothing heard, no one it was heard from, and not what you meant to ask.
    await ok(['ask', 'ana', 'How is the surgery recovery?'], o);
    const redacted = JSON.parse(await ok(['export', '--person', 'ana', '--redact'], o));
    expect(redacted.conversations[0].heard).toEqual([]);
    expect(redacted.conversations[0]).not.toHaveProperty('heardFrom');
    expect(redacted.people[0].askNext).toEqual([]);
    expect(JSON.stringify(redacted)).not.toContain('surgery');
    const file = path.join(path.dirname(own), 'ana.json');
    fs.writeFileSync(file, JSON.stringify(slice));
    const again = tempStore('export-person-again');
    await ok(['import', file], { store: again, now: '2026-11-20' });
    const profile = JSON.parse(await ok(['profile', 'ana', '--json'], { store: again, now: '2026-11-20' }));
    expect(profile.conversations[0]).toMatchObject({ class: 'group', together: false });
  });

  it('markdown --since lists only later conversations, but last seen comes from the whole journal', async () => {
    const md = await ok(['export', '--format', 'md', '--since', '2026-11-01', '--person', 'bo'], { store });
    expect(md).toContain('Exported 2026-11-27 · 1 person · 0 conversations since 2026-11-01');
    expect(md).toContain('last seen 2026-10-01');
    expect(md).not.toContain('not seen yet');
    expect(md).not.toContain('####');
    const all = await ok(['export', '--format', 'md', '--since', '2026-11-01'], { store });
    expect(all).toContain('Catching up every 2 weeks · last seen 2026-11-10');
    expect(all).not.toContain('2026-10-01 · 1:2:1');
    expect(all).toContain('not seen yet'); // Cy, who never was
  });

  it('markdown says which follow-ups are their promise, not yours', async () => {
    const own = tempStore('export-theirs');
    await ok(['add', 'Ana Silva'], { store: own });
    await ok(
      [
        'log',
        'ana',
        '--their-follow-up',
        'Send me the migration plan',
        '--follow-up',
        'Book the room',
        '--no-input',
      ],
      {
        store: own,
      },
    );
    const md = await ok(['export', '--format', 'md'], { store: own });
    expect(md).toContain('- [ ] Send me the migration plan · their promise\n');
    expect(md).toContain('- [ ] Book the room\n');
  });

  it('markdown and ics use the configured default cadence for people without their own', async () => {
    const env = { REL_DEFAULT_CADENCE: '1w' };
    const md = await ok(['export', '--format', 'md', '--person', 'bo'], { store, env });
    expect(md).toContain('Catching up weekly · last seen 2026-10-01');
    const ics = await ok(['export', '--format', 'ics'], { store, env });
    expect(ics).toContain('Last seen 2026-10-01\\; catching up weekly.');
  });

  it('markdown: a section per person, conversations newest first, text escaped', async () => {
    const md = await ok(['export', '--format', 'markdown', '--person', 'ana'], { store });
    expect(md).toMatch(/^# rel journal\n/);
    expect(md).toContain('## Ana Silva');
    expect(md).toContain('Staff Engineer · Platform · #core');
    expect(md).toContain('birthday 29 Feb 1992');
    expect(md).toContain('- [ ] Send the RFC · due 2026-12-03');
    // Newest first; with --person, the others in a conversation are not named.
    expect(md.indexOf('#### 2026-11-10 · walk')).toBeGreaterThan(0);
    expect(md.indexOf('#### 2026-11-10 · walk')).toBeLessThan(md.indexOf('#### 2026-10-01 · 1:2:1\n'));
    expect(await ok(['export', '--format', 'markdown'], { store })).toContain(
      '#### 2026-10-01 · 1:2:1 · with Bo Li',
    );
    expect(md).toContain('\\# not a heading\n\\*stars\\*');
    expect(md).toContain('- Worried about on-call');
    expect(await ok(['export', '--format', 'md', '--redact', '--person', 'ana'], { store })).not.toContain(
      'Worried',
    );
  });

  it('csv: conversations on stdout by default, --table people with the headers import reads', async () => {
    const conversations: Record<string, string>[] = parse(
      await ok(['export', '--format', 'csv'], { store }),
      {
        columns: true,
      },
    );
    expect(conversations.map((c) => [c.date, c.with, c.note])).toEqual([
      ['2026-10-01', 'Ana Silva; Bo Li', 'Roadmap, plans; "quotes"'],
      ['2026-11-10', 'Ana Silva', '# not a heading\n*stars*'],
    ]);
    const people = parse(await ok(['export', '--format', 'csv', '--table', 'people'], { store }), {
      columns: true,
    });
    expect(people[0]).toEqual({
      name: 'Ana Silva',
      aliases: '',
      role: 'Staff Engineer',
      team: 'Platform',
      relationship: '',
      tags: 'core',
      cadence: '14d',
      birthday: '1992-02-29',
      notes: '',
      emails: '',
      added: readJson(store).people[0].createdAt,
      archived: '',
      id: 'ana-silva',
    });
    expect(people[1]).toMatchObject({ name: 'Bo Li', cadence: '', birthday: '12-01' });
  });

  it('csv --out writes both tables into a folder, private; json --out into a file', async () => {
    const dir = path.join(tempDir('out'), 'export');
    const r = await rel(['export', '--format', 'csv', '--out', dir], { store });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('3 people, 2 conversations');
    expect(fs.readdirSync(dir).sort()).toEqual(['conversations.csv', 'people.csv']);
    expect(fs.statSync(path.join(dir, 'people.csv')).mode & 0o777).toBe(0o600);
    await ok(['export', '--format', 'csv', '--table', 'people', '--out', path.join(dir, 'team.csv')], {
      store,
    });
    expect(fs.readFileSync(path.join(dir, 'team.csv'), 'utf8')).toMatch(/^name,aliases,role,/);
    expect(fs.readdirSync(dir).sort()).toEqual(['conversations.csv', 'people.csv', 'team.csv']);
    const file = path.join(dir, 'all.json');
    await ok(['export', '--out', file], { store });
    expect(readJson(file)).toEqual(readJson(store));
    const ics = await rel(['export', '--format', 'ics', '--out', `${dir}/`], { store });
    expect(fs.existsSync(path.join(dir, 'rel.ics'))).toBe(true);
    // A feed holds events, so the message counts them by kind, not people and conversations.
    expect(ics.stderr).toContain('(3 check-ins, 1 follow-up, 2 birthdays)');
  });

  // Found by a tester: --table was ignored with a folder (both tables written), and the people
  // table's message counted conversations it does not hold.
  it('csv --table with --out: only that table, and the message counts what it holds', async () => {
    const dir = path.join(tempDir('out-table'), 'f1');
    const r = await rel(['export', '--format', 'csv', '--table', 'people', '--out', dir], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['people.csv']);
    expect(r.stderr).toContain(`Wrote the people table to ${path.join(dir, 'people.csv')} (3 people).`);
    const conversations = await rel(
      ['export', '--format', 'csv', '--table', 'conversations', '--out', path.join(dir, 'c.csv')],
      { store },
    );
    expect(conversations.stderr).toContain(
      `Wrote the conversations table to ${path.join(dir, 'c.csv')} (2 conversations).`,
    );
    const file = path.join(dir, 'p.csv');
    const people = await rel(['export', '--format', 'csv', '--table', 'people', '--out', file], { store });
    expect(people.stderr).toContain(`Wrote the people table to ${file} (3 people).`);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^name,aliases,role,/);
    // A file already there, not named .csv: with --table, the table goes into it (an empty one,
    // or with --force), as into a .csv.
    const named = path.join(dir, 'people.txt');
    fs.writeFileSync(named, '');
    await ok(['export', '--format', 'csv', '--table', 'people', '--out', named], { store });
    expect(fs.readFileSync(named, 'utf8')).toMatch(/^name,aliases,role,/);
  });

  it('--out: a missing folder above the file is exit 2, nothing created; a folder named with / is made, one level only', async () => {
    const root = tempDir('missing');
    const missing = path.join(root, 'nope');
    const cases: [string[], string][] = [
      [['export', '--out', path.join(missing, 'x.json')], missing],
      [['export', '--format', 'md', '--out', `${path.join(missing, 'sub')}/`], missing],
      [['export', '--format', 'csv', '--out', path.join(missing, 'csv')], missing],
      [['export', '--format', 'csv', '--table', 'people', '--out', path.join(missing, 'p.csv')], missing],
    ];
    for (const [args, folder] of cases) {
      const r = await rel(args, { store });
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toContain(`--out: the folder ${folder} does not exist.`);
      expect(r.stderr).toContain(`mkdir -p ${folder}`);
    }
    expect(fs.readdirSync(root)).toEqual([]);
    const file = path.join(store, 'x.json'); // the journal is a file, not a folder
    const notFolder = await rel(['export', '--out', file], { store });
    expect([notFolder.code, notFolder.stderr]).toEqual([
      2,
      `rel: --out: ${store} is a file, not a folder.\n`,
    ]);
    await ok(['export', '--format', 'md', '--out', `${path.join(root, 'made')}/`], { store });
    expect(fs.readdirSync(path.join(root, 'made'))).toEqual(['rel-export.md']);
  });

  it('ics: a feed a calendar library reads: check-ins, follow-ups, yearly birthdays on 28 Feb in common years', async () => {
    const text = await ok(['export', '--format', 'ics'], { store, now: '2026-11-27' });
    expect(text).toContain('\r\n');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([
      'birthday-ana-silva@rel',
      'birthday-bo-li@rel',
      'checkin-ana-silva@rel',
      'checkin-bo-li@rel',
      'checkin-cy-diaz@rel',
      expect.stringMatching(/^followup-[0-9a-f]+@rel$/),
    ]);
    expect(byUid.get('checkin-ana-silva@rel')!.startDate.toString()).toBe('2026-11-27'); // overdue: shown today
    const followUp = events.find((e) => e.uid.startsWith('followup-'))!;
    expect(followUp.summary).toBe('Follow up with Ana Silva: Send the RFC');
    expect(followUp.startDate.toString()).toBe('2026-12-03');
    const leap = byUid.get('birthday-ana-silva@rel')!;
    expect(leap.summary).toBe("Ana Silva's birthday");
    const it = leap.iterator();
    const dates: string[] = [];
    for (let next = it.next(); next && dates.length < 6; next = it.next()) dates.push(next.toString());
    expect(dates).toEqual([
      '1992-02-29',
      '1993-02-28',
      '1994-02-28',
      '1995-02-28',
      '1996-02-29',
      '1997-02-28',
    ]);
    expect(byUid.get('birthday-bo-li@rel')!.isRecurring()).toBe(true);
  });

  it('refuses what it cannot do, with exit 2 and nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['export', '--format', 'xml'], /--format "xml" is not one rel writes/],
      [['export', '--table', 'people'], /--table goes with --format csv/],
      [['export', '--format', 'csv', '--table', 'notes'], /--table "notes"/],
      [['export', '--format', 'ics', '--since', '1m'], /--since does not apply/],
      [['export', '--person', 'zed'], /No one called "zed"/],
      [['export', '--since', '05/06/2026'], /ambiguous/],
      [['export', '--since', 'tomorrow'], /--since 2026-11-28 is in the future/],
      [['export', '--format', 'md', '--since', '2027-01-01'], /--since 2027-01-01 is in the future/],
    ];
    for (const [args, message] of cases) {
      const r = await rel(args, { store });
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
  });

  it('on a missing store exports an empty journal and creates nothing', async () => {
    const missing = tempStore('none');
    expect(JSON.parse(await ok(['export'], { store: missing })).people).toEqual([]);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('rel export --out never writes over the journal or what rel keeps beside it', () => {
  // Found by a tester: `--out` naming the journal replaced it with a calendar feed, and with no
  // backup of the last change, that change was gone for good.
  const folderOf = (store: string) =>
    Object.fromEntries(
      fs.readdirSync(path.dirname(store)).map((f) => [f, fs.readFileSync(path.join(path.dirname(store), f))]),
    );

  it.each<[string, (store: string) => string, string[], RegExp]>([
    ['the journal', (store) => store, ['--format', 'ics'], /is the journal itself/],
    ['the journal, as markdown', (store) => store, ['--format', 'markdown'], /is the journal itself/],
    [
      'the journal by a relative path',
      (store) => path.relative(process.cwd(), store),
      ['--format', 'json'],
      /is the journal itself/,
    ],
    [
      'a symlink to the journal',
      (store) => {
        const link = path.join(tempDir('export-link'), 'j.ics');
        fs.symlinkSync(store, link);
        return link;
      },
      ['--format', 'ics'],
      /is the journal itself/,
    ],
    [
      'a hard link to the journal',
      (store) => {
        const link = path.join(tempDir('export-hard'), 'j.ics');
        fs.linkSync(store, link);
        return link;
      },
      ['--format', 'vcard'],
      /is the journal itself/,
    ],
    [
      'the newest backup',
      (store) => path.join(path.dirname(store), `.${path.basename(store)}.backup-1`),
      ['--format', 'ics'],
      /a file rel keeps beside the journal/,
    ],
    [
      'the undo data',
      (store) => path.join(path.dirname(store), `.${path.basename(store)}.undo`),
      ['--format', 'markdown'],
      /a file rel keeps beside the journal/,
    ],
    ['the lock', (store) => `${store}.lock`, ['--format', 'ics'], /a file rel keeps beside the journal/],
  ])('%s: exit 2, every file as it was', async (_, outOf, args, said) => {
    const store = tempStore('export-over');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['log', 'ana', '--note', 'last change before export'], { store });
    const out = outOf(store);
    const before = folderOf(store);
    const r = await rel(['export', ...args, '--out', out], { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(said);
    expect(r.stderr).toContain('Nothing was written');
    expect(folderOf(store)).toEqual(before);
  });

  it('a CSV folder whose table would land on the journal (a journal named people.csv): refused', async () => {
    const folder = tempDir('export-csv-folder');
    const store = path.join(folder, 'people.csv');
    await ok(['add', 'Ana Silva'], { store });
    const before = folderOf(store);
    const r = await rel(['export', '--format', 'csv', '--out', folder], { store });
    expect(r.code, r.stderr).toBe(2);
    expect(folderOf(store)).toEqual(before);
  });

  it('rel agenda --out the journal: refused the same way', async () => {
    const store = tempStore('agenda-over');
    await ok(['add', 'Ana Silva'], { store });
    const before = folderOf(store);
    const r = await rel(['agenda', 'ana', '--out', store], { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/is the journal itself/);
    expect(folderOf(store)).toEqual(before);
  });

  it("rel agenda --out another journal's backup: refused, offering rel-agenda.md", async () => {
    const folder = tempDir('agenda-other');
    const store = path.join(folder, 'c.json');
    const other = path.join(folder, 'k.json');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['add', 'Ben Okafor'], { store: other });
    await ok(['log', 'ben', '--note', 'kept in the backup'], { store: other });
    const backup = path.join(folder, '.k.json.backup-1');
    const before = folderOf(store);
    const r = await rel(['agenda', 'ana', '--out', backup], { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('is a file rel keeps beside a journal');
    expect(r.stderr).toContain(`e.g. --out ${path.join(folder, 'rel-agenda.md')}.`);
    expect(folderOf(store)).toEqual(before);
  });

  // Found by a tester: --out .k.json.backup-1 --force, run on the journal c.json beside k.json,
  // replaced k.json's backup without a word.
  it.each<[string, (other: string) => string, string[], string]>([
    [
      'its newest backup',
      (other) => path.join(path.dirname(other), `.${path.basename(other)}.backup-1`),
      [],
      'rel-export.json',
    ],
    [
      'its undo data',
      (other) => path.join(path.dirname(other), `.${path.basename(other)}.undo`),
      ['--format', 'markdown'],
      'rel-export.md',
    ],
    ['its lock', (other) => `${other}.lock`, ['--format', 'ics'], 'rel.ics'],
    [
      'its copy before a restore',
      (other) => path.join(path.dirname(other), `.${path.basename(other)}.before-restore-2`),
      [],
      'rel-export.json',
    ],
    [
      'a temp file of its undo data',
      (other) => path.join(path.dirname(other), `.${path.basename(other)}.undo.4242.00ff00ff.tmp`),
      [],
      'rel-export.json',
    ],
    [
      'a CSV folder named as its backup',
      (other) => path.join(path.dirname(other), `.${path.basename(other)}.backup-3`),
      ['--format', 'csv'],
      'rel-export.csv',
    ],
    [
      'a CSV file named as its backup',
      (other) => path.join(path.dirname(other), `.${path.basename(other)}.backup-3.csv`),
      ['--format', 'csv'],
      'rel-export.csv',
    ],
  ])(
    "another journal's file in the same folder, %s: refused even with --force",
    async (_, outOf, args, offered) => {
      const folder = tempDir('export-other');
      const store = path.join(folder, 'c.json');
      const other = path.join(folder, 'k.json');
      await ok(['add', 'Ana Silva'], { store });
      await ok(['add', 'Ben Okafor'], { store: other });
      await ok(['log', 'ben', '--note', 'kept in the backup'], { store: other });
      const out = outOf(other);
      if (!out.endsWith('.csv') && !args.includes('csv')) fs.writeFileSync(out, 'what rel kept\n');
      const before = folderOf(store);
      const r = await rel(['export', ...args, '--out', out, '--force'], { store });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('is a file rel keeps beside a journal');
      expect(r.stderr).toContain('Nothing was written');
      expect(r.stderr).toContain(`Give --out another name, e.g. --out ${path.join(folder, offered)}.`);
      expect(folderOf(store)).toEqual(before);
    },
  );

  it("a file in rel's state folder (a journal's summary): refused even with --force", async () => {
    const store = tempStore('export-state');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['due'], { store });
    const state = relEnv({ store }).XDG_STATE_HOME!;
    const summary = path.join(state, 'rel', fs.readdirSync(path.join(state, 'rel'))[0]!);
    const kept = fs.readFileSync(summary);
    const r = await rel(['export', '--out', summary, '--force'], { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("is in rel's state folder");
    // offered beside the journal, not in the state folder again
    expect(r.stderr).toContain(`e.g. --out ${path.join(path.dirname(store), 'rel-export.json')}.`);
    expect(fs.readFileSync(summary)).toEqual(kept);
  });

  it.each([
    ['the settings file', 'XDG_CONFIG_HOME', 'rel/config.json', "is in rel's settings folder"],
    ['a new file among the settings', 'XDG_CONFIG_HOME', 'rel/export.json', "is in rel's settings folder"],
    [
      "the unlock agent's folder",
      'XDG_RUNTIME_DIR',
      'rel/agent.json',
      "is in the folder of rel's unlock agent",
    ],
  ])('%s: refused even with --force, and the settings still read', async (_, variable, name, says) => {
    const store = tempStore('export-config');
    const home = tempDir('export-config-home');
    // The settings kept between commands (each otherwise gets a fresh settings folder).
    const env = { XDG_CONFIG_HOME: tempDir('export-config-settings'), [variable]: home };
    await ok(['add', 'Ana Silva'], { store, env });
    await ok(['config', 'set', 'default-cadence', '3w'], { store, env });
    const file = path.join(home, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const before = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    // rel agenda replaces its file without --force: refused all the same.
    for (const args of [
      ['export', '--force'],
      ['export', '--format', 'markdown', '--force'],
      ['agenda', 'ana'],
    ]) {
      const r = await rel([...args, '--out', file], { store, env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(says);
      expect(r.stderr).toContain('Nothing was written');
      expect(r.stderr).toContain(`e.g. --out ${path.join(path.dirname(store), '')}`);
    }
    expect(fs.existsSync(file) ? fs.readFileSync(file) : undefined).toEqual(before);
    // and a csv folder there: neither table written
    const r = await rel(['export', '--format', 'csv', '--out', path.dirname(file), '--force'], {
      store,
      env,
    });
    expect(r.code, r.stderr).toBe(2);
    expect(fs.existsSync(path.join(path.dirname(file), 'people.csv'))).toBe(false);
    expect(await ok(['config', 'get', 'default-cadence'], { store, env })).toContain('every 3 weeks');
  });

  it.each(['temp-write', 'fsync', 'rename'])(
    'a failed write at %s says nothing was written there, not that a change was not saved',
    async (step) => {
      const store = tempStore('export-fails');
      await ok(['add', 'Ana Silva'], { store });
      const out = path.join(tempDir('export-fails-out'), 'x.json');
      const before = bytesOf(store);
      const r = await rel(['export', '--out', out], { store, env: { REL_FAULT: `${step}:fail` } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Cannot write ${out}: ENOSPC`);
      expect(r.stderr).toContain('Nothing was written there; the journal is as it was.');
      expect(r.stderr).not.toContain('Nothing was saved');
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readdirSync(path.dirname(out))).toEqual([]);
      expect(bytesOf(store)).toEqual(before);
    },
  );

  it.each(['ics', 'vcard', 'vcard3'])(
    '--format %s: stdout holds the very bytes --out writes, CRLF at the end too',
    async (format) => {
      const store = await seed();
      const out = path.join(tempDir(`export-same-${format}`), 'x');
      const printed = (await rel(['export', '--format', format], { store, now: '2026-11-20' })).stdout;
      await ok(['export', '--format', format, '--out', out], { store, now: '2026-11-20' });
      expect(printed.endsWith('\r\n')).toBe(true);
      expect(printed).toBe(fs.readFileSync(out, 'utf8'));
    },
  );

  it("the hint offers a name of its own in the same folder, not the refused one's extension", async () => {
    const store = tempStore('export-hint');
    await ok(['add', 'Ana Silva'], { store });
    const out = path.join(path.dirname(store), `.${path.basename(store)}.undo`);
    const r = await rel(['export', '--format', 'csv', '--out', `${out}.csv`], { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toContain('rel-out');
    expect(r.stderr).not.toContain("outside the journal's own");
    expect(r.stderr).toContain(`--out ${path.join(path.dirname(store), 'rel-export.csv')}.`);
  });

  it('a file beside the journal that is not one of its own is written', async () => {
    const store = tempStore('export-beside');
    await ok(['add', 'Ana Silva'], { store });
    const out = path.join(path.dirname(store), 'export.ics');
    await ok(['export', '--format', 'ics', '--out', out], { store });
    expect(fs.readFileSync(out, 'utf8')).toContain('BEGIN:VCALENDAR');
  });
});

describe('rel export --out never replaces a file already there unless told to (--force)', () => {
  // Found by a tester: `--out` a second time, or onto any file of that name, replaced it without a
  // word, and last month's export (or an unrelated file) was gone.
  const OLD = 'last month\n';
  async function journal(tag: string): Promise<string> {
    const store = tempStore(tag);
    await ok(['add', 'Ana Silva'], { store });
    return store;
  }

  it.each<[string, string[], string]>([
    ['json', [], 'backup.json'],
    ['markdown', ['--format', 'md'], 'notes.md'],
    ['ics', ['--format', 'ics'], 'rel.ics'],
    ['vcard', ['--format', 'vcard'], 'people.vcf'],
    ['one csv table', ['--format', 'csv', '--table', 'people'], 'people.csv'],
  ])(
    '%s: refused (exit 2), naming the file and --force; the file as it was; --force replaces it',
    async (_, args, name) => {
      const store = await journal('export-exists');
      const file = path.join(tempDir('export-exists-out'), name);
      fs.writeFileSync(file, OLD);
      const r = await rel(['export', ...args, '--out', file], { store });
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
        code: 2,
        stdout: '',
        stderr: `rel: --out ${file}: ${file} already exists (11 bytes). Nothing was written.\n  Add --force to replace it, or give --out another name.\n`,
      });
      expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
      expect(fs.readdirSync(path.dirname(file))).toEqual([name]);
      const forced = await rel(['export', ...args, '--out', file, '--force'], { store });
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stderr).toMatch(new RegExp(`^Wrote (the people table to )?${file} \\(`));
      expect(fs.readFileSync(file, 'utf8')).not.toBe(OLD);
    },
  );

  it('an --out folder: its rel-export.json already there is refused the same way', async () => {
    const store = await journal('export-exists-folder');
    const folder = tempDir('export-exists-folder-out');
    await ok(['export', '--out', folder], { store });
    const first = bytesOf(path.join(folder, 'rel-export.json'));
    await ok(['add', 'Bo Li'], { store });
    for (const out of [folder, `${folder}/`]) {
      const r = await rel(['export', '--out', out], { store });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--out ${out}: ${path.join(folder, 'rel-export.json')} already exists (`);
      expect(bytesOf(path.join(folder, 'rel-export.json'))).toEqual(first);
    }
    await ok(['export', '--out', folder, '--force'], { store });
    expect(readJson(path.join(folder, 'rel-export.json')).people).toHaveLength(2);
  });

  it('csv into a folder: one table already there keeps both from being written', async () => {
    const store = await journal('export-exists-csv');
    const folder = tempDir('export-exists-csv-out');
    fs.writeFileSync(path.join(folder, 'conversations.csv'), OLD);
    const r = await rel(['export', '--format', 'csv', '--out', folder], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(folder, 'conversations.csv')} already exists (11 bytes)`);
    expect(fs.readdirSync(folder)).toEqual(['conversations.csv']);
    expect(fs.readFileSync(path.join(folder, 'conversations.csv'), 'utf8')).toBe(OLD);
    await ok(['export', '--format', 'csv', '--out', folder, '--force'], { store });
    expect(fs.readdirSync(folder).sort()).toEqual(['conversations.csv', 'people.csv']);
  });

  it('an empty file (made by mktemp or touch) is written without --force', async () => {
    const store = await journal('export-empty');
    const file = path.join(tempDir('export-empty-out'), 'out.json');
    fs.writeFileSync(file, '');
    await ok(['export', '--out', file], { store });
    expect(readJson(file).people).toHaveLength(1);
  });

  it('--force never lets --out replace the journal', async () => {
    const store = await journal('export-force-journal');
    const before = bytesOf(store);
    const r = await rel(['export', '--format', 'ics', '--out', store, '--force'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the journal itself/);
    expect(bytesOf(store)).toEqual(before);
  });

  it('--force without --out: exit 2, nothing on stdout', async () => {
    const store = await journal('export-force-alone');
    const r = await rel(['export', '--force'], { store });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'rel: --force goes with --out.\n']);
  });

  it('a replace that fails (disk full at the rename) leaves the old file whole and no temp file', async () => {
    const store = await journal('export-force-fails');
    const folder = tempDir('export-force-fails-out');
    const file = path.join(folder, 'backup.json');
    fs.writeFileSync(file, OLD);
    const r = await rel(['export', '--out', file, '--force'], { store, env: { REL_FAULT: 'rename:fail' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Cannot write ${file}`);
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
    expect(fs.readdirSync(folder)).toEqual(['backup.json']);
  });

  it('--help names --force', async () => {
    const help = await ok(['export', '--help'], { env: { COLUMNS: '200' } });
    expect(help).toMatch(/--force +with --out: replace a file already there \(never the journal\)/);
    expect(help).toContain('$ rel export --out backup.json --force');
  });
});
