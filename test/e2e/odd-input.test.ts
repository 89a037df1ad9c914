// Odd files and odd dates: each is refused at once with its exit code, and the store is left
// byte for byte as it was.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { relAsync, rel as relProcess } from '../helpers/rel.js';
import { bytesOf, ok, type RunResult, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

const ana = () => journalText([person('ana-silva', 'Ana Silva')]);

describe('dates typed with a year before 1900 are exit 2, the store unchanged', { timeout: 120_000 }, () => {
  it.each([
    [['log', 'ana', '--date', '0026-11-20']],
    [['log', 'ana', '--date', '1899-12-31']],
    [['log', 'ana', '--follow-up', 'Send it', '--due', '0026-12-20']],
    [['todo', 'add', 'ana', 'Send it', '--due', '0027-01-01']],
    [['add', 'Ben Okafor', '--birthday', '0026-05-17']],
    [['snooze', 'ana', '--until', '0027-01-01']],
  ])('rel %j', async (args) => {
    const store = tempStore('early');
    writeJournal(store, ana());
    const before = bytesOf(store);
    const r = await rel(args, { store });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/before 1900/);
    expect(bytesOf(store)).toEqual(before);
  });

  it('REL_NOW with a year before 1900 is exit 2 too', async () => {
    const store = tempStore('early-now');
    writeJournal(store, ana());
    const before = bytesOf(store);
    const r = await rel(['log', 'ana', '--note', 'x'], { store, now: '0026-11-27' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('REL_NOW');
    expect(bytesOf(store)).toEqual(before);
  });
});

describe('odd files', { timeout: 120_000 }, () => {
  it.each([['due'], ['log', 'ana', '--note', 'x'], ['doctor'], ['encrypt']])(
    'a FIFO as the store: rel %j is refused at once, exit 1',
    async (...args) => {
      const dir = tempDir('fifo');
      const fifo = path.join(dir, 'journal.json');
      execFileSync('mkfifo', [fifo]);
      // A process of its own: were the check to go, reading the FIFO would block this one.
      const r = relProcess(args, { store: fifo, env: { REL_PASSPHRASE: 'x', REL_KDF_LOG_N: '10' } });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('is a FIFO');
      expect(fs.statSync(fifo).isFIFO()).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(['journal.json']);
    },
  );

  it.each([['due'], ['log', 'ana', '--note', 'x'], ['doctor']])(
    'a device as the store: rel %j is refused at once, exit 1',
    async (...args) => {
      // A process of its own: were the check to go, reading /dev/zero would never end.
      const r = relProcess(args, { store: '/dev/zero' });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('/dev/zero is a device');
    },
  );

  it('a symlink to a regular file is still a journal', async () => {
    const store = tempStore('link');
    writeJournal(store, ana());
    const link = path.join(path.dirname(store), 'link.json');
    fs.symlinkSync(store, link);
    expect(await ok(['people', '--json'], { store: link })).toContain('ana-silva');
  });

  it('invalid UTF-8 is refused with its byte offset, never rewritten; doctor reports it', async () => {
    const store = tempStore('utf8');
    const text = ana().replace('Ana Silva', 'Ana Silva\u00e9');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(0xc3);
    bytes[at + 1] = 0x28; // "é" with a broken second byte
    writeJournal(store, '');
    fs.writeFileSync(store, bytes);
    for (const args of [['due'], ['log', 'ana', '--note', 'x']]) {
      const r = await rel(args, { store });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `is not valid UTF-8: byte ${at} (0xc3, counting from 0) begins no character`,
      );
      expect(r.stderr).toContain('rel doctor');
      expect(bytesOf(store)).toEqual(bytes);
    }
    const doctor = await rel(['doctor', '--json'], { store });
    expect(doctor.code).toBe(1);
    expect(JSON.parse(doctor.stdout).findings).toContainEqual(
      expect.objectContaining({
        check: 'parse',
        severity: 'error',
        message: expect.stringContaining('UTF-8'),
      }),
    );
    expect(bytesOf(store)).toEqual(bytes);
  });

  it('a journal over the size limit says what the limit is and what to do, exit 1', async () => {
    const store = tempStore('huge');
    writeJournal(store, '');
    fs.truncateSync(store, 600 * 2 ** 20); // sparse: no 600 MiB written
    const r = await rel(['due'], { store });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is 600 MiB: rel reads journals of up to 511 MiB/);
    expect(r.stderr).not.toContain('bug');
    expect(fs.statSync(store).size).toBe(600 * 2 ** 20);
  });

  it('"schema": 0 on a journal in a later shape is refused, exit 1', async () => {
    const store = tempStore('schema0');
    writeJournal(store, ana().replace(/"schema": \d+/, '"schema": 0'));
    const before = bytesOf(store);
    for (const args of [['due'], ['log', 'ana', '--note', 'x']]) {
      const r = await rel(args, { store });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('it says "schema": 0, but people[0] has "cadenceDays"');
    }
    expect(bytesOf(store)).toEqual(before);
  });

  it('a journal with duplicate ids is read but never written, pointing at rel doctor', async () => {
    const store = tempStore('dup-ids');
    writeJournal(
      store,
      journalText(
        [person('ana-silva', 'Ana Silva')],
        [
          conversation('c1', ['ana-silva'], '2026-11-01', 'one'),
          conversation('c1', ['ana-silva'], '2026-11-02', 'two'),
        ],
      ),
    );
    const before = bytesOf(store);
    expect(await ok(['people', '--json'], { store })).toContain('ana-silva');
    const r = await rel(['log', 'ana', '--note', 'x'], { store });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ids used by more than one of the conversations (c1)');
    expect(r.stderr).toContain('rel doctor');
    expect(bytesOf(store)).toEqual(before);
  });

  it('rel history --since a future day is exit 2, as rel stats', async () => {
    const store = tempStore('since');
    writeJournal(store, ana());
    const r = await rel(['history', 'ana', '--since', 'in 3 days'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is in the future');
  });
});

describe('concurrent rel log --create of one new person', { timeout: 240_000 }, () => {
  it('every run logs against the one person created, none fails', async () => {
    const store = tempStore('create-race');
    writeJournal(store, journalText([]));
    const runs = 8;
    const results = await Promise.all(
      Array.from(
        { length: runs },
        (_, i) =>
          new Promise<RunResult>((resolve) => {
            const child = relAsync(['log', 'Kim Lee', '--create', '--note', `run ${i}`], { store });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d) => (stdout += d));
            child.stderr.on('data', (d) => (stderr += d));
            child.on('close', (code) => resolve({ code, stdout, stderr }));
          }),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const journal = readJson(store);
    expect(journal.people.map((p: { id: string }) => p.id)).toEqual(['kim-lee']);
    expect(journal.conversations).toHaveLength(runs);
    for (const c of journal.conversations) expect(c.with).toEqual(['kim-lee']);
  });
});
