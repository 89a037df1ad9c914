// rel inbox in a 30-column terminal (tmux): the walk's meeting line and the summary are wrapped by
// rel between words, never split mid-word by the terminal.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GOOGLE, PEOPLE } from '../helpers/calendars.js';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

/** The words of the text that are whole on no line of the screen. */
function cut(screen: string, text: string): string[] {
  const words = new Set(screen.split(/\s+/));
  return text.split(' ').filter((word) => !words.has(word));
}

describe('the inbox walk at 30 columns', { timeout: 120_000 }, () => {
  it('wraps each meeting between words', async () => {
    const store = tempStore('inbox-narrow-tty');
    const calendar = path.join(path.dirname(store), 'google.ics');
    fs.mkdirSync(path.dirname(store), { recursive: true });
    fs.writeFileSync(calendar, GOOGLE);
    const people = PEOPLE.map(([name, , email], i) =>
      person(i === 0 ? 'ana' : `p${i}`, name!, {
        createdAt: '2026-10-01T09:00:00.000Z',
        ...(email ? { emails: [email] } : {}),
      }),
    );
    writeJournal(store, journalText(people));
    term = new Terminal(['inbox'], {
      store,
      now: '2026-11-27T12:00:00',
      env: { TZ: 'Europe/London', REL_ME: 'me@example.com', REL_CALENDAR: calendar },
      width: 30,
    });
    await term.waitFor('Log it?');
    await term.press('s');
    const screen = await term.waitFor(/2 of 18/);
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
    expect(
      cut(screen, '13 Nov 09:30 · 15m · Daily stand-up · with Ben Okafor, Ana Silva and 5 others'),
    ).toEqual([]);
    await term.press('q');
    const end = await term.waitFor(/Logged 0, skipped 1/);
    expect(cut(end, 'Logged 0, skipped 1, dismissed 0; 17 meetings not looked at.')).toEqual([]);
    expect(await term.exitCode()).toBe(0);
  });
});
