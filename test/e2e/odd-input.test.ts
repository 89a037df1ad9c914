// Odd files and odd dates: each is refused at once with its exit code, and the store is left
// byte for byte as it was.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { relAsync, rel as relProcess } from '../helpers/rel.js';
import { bytesOf, ok, type RunResult, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

const ana = () => journalText([person('ana-silva', 'Ana Silva')]);

describe('dates typed with a year before 1900 are exit 2, the store unchanged', { timeout: 120_000 }, () => {
  it.each([
    [['log', 'ana', '--date', '0026-11-20']],
    [['log', 'ana', '--date', '1899-12-31']],
    [['log', 'ana', '--follow-up', 'Send it', '--due', '0026-12-20']],
    [['todo', 'add', 'ana', 'Send it', '--due', '0027-01-01']],
    [['add', 'Ben Okafor', '--birthday', '0026-05-17']],
    [['snooze', 'ana', '--until', '0027-01-01']],
  ])('rel %j', async (args) => {
    const store = tempStore('early');
    writeJournal(store, ana());
    const before = bytesOf(store);
    const r = await rel(args, { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/before 1900/);
    expect(bytesOf(store)).toEqual(before);
  });

  it('REL_NOW with a year before 1900 is exit 2 too', async () => {
    const store = tempStore('early-now');
    writeJournal(store, ana());
    const before = bytesOf(store);
    const r = await rel(['log', 'ana', '--note', 'x'], { store, now: '0026-11-27' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('REL_NOW');
    expect(bytesOf(store)).toEqual(before);
  });
});

describe('dates and periods that would land past the year 9999 are exit 2, the store unchanged', {
  timeout: 120_000,
}, () => {
  // A period so long that the day it gives is past 9999 used to write "0NaN-NaN-NaN" into the
  // journal and fail only afterwards, leaving every report broken.
  it.each([
    [['todo', 'add', 'ana', 'far away', '--due', '300000y'], /--due "300000y" is after the year 9999/],
    [['todo', 'add', 'ana', 'far away', '--due', '7980y'], /--due "7980y" is after the year 9999/],
    [['todo', 'add', 'ana', 'far away', '--due', '10000-01-01'], /is after the year 9999/],
    [['log', 'ana', '--follow-up', 'x', '--due', '300000y'], /--due "300000y" is after the year 9999/],
    [['snooze', 'ana', '--until', '300000y'], /--until "300000y" is after the year 9999/],
    [['log', 'ana', '--date', '3000y'], /--date "3000y" is before 1900/],
    [['edit', 'ana', '--cadence', '300000y'], /a cadence is at most 10 years/],
    [['edit', 'ana', '--cadence', '99999999999d'], /a cadence is at most 10 years/],
    [['edit', 'ana', '--cadence', '11y'], /a cadence is at most 10 years/],
    [['add', 'Ben Okafor', '--cadence', '20000d'], /a cadence is at most 10 years/],
    [['left', 'ana', '--cadence', '300000y'], /a cadence is at most 10 years/],
    [['config', 'set', 'default-cadence', '300000y'], /a period up to 10 years/],
    [['due', '--within', '300000y'], /a period is at most 100 years/],
  ])('rel %j', async (args, said) => {
    const store = tempStore('late');
    writeJournal(store, ana());
    const before = bytesOf(store);
    // A config folder of its own: a setting taken by mistake must reach no other test.
    const config = tempDir('late-config');
    const r = await rel(args, { store, env: { XDG_CONFIG_HOME: config } });
    expect(fs.readdirSync(config)).toEqual([]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(said);
    expect(r.stderr).not.toMatch(/NaN|-972/);
    expect(bytesOf(store)).toEqual(before);
  });

  it('a cadence of ten years is taken', async () => {
    const store = tempStore('ten-years');
    writeJournal(store, ana());
    await ok(['edit', 'ana', '--cadence', '10y'], { store });
    expect(readJson(store).people[0].cadenceDays).toBe(3650);
  });
});

describe('a month or a week for --date is refused, never pinned to a day unsaid', {
  timeout: 120_000,
}, () => {
  // Found by a tester: "in december" on 3 December logged the 1st, "this week" the Sunday before.
  it.each(['in december', 'in november', 'this month', 'this week', 'this year'])(
    '--date %j',
    async (when) => {
      const store = tempStore('vague');
      writeJournal(store, ana());
      const before = bytesOf(store);
      const r = await rel(['log', 'ana', '--note', 'x', '--date', when], { store, now: '2026-12-03' });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`--date "${when}" is not a date rel understands.`);
      expect(bytesOf(store)).toEqual(before);
    },
  );

  it('a day in a month is still taken', async () => {
    const store = tempStore('vague-ok');
    writeJournal(store, ana());
    await ok(['log', 'ana', '--note', 'x', '--date', 'december 2'], { store, now: '2026-12-03' });
    expect(readJson(store).conversations[0].date).toBe('2026-12-02');
  });
});

describe('a cadence too long for the calendar, from a journal edited by hand', { timeout: 120_000 }, () => {
  // rel no longer takes such a cadence, but a synced or hand-edited journal may hold one: the
  // reports go on for everyone, the check-in shown on the calendar's last day.
  const journal = () =>
    journalText(
      [person('ana-silva', 'Ana Silva'), person('huge-cad', 'Huge Cad', { cadenceDays: 109_500_000 })],
      [conversation('c1', ['huge-cad'], '2026-11-20'), conversation('c2', ['ana-silva'], '2026-11-20')],
    );
  it.each([
    [['people'], /Huge Cad.*31 Dec 9999/],
    [['due'], /Ana Silva/],
    [['profile', 'huge'], /every 109500000 days · due in 7973 years · 31 Dec 9999/],
    [['stats'], /2 people/],
    [['export', '--format', 'ics'], /DTSTART;VALUE=DATE:99991231\r\n(?!DTEND)/],
    [['agenda', 'huge'], /every 109500000 days/],
  ])('rel %j works and shows it', async (args, shown) => {
    const store = tempStore('huge-cadence');
    writeJournal(store, journal());
    const r = await rel(args, { store, now: '2026-12-21' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/ +/g, ' ')).toMatch(shown);
  });

  it("rel due's next up says the year of a day far off", async () => {
    const store = tempStore('next-up-year');
    writeJournal(
      store,
      journalText(
        [person('huge-cad', 'Huge Cad', { cadenceDays: 1000 })],
        [conversation('c1', ['huge-cad'], '2026-11-20')],
      ),
    );
    const out = await ok(['due'], { store, now: '2026-12-02' });
    expect(out).toContain('Next up: Huge Cad, Thu 16 Aug 2029.');
  });
});

describe('odd files', { timeout: 120_000 }, () => {
  it.each([['due'], ['log', 'ana', '--note', 'x'], ['doctor'], ['encrypt']])(
    'a FIFO as the store: rel %j is refused at once, exit 1',
    async (...args) => {
      const dir = tempDir('fifo');
      const fifo = path.join(dir, 'journal.json');
      execFileSync('mkfifo', [fifo]);
      // A process of its own: were the check to go, reading the FIFO would block this one.
      const r = relProcess(args, { store: fifo, env: { REL_PASSPHRASE: 'x', REL_KDF_LOG_N: '10' } });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('is a FIFO');
      expect(fs.statSync(fifo).isFIFO()).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(['journal.json']);
    },
  );

  it.each([['due'], ['log', 'ana', '--note', 'x'], ['doctor']])(
    'a device as the store: rel %j is refused at once, exit 1',
    async (...args) => {
      // A process of its own: were the check to go, reading /dev/zero would never end.
      const r = relProcess(args, { store: '/dev/zero' });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('/dev/zero is a device');
    },
  );

  it('a symlink to a regular file is still a journal', async () => {
    const store = tempStore('link');
    writeJournal(store, ana());
    const link = path.join(path.dirname(store), 'link.json');
    fs.symlinkSync(store, link);
    expect(await ok(['people', '--json'], { store: link })).toContain('ana-silva');
  });

  it('invalid UTF-8 is refused with its byte offset, never rewritten; doctor reports it', async () => {
    const store = tempStore('utf8');
    const text = ana().replace('Ana Silva', 'Ana Silva\u00e9');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(0xc3);
    bytes[at + 1] = 0x28; // "é" with a broken second byte
    writeJournal(store, '');
    fs.writeFileSync(store, bytes);
    for (const args of [['due'], ['log', 'ana', '--note', 'x']]) {
      const r = await rel(args, { store });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `is not valid UTF-8: byte ${at} (0xc3, counting from 0) begins no character`,
      );
      expect(r.stderr).toContain('rel doctor');
      expect(bytesOf(store)).toEqual(bytes);
    }
    const doctor = await rel(['doctor', '--json'], { store });
    expect(doctor.code).toBe(1);
    expect(JSON.parse(doctor.stdout).findings).toContainEqual(
      expect.objectContaining({
        check: 'parse',
        severity: 'error',
        message: expect.stringContaining('UTF-8'),
      }),
    );
    expect(bytesOf(store)).toEqual(bytes);
  });

  it('a journal over the size limit says what the limit is and what to do, exit 1', async () => {
    const store = tempStore('huge');
    writeJournal(store, '');
    fs.truncateSync(store, 600 * 2 ** 20); // sparse: no 600 MiB written
    const r = await rel(['due'], { store });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is 600 MiB: rel reads journals of up to 511 MiB/);
    expect(r.stderr).not.toContain('bug');
    expect(fs.statSync(store).size).toBe(600 * 2 ** 20);
  });

  it('"schema": 0 on a journal in a later shape is refused, exit 1', async () => {
    const store = tempStore('schema0');
    writeJournal(store, ana().replace(/"schema": \d+/, '"schema": 0'));
    const before = bytesOf(store);
    for (const args of [['due'], ['log', 'ana', '--note', 'x']]) {
      const r = await rel(args, { store });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('it says "schema": 0, but people[0] has "cadenceDays"');
    }
    expect(bytesOf(store)).toEqual(before);
  });

  it('a journal with duplicate ids is read but never written, pointing at rel doctor', async () => {
    const store = tempStore('dup-ids');
    writeJournal(
      store,
      journalText(
        [person('ana-silva', 'Ana Silva')],
        [
          conversation('c1', ['ana-silva'], '2026-11-01', 'one'),
          conversation('c1', ['ana-silva'], '2026-11-02', 'two'),
        ],
      ),
    );
    const before = bytesOf(store);
    expect(await ok(['people', '--json'], { store })).toContain('ana-silva');
    const r = await rel(['log', 'ana', '--note', 'x'], { store });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ids used by more than one of the conversations (c1)');
    expect(r.stderr).toContain('rel doctor');
    expect(bytesOf(store)).toEqual(before);
  });

  it('rel history --since a future day is exit 2, as rel stats', async () => {
    const store = tempStore('since');
    writeJournal(store, ana());
    const r = await rel(['history', 'ana', '--since', 'in 3 days'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is in the future');
  });
});

describe('concurrent rel log --create of one new person', { timeout: 240_000 }, () => {
  it('every run logs against the one person created, none fails', async () => {
    const store = tempStore('create-race');
    writeJournal(store, journalText([]));
    const runs = 8;
    const results = await Promise.all(
      Array.from(
        { length: runs },
        (_, i) =>
          new Promise<RunResult>((resolve) => {
            const child = relAsync(['log', 'Kim Lee', '--create', '--note', `run ${i}`], { store });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d) => (stdout += d));
            child.stderr.on('data', (d) => (stderr += d));
            child.on('close', (code) => resolve({ code, stdout, stderr }));
          }),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const journal = readJson(store);
    expect(journal.people.map((p: { id: string }) => p.id)).toEqual(['kim-lee']);
    expect(journal.conversations).toHaveLength(runs);
    for (const c of journal.conversations) expect(c.with).toEqual(['kim-lee']);
  });
});
