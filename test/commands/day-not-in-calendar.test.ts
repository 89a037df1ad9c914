// A day the calendar does not have, put in the journal by hand (2026-02-30): reports cannot count
// with it. Found by a tester: every report failed with one line that read like a typo in the
// command (exit 2), naming neither the journal nor rel doctor, which finds it and says the fix.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { bytesOf, rel, tempStore } from '../helpers/run.js';

const MESSAGE =
  'The journal holds the day "2026-02-30", which is not in the calendar (was the file edited by hand?).';

function handEdited(name: string): string {
  const store = tempStore(name);
  const text = journalText(
    [person('ana', 'Ana Silva')],
    [conversation('c1', ['ana'], '2026-11-20', 'Roadmap')],
  );
  writeJournal(store, text.replace('"2026-11-20"', '"2026-02-30"'));
  return store;
}

describe('a day not in the calendar, in the journal', () => {
  const reports = [['due'], ['people'], ['profile', 'ana'], ['history', 'ana'], ['stats'], ['agenda', 'ana']];
  it.each(reports)('rel %s says the journal holds it and sends to rel doctor (exit 1)', async (...args) => {
    const store = handEdited(`bad-day-${args[0]}`);
    const before = bytesOf(store);
    const r = await rel(args, { store, now: '2026-12-02T12:00:00' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(MESSAGE);
    expect(r.stderr).toContain('Run rel doctor: it names the record and the command that fixes it.');
    expect(bytesOf(store)).toEqual(before);
  });

  // Tester B #4: among other conversations, the bad day sorted as text before them, and rel due,
  // rel people and the Markdown export said Ana was last seen on her previous conversation.
  function amongOthers(name: string): string {
    const store = tempStore(name);
    const text = journalText(
      [person('ana', 'Ana Silva')],
      [
        conversation('c1', ['ana'], '2026-11-13', 'Roadmap'),
        conversation('c2', ['ana'], '2026-11-30', 'Launch'),
      ],
    );
    writeJournal(store, text.replace('"2026-11-30"', '"2026-02-30"'));
    return store;
  }
  const listed = [
    ['due'],
    ['due', '--json'],
    ['people'],
    ['people', '--json'],
    ['export', '--format', 'md'],
    // The feed's check-ins count from the last time together, as rel due does (found by a tester).
    ['export', '--format', 'ics'],
  ];
  it.each(listed)(
    'rel %s stops at it among other conversations (exit 1), not last seen on an earlier one',
    async (...args) => {
      const store = amongOthers(`bad-day-among-${args.join('-')}`);
      const r = await rel(args, { store, now: '2026-12-02T12:00:00' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(MESSAGE);
      expect(r.stdout).not.toContain('13 Nov');
      expect(r.stdout).not.toContain('2026-11-13');
    },
  );

  it('rel due stops at it after a summary was kept of the journal before the edit, and after a write', async () => {
    const store = tempStore('bad-day-summary');
    const o = { store, now: '2026-12-02T12:00:00' };
    writeJournal(
      store,
      journalText(
        [person('ana', 'Ana Silva')],
        [
          conversation('c1', ['ana'], '2026-11-13', 'Roadmap'),
          conversation('c2', ['ana'], '2026-11-30', 'Launch'),
        ],
      ),
    );
    expect((await rel(['due', '--json'], o)).code).toBe(0); // keeps its summary
    writeJournal(store, fs.readFileSync(store, 'utf8').replace('"2026-11-30"', '"2026-02-30"'));
    expect((await rel(['due', '--json'], o)).code).toBe(1);
    // A write after the edit cuts no summary from it either.
    await rel(['add', 'Bo Li'], o);
    for (const args of [['due'], ['due', '--json'], ['people']]) {
      const r = await rel(args, o);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(MESSAGE);
    }
  });

  it('rel doctor names it, and the edit it gives makes the reports work again', async () => {
    const store = handEdited('bad-day-doctor');
    const o = { store, now: '2026-12-02T12:00:00' };
    const doctor = await rel(['doctor'], o);
    expect(doctor.stdout).toContain('2026-02-30');
    expect((await rel(['conversation', 'edit', 'c1', '--date', '2026-02-20'], o)).code).toBe(0);
    expect((await rel(['due'], o)).code).toBe(0);
  });

  it('the journal can still be taken out whole (rel export)', async () => {
    const store = handEdited('bad-day-export');
    const r = await rel(['export'], { store, now: '2026-12-02T12:00:00' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).conversations[0].date).toBe('2026-02-30');
  });

  it('a day typed is still bad usage (exit 2), in the words it had', async () => {
    const store = handEdited('bad-day-typed');
    const r = await rel(['log', 'ana', '--date', '2026-02-30', '--note', 'x'], {
      store,
      now: '2026-12-02T12:00:00',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'rel: --date "2026-02-30": 30 February is not in the calendar; February has 28 days (29 in a leap year).\n' +
        '  Give a day that is, such as 2026-02-28 (28 February) or 2026-03-01.\n',
    );
  });
});

// Typed, a day after its month's last gets the same message whatever its form: ISO, day/month or
// month/day, or the month's name (which had it first), for --date, --due and --until alike.
describe('a day typed that is not in the calendar, in any form', () => {
  it.each([
    ['log', '--date', '2026-11-31'],
    ['log', '--date', '31/11'],
    ['log', '--date', '31 nov'],
    ['todo', '--due', '2027-11-31'],
    ['todo', '--due', '11/31/2027'],
    ['snooze', '--until', 'nov 31 2027'],
  ])(
    'rel %s %s %s: which day is missing, and the days to give instead (exit 2, nothing written)',
    async (verb, option, text) => {
      const store = tempStore('not-in-calendar-typed');
      const o = { store, now: '2026-12-02T12:00:00' };
      expect((await rel(['add', 'Ana Silva'], o)).code).toBe(0);
      const before = bytesOf(store);
      const args =
        verb === 'log'
          ? ['log', 'ana', '--kind', 'call', option, text]
          : verb === 'todo'
            ? ['todo', 'add', 'ana', 'Send the deck', option, text]
            : ['snooze', 'ana', option, text];
      const r = await rel(args, o);
      expect(r.code).toBe(2);
      const year = text.includes('2027') ? '2027' : '2026';
      expect(r.stderr).toBe(
        `rel: ${option} "${text}": 31 November is not in the calendar; November has 30 days.\n` +
          `  Give a day that is, such as ${year}-11-30 (30 November) or ${year}-12-01.\n`,
      );
      expect(bytesOf(store)).toEqual(before);
    },
  );
});

describe('a day not in the calendar, typed', () => {
  // --birthday and REL_NOW refuse such a day in the words of --date: which day is not in the
  // calendar, why, and the days to give instead.
  const refusal = async (args: string[], now = '2026-12-02T12:00:00') => {
    const store = tempStore('typed-bad-day');
    writeJournal(store, journalText([person('ana', 'Ana Silva')]));
    const before = bytesOf(store);
    const r = await rel(args, { store, now });
    expect(r.code).toBe(2);
    expect(bytesOf(store)).toEqual(before);
    return r.stderr;
  };
  const words = (stderr: string) => stderr.replace(/^rel: [^:]*"[^"]*": /, '');

  it.each([
    ['1985-02-30', '2026-02-30'],
    ['1991-02-29', '2026-02-29'],
    ['1985-11-31', '2026-11-31'],
  ])('--birthday %s: as --date says it', async (birthday, date) => {
    const year = birthday.slice(0, 4);
    const birth = await refusal(['add', 'Cy Young', '--birthday', birthday]);
    const logged = await refusal(['log', 'ana', '--date', date]);
    expect(birth).toMatch(
      new RegExp(`^rel: --birthday "${birthday}": \\d+ \\w+ (${year} )?is not in the calendar; `),
    );
    expect(words(birth)).toBe(words(logged).replaceAll('2026', year).replace('2024-02-29', '1988-02-29'));
  });

  it('--birthday 02-30 (no year): the days instead have no year either', async () => {
    expect(await refusal(['edit', 'ana', '--birthday', '02-30'])).toBe(
      'rel: --birthday "02-30": 30 February is not in the calendar; February has 28 days (29 in a leap year).\n' +
        '  Give a day that is, such as 02-29 (29 February) or 03-01.\n',
    );
  });

  it.each(['2026-02-30', '2026-02-30T09:00:00'])(
    'REL_NOW=%s: as --date says it, and how to go back to the clock',
    async (now) => {
      const stderr = await refusal(['due'], now);
      expect(stderr).toBe(
        `rel: REL_NOW="${now}": 30 February is not in the calendar; February has 28 days (29 in a leap year).\n` +
          "  Give a day that is, such as 2026-02-28 (28 February) or 2026-03-01. Or unset REL_NOW to use this machine's clock.\n",
      );
      expect(words(stderr).split('.')[0]).toBe(
        words(await refusal(['log', 'ana', '--date', '2026-02-30'])).split('.')[0],
      );
    },
  );
});
