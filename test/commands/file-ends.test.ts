// Calendars and vCards as real tools write them end in all sorts of ways: CRLF after the last line
// (Google, Outlook, Apple), blank lines or white space after it, no final line break at all, a
// UTF-8 byte order mark before the first (Outlook and Excel on Windows, macOS Contacts). Each is
// read exactly as the plain file: the same meetings and people, no ghost record, no warning.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOGLE, OUTLOOK, PEOPLE } from '../helpers/calendars.js';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { rel, tempStore } from '../helpers/run.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const NOW = '2026-11-27T12:00:00';

/** The file's text ended (and begun) each way a tool writes it; `base` ends in one CRLF. */
const shapes = (base: string): [string, string][] => {
  const body = base.replace(/^\uFEFF/, '').replace(/(\r\n)+$/, '');
  return [
    ['one CRLF at the end', `${body}\r\n`],
    ['no final line break', body],
    ['blank lines after the last', `${body}\r\n\r\n\r\n`],
    ['a line of spaces after the last', `${body}\r\n \r\n`],
    ['LF only, and a blank line', `${body.replaceAll('\r\n', '\n')}\n\n`],
    ['a byte order mark', `\uFEFF${body}\r\n`],
  ];
};

describe('a calendar file ending any way', () => {
  const store = tempStore('file-ends-ics');
  const folder = path.join(path.dirname(store), 'cal');
  fs.mkdirSync(folder, { recursive: true });
  writeJournal(
    store,
    journalText(
      PEOPLE.map(([name, , email]) =>
        person(name!.toLowerCase().split(' ')[0]!.normalize('NFD').replace(/\p{M}/gu, ''), name!, {
          createdAt: '2026-10-01T09:00:00.000Z',
          ...(email ? { emails: [email] } : {}),
        }),
      ),
    ),
  );
  const o = { store, now: NOW, env: { TZ: 'Europe/London', REL_ME: 'me@example.com' } };
  const inbox = (file: string) => rel(['inbox', '--json', '--since', '2026-11-01', '--calendar', file], o);

  it.each([
    ['Google Calendar', GOOGLE],
    ['Outlook', OUTLOOK],
  ])('%s: the same meetings, no warning', async (_, calendar) => {
    const plain = path.join(folder, 'plain.ics');
    fs.writeFileSync(plain, calendar);
    const expected = await inbox(plain);
    expect(expected.code, expected.stderr).toBe(0);
    expect(JSON.parse(expected.stdout).length).toBeGreaterThan(3);
    for (const [shape, text] of shapes(calendar)) {
      const file = path.join(folder, 'shaped.ics');
      fs.writeFileSync(file, text);
      const r = await inbox(file);
      expect([shape, r.code, r.stderr, r.stdout]).toEqual([shape, 0, expected.stderr, expected.stdout]);
    }
  });

  it('a warning names the right line however the file ends', async () => {
    const bad = GOOGLE.replace('DTSTART:20261124T120000Z', 'DTSTART:20261124T250000Z');
    const line = bad.split('\r\n').indexOf('DTSTART:20261124T250000Z') + 1;
    for (const [shape, text] of shapes(bad)) {
      const file = path.join(folder, 'bad.ics');
      fs.writeFileSync(file, text);
      const r = await inbox(file);
      expect([shape, r.code, r.stderr]).toEqual([
        shape,
        0,
        expect.stringContaining(`(DTSTART, line ${line})`),
      ]);
    }
  });
});

describe('a vCard file ending any way', () => {
  it.each(['macos-3.0.vcf', 'ios-3.0.vcf', 'android-2.1.vcf'])(
    '%s: the same people, no warning',
    async (name) => {
      const original = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      const dir = path.dirname(tempStore('file-ends-vcf'));
      fs.mkdirSync(dir, { recursive: true });
      const importJson = async (text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        const r = await rel(['import', file, '--dry-run', '--json'], {
          store: path.join(dir, 'j.json'),
          now: NOW,
        });
        return { code: r.code, stderr: r.stderr, result: JSON.parse(r.stdout) };
      };
      const expected = await importJson(original);
      expect(expected.code, expected.stderr).toBe(0);
      expect(expected.result.people.added.length).toBeGreaterThan(1);
      for (const [shape, text] of shapes(original)) {
        expect({ shape, ...(await importJson(text)) }).toEqual({ shape, ...expected });
      }
    },
  );
});

describe('a time zone the calendar names and no one knows', () => {
  it('is warned of once a zone and file, naming both and the zone its times were read in', async () => {
    const store = tempStore('unknown-zone');
    writeJournal(store, journalText([person('ana', 'Ana Silva', { emails: ['ana@example.com'] })]));
    const folder = path.join(path.dirname(store), 'cal');
    fs.mkdirSync(folder, { recursive: true });
    const event = (uid: string, title: string, zone: string, day: number) =>
      [
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `SUMMARY:${title}`,
        'ATTENDEE;CN=Ana Silva:mailto:ana@example.com',
        `DTSTART;TZID=${zone}:202611${day}T100000`,
        `DTEND;TZID=${zone}:202611${day}T103000`,
        'END:VEVENT',
      ].join('\r\n');
    const calendar = (...events: string[]) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
    const work = path.join(folder, 'work.ics');
    const home = path.join(folder, 'home.ics');
    fs.writeFileSync(
      work,
      calendar(
        event('a', 'Coffee', 'Foo/Bar', 23),
        event('b', 'Lunch', 'Foo/Bar', 24),
        event('c', 'Walk', 'Baz/Qux', 25),
      ),
    );
    fs.writeFileSync(home, calendar(event('d', 'Tea', 'Foo/Bar', 26)));
    const r = await rel(
      ['inbox', '--json', '--since', '2026-11-20', '--calendar', work, '--calendar', home],
      {
        store,
        now: NOW,
        env: { TZ: 'Europe/London', REL_ME: 'me@example.com' },
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('time zone'));
    const said = (file: string, zone: string, events: string) =>
      `rel: warning: ${file}: the time zone "${zone}" (of ${events}) is not known; its times are read as local time, this machine's (Europe/London).`;
    expect(warnings).toEqual([
      said(work, 'Foo/Bar', 'the events "Coffee" and "Lunch"'),
      said(work, 'Baz/Qux', 'the event "Walk"'),
      said(home, 'Foo/Bar', 'the event "Tea"'),
    ]);
    // Read as London's time: 10:00 in November is 10:00 UTC.
    const starts = JSON.parse(r.stdout).map((m: { title: string; start: string }) => `${m.title} ${m.start}`);
    expect(starts).toEqual(
      expect.arrayContaining(['Coffee 2026-11-23T10:00:00.000Z', 'Tea 2026-11-26T10:00:00.000Z']),
    );
  });
});
