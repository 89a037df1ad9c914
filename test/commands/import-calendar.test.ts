// A calendar given to rel import (UTF-8 or UTF-16, as rel inbox reads either) is refused as a
// calendar, sending to rel inbox, not as a CSV with no name column.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { bytesOf, rel, tempStore } from '../helpers/run.js';

const CALENDAR =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a1\r\nDTSTART:20261124T100000Z\r\nSUMMARY:Ana\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

describe('rel import with a calendar file', () => {
  it.each([
    ['UTF-8', Buffer.from(CALENDAR)],
    [
      'UTF-16LE with a byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CALENDAR, 'utf-16le')]),
    ],
  ])('in %s: refused as a calendar (exit 2), nothing written', async (_, bytes) => {
    const store = tempStore('import-calendar');
    writeJournal(store, journalText([person('ana', 'Ana Silva')]));
    const file = path.join(path.dirname(store), 'outlook.ics');
    fs.writeFileSync(file, bytes);
    const before = bytesOf(store);
    const r = await rel(['import', file], { store });
    expect(r.stderr).toBe(
      'rel: outlook.ics is a calendar (iCalendar), not people or a rel export: rel import does not read calendars.\n' +
        `  rel inbox reads the meetings in it: rel inbox --calendar ${file}\n`,
    );
    expect(r.code).toBe(2);
    expect(bytesOf(store)).toEqual(before);
  });
});
