// rel inbox reads a calendar file in UTF-16 (Outlook and other Windows tools write it, little- or
// big-endian, with a byte order mark; some without one) as it reads UTF-8, by the rule rel import
// uses; a file that is neither UTF-8 nor UTF-16 is read as windows-1252, with a warning.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ok, rel, tempDir } from '../helpers/run.js';

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'BEGIN:VEVENT',
  'UID:a1',
  'DTSTART:20261124T100000Z',
  'DTEND:20261124T103000Z',
  'SUMMARY:Café with Ana',
  'ATTENDEE;CN=Ana Silva;PARTSTAT=ACCEPTED:mailto:ana@example.com',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const ENCODINGS: [string, Buffer][] = [
  [
    'UTF-16LE with a byte order mark',
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CALENDAR, 'utf-16le')]),
  ],
  [
    'UTF-16BE with a byte order mark',
    Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CALENDAR, 'utf-16be')]),
  ],
  ['UTF-16LE without one', iconv.encode(CALENDAR, 'utf-16le')],
  ['UTF-16BE without one', iconv.encode(CALENDAR, 'utf-16be')],
  ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CALENDAR)])],
];

async function setup(tag: string) {
  const dir = tempDir(tag);
  const o = {
    store: path.join(dir, 'journal.json'),
    now: '2026-11-27T12:00:00',
    env: { TZ: 'Europe/London', REL_ME: 'me@example.com' },
  };
  await ok(['add', 'Ana Silva', '--email', 'ana@example.com'], o);
  return { dir, o };
}

const titles = (stdout: string) => JSON.parse(stdout).map((m: { title: string }) => m.title);

describe('rel inbox --calendar with a file that is not UTF-8', () => {
  it.each(ENCODINGS)('reads a calendar in %s as it reads UTF-8', async (_, bytes) => {
    const { dir, o } = await setup('inbox-utf16');
    const file = path.join(dir, 'outlook.ics');
    fs.writeFileSync(file, bytes);
    const r = await rel(['inbox', '--json', '--calendar', file], o);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(titles(r.stdout)).toEqual(['Café with Ana']);
    // In a folder of them too.
    const folder = path.join(dir, 'calendars');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a1.ics'), bytes);
    const inFolder = await rel(['inbox', '--json', '--calendar', folder], o);
    expect(inFolder.stderr).toBe('');
    expect(titles(inFolder.stdout)).toEqual(['Café with Ana']);
  });

  it('reads one that is neither UTF-8 nor UTF-16 as windows-1252, and says so', async () => {
    const { dir, o } = await setup('inbox-1252');
    const file = path.join(dir, 'old.ics');
    fs.writeFileSync(file, iconv.encode(CALENDAR, 'windows-1252'));
    const r = await rel(['inbox', '--json', '--calendar', file], o);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`rel: warning: ${file} is not UTF-8: read as windows-1252.\n`);
    expect(titles(r.stdout)).toEqual(['Café with Ana']);
  });
});
