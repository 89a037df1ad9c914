// rel inbox end to end, and the e-mail addresses on people that it matches attendees by.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOGLE, PEOPLE, writeCalendars } from '../helpers/calendars.js';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

describe('e-mail addresses on people', () => {
  it('add and edit record them, profile shows them, and a taken or malformed one is refused', async () => {
    const store = tempStore('emails');
    const o = { store };
    await ok(
      ['add', 'Ana Silva', '--email', 'Ana@Example.com', '--email', 'mailto:ana.silva@home.example'],
      o,
    );
    await ok(['add', 'Ben Okafor'], o);
    expect(readJson(store).people[0].emails).toEqual(['Ana@Example.com', 'ana.silva@home.example']);
    // Someone without an address has no field at all, as in journals written before them.
    expect(readJson(store).people[1]).not.toHaveProperty('emails');

    const before = bytesOf(store);
    for (const args of [
      ['add', 'Cy Young', '--email', 'ana@example.com'],
      ['edit', 'ben', '--email', 'ANA@example.com'],
      ['edit', 'ben', '--email', 'not-an-address'],
      ['edit', 'ben', '--remove-email', 'ben@example.com'],
    ]) {
      const r = await rel(args, o);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/already Ana Silva's address|not an e-mail address|has no e-mail address/);
    }
    expect(bytesOf(store)).toEqual(before);

    expect(await ok(['edit', 'ben', '--email', 'ben@example.com'], o)).toContain('emails ben@example.com');
    await ok(['edit', 'ana', '--remove-email', 'ANA@example.com', '--email', 'ana@work.example'], o);
    const ana = JSON.parse(await ok(['profile', 'ana', '--json'], o));
    expect(ana.emails).toEqual(['ana.silva@home.example', 'ana@work.example']);
    expect(await ok(['profile', 'ana'], o)).toContain('ana.silva@home.example, ana@work.example');
    expect(JSON.parse(await ok(['profile', 'ben', '--json'], o)).emails).toEqual(['ben@example.com']);
  });

  it('the calendar and me settings are kept by rel config', async () => {
    const store = tempStore('emails-config');
    const env = { XDG_CONFIG_HOME: `${store}.config` };
    await ok(['config', 'set', 'me', 'Me@Example.com, me@home.example'], { store, env });
    await ok(['config', 'set', 'calendar', '/tmp/work.ics'], { store, env });
    const rows = JSON.parse(await ok(['config', 'list', '--json'], { store, env }));
    expect(rows.find((r: { key: string }) => r.key === 'me').value).toBe('me@example.com, me@home.example');
    expect(rows.find((r: { key: string }) => r.key === 'calendar').value).toBe('/tmp/work.ics');
    expect((await rel(['config', 'set', 'me', 'nobody'], { store, env })).code).toBe(2);
  });
});

const NOW = '2026-11-27T12:00:00';

/** A journal with the fixtures' people, added in October so that everyone is due. */
function setup(tag: string, env: Record<string, string> = { REL_ME: 'me@example.com' }) {
  const store = tempStore(tag);
  const folder = path.join(path.dirname(path.dirname(store)), 'calendars');
  const files = writeCalendars(folder);
  const o = { store, now: NOW, env: { TZ: 'Europe/London', REL_CALENDAR: folder, ...env } };
  const people = PEOPLE.map(([name, , email]) =>
    person(slug(name!), name!, {
      createdAt: '2026-10-01T09:00:00.000Z',
      ...(email ? { emails: [email] } : {}),
    }),
  );
  writeJournal(store, journalText(people));
  return { store, folder, files, o };
}

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

const inboxJson = async (o: object, ...args: string[]) =>
  JSON.parse(await ok(['inbox', '--json', '--since', '2026-11-01', ...args], o)) as {
    id: string;
    title: string;
    start: string;
    people: { id: string }[];
    size: number;
    counts: string;
    kind: string;
  }[];

