// A misspelt weekday or month in a date typed to any command is refused (exit 2) with the date
// it was likely meant as, and nothing is written: a conversation logged on a wrong day is worse.
import { describe, expect, it } from 'vitest';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { bytesOf, rel, tempStore } from '../helpers/run.js';

// Thursday 3 December 2026.
const NOW = '2026-12-03T09:00:00';

function journal(tag: string): string {
  const store = tempStore(tag);
  writeJournal(store, journalText([person('ana', 'Ana Silva')], []));
  return store;
}

describe('a misspelt day or month in a date', () => {
  const CASES: [string[], string][] = [
    [
      ['log', 'ana', '--no-input', '--kind', 'call', '--date', 'tusday'],
      'rel: --date "tusday" is not a date rel understands.\n  Did you mean tuesday? (2026-12-01)\n',
    ],
    [
      ['log', 'ana', '--no-input', '--kind', 'call', '--date', 'last tusday'],
      'rel: --date "last tusday" is not a date rel understands.\n  Did you mean "last tuesday"? (2026-12-01)\n',
    ],
    [
      ['log', 'ana', '--no-input', '--kind', 'call', '--date', 'febuary 5'],
      'rel: --date "febuary 5" is not a date rel understands.\n  Did you mean "february 5"? (2026-02-05)\n',
    ],
    [
      ['stats', '--since', 'last wensday'],
      'rel: --since "last wensday" is not a date rel understands.\n  Did you mean "last wednesday"? (2026-12-02)\n',
    ],
    [
      ['todo', 'add', 'ana', 'send the deck', '--due', 'thrusday'],
      'rel: --due "thrusday" is not a date rel understands.\n  Did you mean thursday? (2026-12-10)\n',
    ],
  ];
  // Tester A #11: on Sunday 6 December, "tusday 5 dec" offered "tuesday 5 dec", which rel then
  // refused (5 December is a Saturday). What is offered is a date rel takes, and taking it logs.
  it('offers a weekday and date that agree, and what it offers is taken', async () => {
    const store = journal('typo-weekday-fits');
    const o = { store, now: '2026-12-06T09:00:00' };
    const r = await rel(['log', 'ana', '--no-input', '--kind', 'call', '--date', 'tusday 5 dec'], o);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'rel: --date "tusday 5 dec" is not a date rel understands.\n' +
        '  Did you mean "saturday 5 dec"? (2026-12-05: 5 December 2026 is a Saturday, not a Tuesday)\n',
    );
    const taken = await rel(['log', 'ana', '--no-input', '--kind', 'call', '--date', 'saturday 5 dec'], o);
    expect(taken.code).toBe(0);
    expect(taken.stdout).toContain('Logged a call with Ana Silva yesterday.');
  });

  it.each(CASES)('rel %j is refused with the name meant', async (args, stderr) => {
    const store = journal(`typo-${args[0]}`);
    const before = bytesOf(store);
    const r = await rel(args, { store, now: NOW });
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(2);
    expect(bytesOf(store)).toEqual(before);
  });
});
