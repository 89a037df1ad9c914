// rel inbox over a folder of calendar files (a vdir, one event a file, as vdirsyncer and khal keep
// them): one file that cannot be read is named in a warning (its path, what is wrong) and the
// others are read; a folder of which no file reads is refused, as a file that is not a calendar is.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempDir } from '../helpers/run.js';

const event = (uid: string, day: string, title: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//pimutils.org//NONSGML vdirsyncer//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART:202611${day}T100000Z`,
    `DTEND:202611${day}T103000Z`,
    `SUMMARY:${title}`,
    'ORGANIZER:mailto:me@example.com',
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.com',
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

async function vdir(tag: string) {
  const dir = tempDir(tag);
  const store = path.join(dir, 'journal.json');
  const folder = path.join(dir, 'calendars', 'work');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'a1.ics'), event('a1', '24', 'Ana 1:1'));
  fs.writeFileSync(path.join(folder, 'c3.ics'), event('c3', '26', 'Ana catch-up'));
  const o = {
    store,
    now: '2026-11-27T12:00:00',
    env: { TZ: 'Europe/London', REL_ME: 'me@example.com', REL_CALENDAR: path.dirname(folder) },
  };
  await ok(['add', 'Ana Silva', '--email', 'ana@example.com'], o);
  return { o, store, folder };
}

describe('rel inbox over a folder with a bad file in it', () => {
  it('reads the good files and names the bad one in a warning: its path and what is wrong', async () => {
    const { o, store, folder } = await vdir('vdir-one-bad');
    const bad = path.join(folder, 'b2.ics');
    fs.writeFileSync(bad, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b2\r\nDTSTART:20261125T100000Z\r\n');
    const before = bytesOf(store);
    for (const args of [
      ['inbox', '--json'],
      ['inbox', '--no-input'],
    ]) {
      const r = await rel(args, o);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr).toContain(
        `rel: warning: ${bad} is not an iCalendar file: BEGIN:VEVENT on line 2 has no END:VEVENT. Left out; the other files of ${path.dirname(folder)} were read.`,
      );
      if (args.includes('--json'))
        expect(JSON.parse(r.stdout).map((m: { title: string }) => m.title)).toEqual([
          'Ana 1:1',
          'Ana catch-up',
        ]);
      else expect(r.stdout).toMatch(/Ana 1:1[\s\S]*Ana catch-up/);
    }
    // rel inbox log --all logs what was read, and says the same.
    const logged = await rel(['inbox', 'log', '--all'], o);
    expect(logged.code).toBe(0);
    expect(logged.stderr).toContain(`${bad} is not an iCalendar file`);
    expect(bytesOf(store)).not.toEqual(before);
    expect(JSON.parse(await ok(['inbox', '--json'], o))).toEqual([]);
  });

  it('an empty file and a text file: each named, the rest read', async () => {
    const { o, folder } = await vdir('vdir-two-bad');
    fs.writeFileSync(path.join(folder, 'empty.ics'), '');
    fs.writeFileSync(path.join(folder, 'notes.ics'), 'Dear diary,\nno meetings today.\n');
    const r = await rel(['inbox', '--json'], o);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${path.join(folder, 'empty.ics')} is not an iCalendar file: it is empty`);
    expect(r.stderr).toContain(`${path.join(folder, 'notes.ics')} is not an iCalendar file`);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });

  it('a folder of which no file is a calendar is refused (exit 2), the journal unchanged', async () => {
    const { o, store, folder } = await vdir('vdir-all-bad');
    for (const f of ['a1.ics', 'c3.ics']) fs.writeFileSync(path.join(folder, f), 'not a calendar\n');
    const before = bytesOf(store);
    const r = await rel(['inbox', 'log', '--all'], o);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rel: No file in ${path.dirname(folder)} could be read as a calendar:`);
    expect(r.stderr).toContain('(and 1 more like it).');
    expect(r.stderr).not.toContain('warning');
    expect(bytesOf(store)).toEqual(before);
  });
});
