// Every invalid flag value and usage mistake: exit 2, a message saying what was wrong (and what is
// accepted), and the store byte-identical; against a store that does not exist yet, nothing created.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { bytesOf, rel, tempStore } from '../helpers/rel.js';

const CASES: [string[], RegExp][] = [
  [['log', 'ana', '--minutes', '-5'], /--minutes "-5".*\n.*whole number/],
  [['log', 'ana', '--minutes', 'abc'], /--minutes "abc".*\n.*whole number/],
  [['log', 'ana', '--minutes', '1.5'], /--minutes "1\.5"/],
  [['log', 'ana', '--minutes', '99999'], /--minutes 99999 is out of range.*0 to 1440 minutes/],
  [['log', 'ana', '--minutes', ''], /--minutes ""/],
  [['log', 'ana', '--date', '05/06/2026'], /05\/06\/2026[\s\S]*YYYY-MM-DD/],
  [['log', 'ana', '--date', 'tomorrow'], /--date .*future/],
  [['log', 'ana', '--date', 'whenever'], /--date[\s\S]*2026-11-20/],
  [['log', 'ana', '--date', ''], /--date is empty/],
  [['log', 'ana', '--kind', '  '], /--kind is empty[\s\S]*1:2:1/],
  [['log', 'zed', '--note', 'x'], /No one called "zed"[\s\S]*--create/],
  [['log', '--note', 'x'], /Who did you talk with\?[\s\S]*rel log "Ana Silva"/],
  [['log', 'ana', '--bogus'], /unknown option '--bogus'[\s\S]*rel log --help/],
  [['log', 'ana', '--note'], /option '--note <text>' argument missing/],
  [['add', ''], /name cannot be empty/],
  [['add', '   '], /name cannot be empty/],
  [['add', 'ANA SILVA'], /already in your journal/],
  [['add', 'Ben', '--cadence', 'sometimes'], /--cadence "sometimes" is not a period[\s\S]*2w/],
  [['add', 'Ben', '--cadence', '0d'], /--cadence "0d"/],
  [['add', 'Ben', '--cadence', '-1w'], /--cadence "-1w"/],
  [['add'], /Who do you want to add\?/],
  [['due', '--within', 'xx'], /--within "xx" is not a period[\s\S]*weekly/],
  [['due', '--within', ''], /--within ""/],
  [['due', '--limit', '0'], /--limit "0" is not a positive whole number/],
  [['due', '--limit', '-1'], /--limit "-1"/],
  [['due', '--limit', 'abc'], /--limit "abc"/],
  [['profile'], /missing required argument 'name'/],
  [['profile', 'nobody'], /No one called "nobody"/],
  [['people', '--bogus'], /unknown option '--bogus'/],
  [['undo', 'extra'], /too many arguments/],
  [['doctor', '--fix', '--restore'], /--fix and --restore/],
  [['--store'], /option '--store <file>' argument missing/],
  [['nosuch'], /unknown command 'nosuch'/],
  [['lgo', 'ana'], /Did you mean log\?/],
  // The messages a person meets: their own flags suggested, a period in one word, their own help.
  [
    ['log', 'ana', '--mins', '30'],
    /^rel: unknown option '--mins'\n\(Did you mean --minutes\?\)\n\(rel log --help /,
  ],
  [['log', 'ana', '--jsn'], /\(Did you mean --json\?\)/],
  [['due', '--withn', '1w'], /\(Did you mean --within\?\)/],
  [
    ['due', '--overdue'],
    /^rel: unknown option '--overdue'\n\(rel due --help shows its options and examples\)\n$/,
  ],
  [
    ['due', '--within', '2', 'weeks'],
    /^rel: --within 2 weeks: a period is one word\. Write --within 2w, or quote it: --within "2 weeks"\.\n\(rel due --help /,
  ],
  [['stats', '--since', '3', 'months'], /--since 3 months: a period is one word\. Write --since 3m/],
  [
    ['todo', '--overdue'],
    /^rel: unknown option '--overdue'\n\(rel todo list --help shows the options of rel todo; rel todo --help lists its commands\)\n$/,
  ],
  [['todo', 'list', '--overdue'], /\n\(rel todo list --help shows its options and examples\)\n$/],
  [['todo', 'add', 'ana', 'x', '--bogus'], /\(rel todo add --help shows its options and examples\)/],
];

describe('bad input', { timeout: 240_000 }, () => {
  const store = tempStore('bad-input');
  writeJournal(
    store,
    journalText(
      [person('ana-silva', 'Ana Silva')],
      [conversation('c1', ['ana-silva'], '2026-11-20', 'Roadmap')],
    ),
  );
  const before = bytesOf(store);

  it.each(CASES)('rel %j: exit 2, says what was wrong, store byte-identical', (args, message) => {
    const r = rel(args, { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(bytesOf(store)).toEqual(before);
    expect(fs.readdirSync(path.dirname(store))).toEqual(['journal.json']);
  });

  it('a failed command does not even create the store folder', () => {
    const missing = tempStore('bad-input-missing');
    const failing = CASES.filter(([args]) => ['log', 'add'].includes(args[0]!) && args[1] !== 'ANA SILVA');
    for (const args of [...failing.map(([a]) => a), ['undo'], ['doctor', '--restore']]) {
      expect(rel(args, { store: missing }).code, args.join(' ')).not.toBe(0);
    }
    expect(rel(['log', 'zed', '--create', '--date', 'tomorrow'], { store: missing }).code).toBe(2);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it('help and version are successes on stdout', () => {
    for (const args of [['--help'], ['-V'], ['log', '--help'], ['help', 'due'], []]) {
      const r = rel(args, { store });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).not.toBe('');
    }
  });
});
