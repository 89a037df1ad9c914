// A day the calendar does not have, put in the journal by hand (2026-02-30): reports cannot count
// with it. Found by a tester: every report failed with one line that read like a typo in the
// command (exit 2), naming neither the journal nor rel doctor, which finds it and says the fix.
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
    expect(r.stderr).toContain('"2026-02-30" is not a real calendar date.');
  });
});
