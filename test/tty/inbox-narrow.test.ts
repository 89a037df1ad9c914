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

describe('the inbox list in a 20-column pane', { timeout: 120_000 }, () => {
  it('fits every line, keeps the ids, days and times whole, and cuts no word a line can hold', async () => {
    const store = tempStore('inbox-list-20-tty');
    const calendar = path.join(path.dirname(store), 'google.ics');
    fs.mkdirSync(path.dirname(store), { recursive: true });
    fs.writeFileSync(calendar, GOOGLE);
    // A name of 17 letters: whole on a line of 20 after the indent of two.
    const people = PEOPLE.map(([name, , email], i) =>
      person(`p${i}`, i === 0 ? 'Ana Featherstonehaugh' : name!, {
        createdAt: '2026-10-01T09:00:00.000Z',
        ...(email ? { emails: [email] } : {}),
      }),
    );
    writeJournal(store, journalText(people));
    term = new Terminal(['inbox', '--no-input'], {
      store,
      now: '2026-11-27T12:00:00',
      env: { TZ: 'Europe/London', REL_ME: 'me@example.com', REL_CALENDAR: calendar },
      width: 20,
    });
    const screen = await term.waitFor('@@EXIT:0');
    const lines = screen.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(20);
    // Each meeting's id starts a line whole; the line after it, or the rest of its own, has the day.
    const ids = lines.filter((l) => /^[0-9a-f]{8}(\s|$)/.test(l));
    expect(ids.length).toBeGreaterThan(10);
    expect(screen).toMatch(/\b\d{1,2} (Oct|Nov) +\d{2}:\d{2}|\b\d{1,2} (Oct|Nov)\n +\d{2}:\d{2}/);
    expect(lines.some((l) => /^.$/.test(l.trim()) && !/[·…+]/.test(l))).toBe(false);
    for (const text of [
      'Coffee with Ben and Chloé',
      'Ana Featherstonehaugh',
      'Log one: rel inbox log <id> [--note …]',
      'Hide a series: rel inbox dismiss <id> --series',
    ])
      expect(cut(screen, text), text).toEqual([]);
  });
});