const weekdays = (from: number, to: number, time: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
    .filter((d) => ![7, 8, 14, 15, 21, 22].includes(d))
    .map((d) => `2026-11-${String(d).padStart(2, '0')}T${time}`);

const EXPECTED = [
  ...['2026-11-02T10:00', '2026-11-17T14:00', '2026-11-26T15:00'].map((s) => `Ana <> Me 1:1 ${s}`),
  ...weekdays(2, 27, '09:30').map((s) => `Daily stand-up ${s}`),
  'Coffee with Ben and Chloé 2026-11-20T15:00',
  ...['02', '09', '16', '23'].map((d) => `Partner call 2026-11-${d}T14:00`),
  'Lunch with Eve 2026-11-24T12:00',
  'Walk with Ben Okafor 2026-11-25T17:00',
  ...['04', '11', '18', '25'].map((d) => `Planning: Ana & Ben 2026-11-${d}T09:00`),
  ...['04', '11', '18', '25'].map((d) => `Weekly sync 2026-11-${d}T14:00`),
].sort();

const shown = (rows: { title: string; start: string }[]) =>
  rows.map((r) => `${r.title} ${r.start.slice(0, 16)}`).sort();

// Each test runs rel a dozen times or more: a loaded machine needs more than the default minute.
describe('rel inbox', { timeout: 240_000 }, () => {
  it('lists exactly the meetings to log from a Google and an Outlook export', async () => {
    const { o, files } = setup('inbox-list');
    const rows = await inboxJson(o);
    expect(shown(rows)).toEqual(EXPECTED);
    expect(rows.find((r) => r.title === 'Daily stand-up')).toMatchObject({ size: 7, counts: 'group' });
    expect(rows.find((r) => r.title === 'Lunch with Eve')).toMatchObject({ kind: 'meal', counts: 'alone' });
    // The same from the two files named one by one, and from the folder given on the command line.
    const byFile = await inboxJson(o, '--calendar', files.google, '--calendar', files.outlook);
    expect(byFile.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    // The default window is the last 14 days.
    const recent = JSON.parse(await ok(['inbox', '--json'], o)) as { start: string }[];
    expect(recent.every((r) => r.start >= '2026-11-13')).toBe(true);
    expect(recent.length).toBeGreaterThan(0);
    const table = await ok(['inbox', '--since', '2026-11-20'], { ...o, env: { ...o.env, COLUMNS: '140' } });
    expect(table).toContain('Coffee with Ben and Chloé');
    expect(table).toContain('Gus Grant <gus@example.com>');
  });

  it('in a narrow terminal the id stays whole: the less important columns go first', async () => {
    const { o } = setup('inbox-narrow');
    const rows = await inboxJson(o);
    for (const columns of [30, 40, 50, 60, 80]) {
      const env = { ...o.env, COLUMNS: String(columns) };
      const table = await ok(['inbox', '--since', '2026-11-01', '--offline', '--no-input'], { ...o, env });
      const all = table.split('\n');
      // The heading and the table (or, narrower, a block a meeting, a blank line between them).
      const lines = all.slice(
        0,
        all.findIndex((l) => /^(Not in your journal|Log one:)/.test(l)),
      );
      expect(Math.max(...all.map((l) => l.length)), `${columns} columns`).toBeLessThanOrEqual(columns);
      // Each id at the start of a line, whole: it is what `rel inbox log` is given.
      const ids = lines.map((l) => /^([0-9a-f]{8})\s/.exec(l)?.[1]).filter(Boolean);
      expect(ids.sort(), `${columns} columns`).toEqual(rows.map((r) => r.id).sort());
    }
  });

  it('at 80 columns a meeting takes a line: no name is split, a big meeting names two and counts the rest', async () => {
    const { o } = setup('inbox-80');
    const env = { ...o.env, COLUMNS: '80' };
    const table = async () => {
      const lines = (
        await ok(['inbox', '--since', '2026-11-20', '--offline', '--no-input'], { ...o, env })
      ).split('\n');
      return lines.slice(0, lines.indexOf(''));
    };
    const standUps = (lines: string[]) => lines.filter((l) => l.includes('Daily stand-up'));
    // The stand-up: Ben and Ana of the journal, five who are not.
    let lines = await table();
    expect(standUps(lines)).toHaveLength(6);
    for (const line of standUps(lines)) {
      expect(line).toMatch(/ {2}Ben Okafor, Ana Silva \+5 {2}meeting$/);
      // One line: the next is the next meeting (or the end of the table).
      expect(lines[lines.indexOf(line) + 1] ?? '').toMatch(/^[0-9a-f]{8} |^$/);
    }
    // The title gives way before the names: who was there is whole on the meeting's first line.
    for (const row of await inboxJson(o, '--since', '2026-11-20', '--offline')) {
      const line = lines.find((l) => l.startsWith(row.id))!;
      const names = (row.people as unknown as { name: string }[]).map((p) => p.name);
      if (names.length <= 3) expect(line).toContain(names.join(', '));
    }
    // With two more of them in the journal, still two names and how many others.
    await ok(['add', 'Gus Grant', '--email', 'gus@example.com'], o);
    await ok(['add', 'Hana Ito', '--email', 'hana@example.com'], o);
    lines = await table();
    expect(
      JSON.parse(await ok(['inbox', '--json', '--since', '2026-11-27', '--offline'], o))[0].people,
    ).toHaveLength(4);
    for (const line of standUps(lines)) expect(line).toMatch(/ {2}Ben Okafor, Ana Silva \+5 {2}meeting$/);
  });

  it('without `me`, says once how to set it and counts every attendee but one', async () => {
    const { o } = setup('inbox-me', {});
    const r = await rel(['inbox', '--json', '--since', '2026-11-01'], o);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/rel config set me/g)).toHaveLength(1);
    const rows = JSON.parse(r.stdout) as { title: string; size: number }[];
    expect(rows.find((x) => x.title === 'Daily stand-up')!.size).toBe(7);
    // The declined invitation cannot be told apart without `me`.
    expect(rows.some((x) => x.title === 'Roadmap review')).toBe(true);
  });

  it('inbox log <id> logs one meeting with its facts and the notes given; it leaves the inbox', async () => {
    const { o } = setup('inbox-log');
    const rows = await inboxJson(o);
    const oneToOne = rows.find((r) => r.title === 'Ana <> Me 1:1' && r.start.startsWith('2026-11-26'))!;
    const saved = JSON.parse(
      await ok(
        [
          'inbox',
          'log',
          oneToOne.id.slice(0, 5),
          '--note',
          'Roadmap',
          '--heard',
          'Tired of on-call',
          '--json',
        ],
        o,
      ),
    );
    expect(saved).toMatchObject({
      date: '2026-11-26',
      kind: '1:2:1',
      minutes: 30,
      note: 'Roadmap',
      heard: ['Tired of on-call'],
      eventId: oneToOne.id,
      // As rel log --json and rel profile --json say it: a one-to-one is time together.
      class: 'alone',
      together: true,
    });
    expect(JSON.parse(await ok(['due', '--json'], o)).map((d: { id: string }) => d.id)).not.toContain(
      'ana-silva',
    );
    expect((await inboxJson(o)).map((r) => r.id)).not.toContain(oneToOne.id);
    const again = await rel(['inbox', 'log', oneToOne.id], o);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already logged');
    // Too short to be an id: say what an id needs.
    const short = await rel(['inbox', 'log', '69'], o);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('There is no meeting "69": an id needs at least 4 characters.');
  });

  it('a meeting whose end is before its start has no length: "no length", minutes null, logged without minutes', async () => {
    const { o, folder } = setup('inbox-backwards');
    const file = path.join(folder, 'backwards.ics');
    fs.writeFileSync(
      file,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//test//EN',
        'BEGIN:VEVENT',
        'UID:backwards@test',
        'DTSTART:20261125T140000Z',
        'DTEND:20261123T150000Z',
        'SUMMARY:Backwards with Ana',
        'ORGANIZER:mailto:me@example.com',
        'ATTENDEE;CN=Ana Silva:mailto:ana@example.com',
        'ATTENDEE:mailto:me@example.com',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const rows = JSON.parse(
      await ok(['inbox', '--json', '--since', '2026-11-01', '--calendar', file], o),
    ) as { id: string; minutes: number | null }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.minutes).toBeNull();
    // Wide enough for the length column, which a table of 80 columns leaves out first.
    const wide = { ...o, env: { ...o.env, COLUMNS: '140' } };
    expect(await ok(['inbox', '--since', '2026-11-01', '--calendar', file, '--no-input'], wide)).toContain(
      'no length',
    );
    const saved = JSON.parse(await ok(['inbox', 'log', rows[0]!.id, '--calendar', file, '--json'], o));
    expect(saved).toMatchObject({ date: '2026-11-25', minutes: null });
  });

  it('a state folder that cannot be written leaves the listing whole, with a warning', async () => {
    const { o, store } = setup('inbox-state-full');
    const listed = await ok(['inbox', '--json'], o);
    // A file where the state folder should be: every write there fails, as on a full disk.
    const blocked = path.join(path.dirname(store), 'state-is-a-file');
    fs.writeFileSync(blocked, '');
    const r = await rel(['inbox', '--json'], { ...o, env: { ...o.env, XDG_STATE_HOME: blocked } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(listed);
    expect(r.stderr).toContain('rel: warning: what rel due says of meetings to log could not be kept (');
    expect(r.stderr).toContain('the inbox is listed all the same.');
  });

  it('a group meeting logged does not hide a one-to-one that day with one of its people', async () => {
    const { o } = setup('inbox-shape');
    const rows = await inboxJson(o);
    const on25 = (title: string) => rows.find((r) => r.title === title && r.start.startsWith('2026-11-25'))!;
    const standup = on25('Daily stand-up');
    const walk = on25('Walk with Ben Okafor');
    await ok(['inbox', 'log', standup.id], o);
    const left = (await inboxJson(o)).map((r) => r.id);
    expect(left).not.toContain(standup.id);
    expect(left).toContain(walk.id);
    expect(JSON.parse(await ok(['inbox', 'log', walk.id, '--json'], o))).toMatchObject({
      date: '2026-11-25',
      with: ['Ben Okafor'],
      eventId: walk.id,
    });
    // By hand, a one-to-one stands for a one-to-one only: the planning meeting with Ana that day stays.
    await ok(['log', 'ana', '--date', '2026-11-25', '--note', 'x'], o);
    expect((await inboxJson(o)).map((r) => r.title + r.start.slice(0, 10))).toContain(
      'Planning: Ana & Ben2026-11-25',
    );
  });

  it("inbox log <id> takes rel log's --their-follow-up, --step and --thanks; --all refuses them", async () => {
    const { o, store } = setup('inbox-log-growth');
    await ok(['ambition', 'ana', 'Speak at a conference'], o);
    const oneToOne = (await inboxJson(o)).find(
      (r) => r.title === 'Ana <> Me 1:1' && r.start.startsWith('2026-11-26'),
    )!;
    const before = bytesOf(store);
    for (const flag of ['--step', '--thanks', '--their-follow-up']) {
      const r = await rel(['inbox', 'log', '--all', flag, 'x'], o);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toContain('notes belong to one meeting');
    }
    // A step picks an active ambition; one that picks none is refused, and nothing is written.
    const wrong = await rel(['inbox', 'log', oneToOne.id, '--step', 'cello: Played a gig'], o);
    expect(wrong.code).toBe(2);
    expect(bytesOf(store)).toEqual(before);
    await ok(
      [
        'inbox',
        'log',
        oneToOne.id,
        '--step',
        'conference: Sent her talk to the meetup',
        '--thanks',
        'The roadmap review',
        '--their-follow-up',
        'Send the slides',
        '--due',
        '2026-12-04',
      ],
      o,
    );
    const journal = readJson(store);
    const ana = journal.people.find((p: { id: string }) => p.id === 'ana-silva');
    const logged = journal.conversations.find((c: { eventId?: string }) => c.eventId === oneToOne.id);
    expect(ana.ambitions[0].steps).toMatchObject([
      { text: 'Sent her talk to the meetup', on: '2026-11-26', conversationId: logged.id },
    ]);
    expect(ana.thanks).toMatchObject([
      { text: 'The roadmap review', on: '2026-11-26', conversationId: logged.id },
    ]);
    expect(journal.followUps).toMatchObject([
      { personId: 'ana-silva', text: 'Send the slides', owner: 'them', due: '2026-12-04' },
    ]);
    expect(logged).toMatchObject({ date: '2026-11-26', kind: '1:2:1', minutes: 30 });
  });

  it('inbox log --all makes rel due right and empties the inbox; one undo takes it back', async () => {
    const { o, store } = setup('inbox-log-all');
    expect(JSON.parse(await ok(['due', '--json'], o))).toHaveLength(PEOPLE.length);
    const before = bytesOf(store);
    expect((await rel(['inbox', 'log', '--all', '--note', 'x'], o)).code).toBe(2);
    expect(bytesOf(store)).toEqual(before);
    expect(await ok(['inbox', 'log', '--all', '--since', '2026-11-01'], o)).toContain(
      `${EXPECTED.length} meetings logged`,
    );
    expect(await inboxJson(o)).toEqual([]);
    expect(JSON.parse(await ok(['due', '--json'], o))).toEqual([]);
    const journal = readJson(store);
    const standup = journal.conversations.find(
      (c: { date: string; with: string[] }) =>
        c.with.includes('ben-okafor') && c.with.length === 2 && c.date === '2026-11-27',
    );
    // The stand-up of eight keeps its size: two people known, seven there.
    expect(standup).toMatchObject({ size: 7, kind: 'meeting', minutes: 15 });
    // So it is seen, but a group is not time together: Ana's last time together was the 1:1.
    const ana = JSON.parse(await ok(['due', '--json', '--within', '60d'], o)).find(
      (d: { id: string }) => d.id === 'ana-silva',
    );
    expect(ana).toMatchObject({ lastSeen: '2026-11-27', lastTogether: '2026-11-26' });
    await ok(['undo'], o);
    expect(await inboxJson(o)).toHaveLength(EXPECTED.length);
  });

  it('dismissals are kept in the journal: they survive a restart, undo and restore take them back', async () => {
    const { o, store } = setup('inbox-dismiss');
    const rows = await inboxJson(o);
    const lunch = rows.find((r) => r.title === 'Lunch with Eve')!;
    const standup = rows.find((r) => r.title === 'Daily stand-up')!;
    await ok(['inbox', 'dismiss', lunch.id], o);
    expect(shown(await inboxJson(o))).toEqual(EXPECTED.filter((e) => !e.startsWith('Lunch')));
    await ok(['undo'], o);
    expect((await inboxJson(o)).map((r) => r.id)).toContain(lunch.id);

    expect(await ok(['inbox', 'dismiss', standup.id, '--series'], o)).toContain('rel inbox restore');
    expect((await inboxJson(o)).some((r) => r.title === 'Daily stand-up')).toBe(false);
    const dismissed = JSON.parse(await ok(['inbox', '--dismissed', '--json'], o));
    expect(dismissed).toHaveLength(1);
    expect(dismissed[0]).toMatchObject({ series: true, title: 'Daily stand-up' });
    expect(readJson(store).dismissals).toHaveLength(1);
    const twice = await rel(['inbox', 'dismiss', standup.id], o);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already dismissed');
    await ok(['inbox', 'restore', dismissed[0].id], o);
    expect(shown(await inboxJson(o))).toEqual(EXPECTED);
    expect((await rel(['inbox', 'restore', dismissed[0].id], o)).code).toBe(2);
    expect(await ok(['doctor'], o)).toContain('All is well');
  });

  it('rel inbox log --asked is refused, pointing to rel ask done, with the store unchanged', async () => {
    const { o, store } = setup('inbox-asked');
    const lunch = (await inboxJson(o)).find((r) => r.title === 'Lunch with Eve')!;
    const before = bytesOf(store);
    const r = await rel(['inbox', 'log', lunch.id, '--asked', 'canoe'], o);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rel inbox log does not take --asked');
    expect(r.stderr).toContain('rel ask done <name> canoe');
    expect(bytesOf(store)).toEqual(before);
  });

  it('a series is restored by the meeting id it was dismissed by, or by its own', async () => {
    const { o, store } = setup('inbox-restore-event');
    const standup = (await inboxJson(o)).find((r) => r.title === 'Daily stand-up')!;
    const seriesKey = async () => JSON.parse(await ok(['inbox', '--dismissed', '--json'], o))[0].id;
    await ok(['inbox', 'dismiss', standup.id, '--series'], o);
    expect(await seriesKey()).not.toBe(standup.id);
    expect(await ok(['inbox', 'restore', standup.id], o)).toContain('Restored every "Daily stand-up"');
    expect(shown(await inboxJson(o))).toEqual(EXPECTED);
    expect(readJson(store).dismissals).toEqual([]);
    await ok(['inbox', 'dismiss', standup.id, '--series'], o);
    await ok(['inbox', 'restore', standup.id.slice(0, 4)], o); // a prefix, as for every id
    expect(shown(await inboxJson(o))).toEqual(EXPECTED);
    await ok(['inbox', 'dismiss', standup.id, '--series'], o);
    await ok(['inbox', 'restore', await seriesKey()], o);
    expect(shown(await inboxJson(o))).toEqual(EXPECTED);
  });

  it('a file that is not a calendar is refused with the store unchanged; one bad event is skipped', async () => {
    const { o, store, folder } = setup('inbox-broken');
    const before = bytesOf(store);
    const notes = path.join(folder, 'notes.ics');
    fs.writeFileSync(notes, 'Dear diary,\nno meetings today.\n');
    // Named as the calendar, it is refused; in a folder of them, it is left out with a warning
    // (see "a folder with one bad file").
    for (const args of [['inbox'], ['inbox', 'log', '--all'], ['inbox', 'dismiss', 'abcd1234']]) {
      const r = await rel([...args, '--calendar', notes], o);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`${notes} is not an iCalendar file`);
    }
    const typo = await rel(['inbox', 'lgo'], o);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean rel inbox log?');
    const missing = await rel(['inbox', '--calendar', path.join(folder, 'gone.ics')], o);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no calendar at');
    const none = await rel(['inbox'], { ...o, env: { ...o.env, REL_CALENDAR: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('rel config set calendar');
    expect(bytesOf(store)).toEqual(before);

    fs.writeFileSync(notes, GOOGLE.replace('DTSTART:20261124T120000Z', 'DTSTART:2026-11-24'));
    const r = await rel(['inbox', '--json', '--since', '2026-11-01', '--calendar', notes], o);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipped the event "Lunch with Eve"/);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(20);
  });

  it('an older journal, without dismissals or e-mails, is read and written', async () => {
    const store = tempStore('inbox-old');
    fs.mkdirSync(path.dirname(store), { recursive: true });
    fs.writeFileSync(store, journalText([person('eve-nakamura', 'Eve Nakamura')]));
    const folder = path.join(path.dirname(path.dirname(store)), 'calendars');
    writeCalendars(folder);
    const o = {
      store,
      now: NOW,
      env: { TZ: 'Europe/London', REL_CALENDAR: folder, REL_ME: 'me@example.com' },
    };
    const rows = await inboxJson(o);
    expect(rows.map((r) => r.title)).toEqual(['Lunch with Eve']);
    await ok(['inbox', 'dismiss', rows[0]!.id], o);
    expect(await inboxJson(o)).toEqual([]);
    expect(await ok(['doctor'], o)).toContain('All is well');
    await ok(['edit', 'eve', '--email', 'eve@example.com'], o);
    expect(readJson(store).people[0].emails).toEqual(['eve@example.com']);
  });
});

describe('rel doctor and e-mail addresses', () => {
  it('warns about an address that two people have (two copies merged by sync can do that)', async () => {
    const store = tempStore('doctor-emails');
    fs.mkdirSync(path.dirname(store), { recursive: true });
    fs.writeFileSync(
      store,
      journalText([
        person('ana-silva', 'Ana Silva', { emails: ['ana@example.com'] }),
        person('ana-s', 'Ana S.', { emails: ['ANA@example.com'] }),
      ]),
      { mode: 0o600 },
    );
    const r = await rel(['doctor'], { store });
    expect(r.stdout + r.stderr).toContain('E-mail addresses that more than one person has: ana@example.com');
  });
});
