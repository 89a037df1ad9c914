// A journal that is not a journal: every command but `rel doctor` refuses it with exit 1, names the
// file (and the line and column of a parse error), says how to recover, and leaves it untouched.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { bytesOf, rel, tempStore } from '../helpers/run.js';

const valid = journalText(
  [person('ana', 'Ana Silva')],
  [conversation('c1', ['ana'], '2026-11-20', 'Roadmap')],
);

interface Case {
  name: string;
  content: string | Buffer;
  /** Try every command (slow); the others try one that reads and one that writes. */
  all?: boolean;
  /** For parse errors: where rel must say the JSON breaks. */
  at?: string;
}

const CORRUPT: Case[] = [
  { name: 'invalid JSON (a lone brace)', content: '{', at: 'line 1, column 2', all: true },
  {
    name: 'a stray word on line 3',
    content: '{\n  "schema": 1,\n  "people": [ x ]\n}\n',
    at: 'line 3, column 15',
  },
  {
    name: 'a trailing comma',
    content: valid.replace('"tombstones": []', '"tombstones": [],'),
    at: 'line 11, column 1',
  },
  { name: 'truncated mid-record', content: valid.slice(0, Math.floor(valid.length / 2)) },
  { name: 'truncated to nothing', content: '' },
  { name: 'only whitespace', content: '  \n\n' },
  { name: 'NUL bytes', content: Buffer.alloc(64) },
  {
    name: 'binary noise',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]),
  },
  { name: 'null', content: 'null\n', all: true },
  { name: 'an empty object', content: '{}\n' },
  { name: 'an array', content: '[]\n' },
  { name: 'a string', content: '"journal"\n' },
  { name: 'a number', content: '42\n' },
  { name: 'schema as a string', content: valid.replace(/"schema": \d+/, '"schema": "1"') },
  { name: 'people not an array', content: '{"schema":1,"people":{},"conversations":[],"followUps":[]}' },
  { name: 'a person without a name', content: valid.replace('"name":"Ana Silva",', ''), all: true },
  { name: 'a conversation with a bad date', content: valid.replace('2026-11-20', '20/11/2026') },
  { name: 'negative minutes', content: valid.replace('"minutes":30', '"minutes":-30') },
  { name: 'a negative schema', content: valid.replace(/"schema": \d+/, '"schema": -4') },
];

const READ_AND_WRITE = [['people'], ['log', 'ana', '--note', 'hello']];

const COMMANDS = [
  ['due'],
  ['people'],
  ['profile', 'ana'],
  ['log', 'ana', '--note', 'hello'],
  ['add', 'Ben Okafor'],
  ['undo'],
];

describe('a corrupt or foreign journal', { timeout: 240_000 }, () => {
  it.each(CORRUPT)(
    '$name: every command exits 1 naming the file and `rel doctor` (no backup to restore yet); nothing is written',
    async ({ content, at, all }) => {
      const store = tempStore('corrupt');
      writeJournal(store, '');
      fs.writeFileSync(store, content);
      const before = bytesOf(store);
      const folder = fs.readdirSync(path.dirname(store)).sort();
      for (const args of all ? COMMANDS : READ_AND_WRITE) {
        const r = await rel(args, { store });
        expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(store);
        // No backup exists yet, so the advice is rel doctor and fixing the file, not a restore.
        expect(r.stderr).toContain('rel doctor');
        if (r.stderr.includes('not valid JSON')) expect(r.stderr).not.toContain('--restore');
        if (at) expect(r.stderr).toContain(at);
        expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // a message, not a stack trace
      }
      expect(bytesOf(store)).toEqual(before);
      // Nothing new beside it either: no backup, no undo data, no lock left behind.
      expect(fs.readdirSync(path.dirname(store)).sort()).toEqual(folder);

      const doctor = await rel(['doctor', '--json'], { store });
      expect(doctor.code).toBe(1);
      const report = JSON.parse(doctor.stdout);
      expect(report.healthy).toBe(false);
      expect(report.findings[0]).toMatchObject({ severity: 'error' });
      expect(report.findings[0].fix).toMatch(/by hand|--restore/);
      expect(bytesOf(store)).toEqual(before);
    },
  );

  it('reports the parse error in human words too, with the fix', async () => {
    const store = tempStore('corrupt');
    writeJournal(store, '{\n  "schema": 1,\n  "people": [ x ]\n}\n');
    const r = await rel(['doctor'], { store });
    expect(r.code).toBe(1);
    // Wrapped to the width: read the words, not the line breaks.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('line 3, column 15');
    expect(r.stdout).toContain('Fix:');
  });

  it('`rel doctor --restore` brings back the newest valid backup and keeps the damaged file', async () => {
    const store = tempStore('restore');
    expect((await rel(['add', 'Ana Silva'], { store })).code).toBe(0);
    expect((await rel(['log', 'ana', '--note', 'first'], { store })).code).toBe(0);
    expect((await rel(['log', 'ana', '--note', 'second'], { store })).code).toBe(0);
    const good = bytesOf(store)!;
    fs.writeFileSync(store, good.subarray(0, good.length - 40)); // cut short, as by a full disk
    const damaged = bytesOf(store);
    // Make the newest backup invalid too: restore must skip it.
    fs.writeFileSync(path.join(path.dirname(store), '.journal.json.backup-1'), '{ not json');

    const r = await rel(['doctor', '--restore'], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('.journal.json.backup-2');
    expect(bytesOf(path.join(path.dirname(store), '.journal.json.before-restore'))).toEqual(damaged);
    const people = JSON.parse((await rel(['people', '--json'], { store })).stdout);
    expect(people.map((p: { name: string }) => p.name)).toEqual(['Ana Silva']);
    expect((await rel(['due'], { store })).code).toBe(0);
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
  });

  it('`rel doctor --restore` with no valid backup exits 1 and changes nothing', async () => {
    const store = tempStore('restore');
    writeJournal(store, '{');
    const r = await rel(['doctor', '--restore'], { store });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no backup');
    expect(bytesOf(store)?.toString()).toBe('{');
  });
});
