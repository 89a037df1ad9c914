// Backups, undo, upgrades from older schemas, refusal of newer ones, and file privacy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/journal.js';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { BIN } from '../helpers/rel.js';
import { bytesOf, ok, readJson, rel, relEnv, tempDir, tempStore } from '../helpers/run.js';

const kept = (store: string, name: string) => path.join(path.dirname(store), `.journal.json.${name}`);
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('backups and undo', { timeout: 240_000 }, () => {
  it('keeps 3 rotating 0600 backups, each the journal as it was before a write', async () => {
    const store = tempStore('backups');
    await ok(['add', 'Ana Silva'], { store });
    const versions = [bytesOf(store)];
    for (let i = 0; i < 4; i++) {
      await ok(['log', 'ana', '--note', `talk ${i}`], { store });
      versions.push(bytesOf(store));
    }
    const names = fs.readdirSync(path.dirname(store)).sort();
    expect(names).toEqual([
      '.journal.json.backup-1',
      '.journal.json.backup-2',
      '.journal.json.backup-3',
      '.journal.json.undo',
      'journal.json',
    ]);
    expect(bytesOf(kept(store, 'backup-1'))).toEqual(versions[3]);
    expect(bytesOf(kept(store, 'backup-2'))).toEqual(versions[2]);
    expect(bytesOf(kept(store, 'backup-3'))).toEqual(versions[1]);
    for (const name of names) expect(mode(path.join(path.dirname(store), name)), name).toBe(0o600);
  });

  it('rel undo takes back the last change, then the one before, up to 10, and says what it undid', async () => {
    const store = tempStore('undo');
    await ok(['add', 'Ana Silva'], { store });
    for (let i = 1; i <= 11; i++)
      await ok(['log', 'ana', '--note', `talk ${i}`, '--kind', 'call'], { store });
    const first = await rel(['undo'], { store });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Undone: logged a call with Ana Silva on 2026-11-27');
    expect(first.stdout).toContain('9 earlier changes can still be undone');
    for (let i = 0; i < 9; i++) expect((await rel(['undo', '--json'], { store })).code).toBe(0);
    const notes = readJson(store).conversations.map((c: { note: string }) => c.note);
    expect(notes).toEqual(['talk 1']);
    const none = await rel(['undo'], { store });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Nothing to undo');
  });

  it('rel undo of an add removes the person; of a log with --create, the conversation and the new person', async () => {
    const store = tempStore('undo-create');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['log', 'ana', 'Ben Okafor', '--create', '--follow-up', 'Ben: send the doc'], { store });
    const undone = JSON.parse(await ok(['undo', '--json'], { store }));
    expect(undone).toEqual({
      undone: {
        // Two people and no --kind: a meeting, not a 1:2:1.
        summary: 'logged a meeting with Ana Silva, Ben Okafor on 2026-11-27',
        at: '2026-11-27T12:00:00.000Z',
      },
      remaining: 1,
    });
    const journal = readJson(store);
    expect(journal.people.map((p: { name: string }) => p.name)).toEqual(['Ana Silva']);
    expect(journal.conversations).toEqual([]);
    expect(journal.followUps).toEqual([]);
    await ok(['undo'], { store });
    expect(readJson(store).people).toEqual([]);
  });

  it('rel undo refuses, changing nothing, when the records it would revert were edited since', async () => {
    const store = tempStore('undo-conflict');
    await ok(['add', 'Ana Silva'], { store });
    const journal = readJson(store);
    journal.people[0].role = 'Staff Engineer'; // an edit by hand
    fs.writeFileSync(store, JSON.stringify(journal));
    const before = bytesOf(store);
    const r = await rel(['undo'], { store });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot undo "added Ana Silva": Ana Silva changed since then');
    // A sync that brought a change to the record (a fast-forward) is refused the same way.
    expect(r.stderr).toContain('(by hand, by a restore, or by a sync)');
    expect(bytesOf(store)).toEqual(before);
  });
});

describe('schemas', { timeout: 240_000 }, () => {
  // Schema 0, the pre-release shape (see src/store/migrations.ts).
  const schema0 = `${JSON.stringify(
    {
      schema: 0,
      people: [
        {
          id: 'ana-silva',
          name: 'Ana Silva',
          cadence: 14,
          created: '2026-01-01T09:00:00.000Z',
          archived: null,
        },
      ],
      conversations: [
        {
          id: 'c1',
          date: '2026-11-20',
          people: ['ana-silva'],
          kind: 'coffee',
          note: 'Old times',
          created: '2026-11-20T10:00:00.000Z',
        },
      ],
    },
    null,
    2,
  )}\n`;

  it('an older schema is read as it is, and upgraded on the first write after a copy is kept beside it', async () => {
    const store = tempStore('schema0');
    writeJournal(store, schema0);
    const profile = JSON.parse(await ok(['profile', 'ana', '--json'], { store }));
    expect(profile).toMatchObject({
      cadenceDays: 14,
      conversations: [{ note: 'Old times', kind: 'coffee' }],
    });
    expect(bytesOf(store)?.toString()).toBe(schema0); // reading changes nothing
    const doctor = JSON.parse((await rel(['doctor', '--json'], { store })).stdout);
    expect(doctor.findings.map((f: { check: string }) => f.check)).toEqual(['schema']);

    await ok(['log', 'ana', '--note', 'New times'], { store });
    expect(bytesOf(kept(store, 'schema-0'))?.toString()).toBe(schema0);
    expect(mode(kept(store, 'schema-0'))).toBe(0o600);
    const journal = readJson(store);
    expect(journal.schema).toBe(SCHEMA_VERSION);
    expect(journal.people[0]).toMatchObject({
      cadenceDays: 14,
      ambitions: [],
      createdAt: '2026-01-01T09:00:00.000Z',
    });
    expect(journal.conversations.map((c: { note: string; with: string[] }) => [c.note, c.with])).toEqual([
      ['Old times', ['ana-silva']],
      ['New times', ['ana-silva']],
    ]);
    expect((await rel(['doctor', '--json'], { store })).code).toBe(0);
  });

  it('rel doctor --fix upgrades an older schema at once', async () => {
    const store = tempStore('schema0-fix');
    writeJournal(store, schema0);
    const r = await rel(['doctor', '--fix'], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('upgraded the journal from schema 0');
    expect(readJson(store).schema).toBe(SCHEMA_VERSION);
    expect(bytesOf(kept(store, 'schema-0'))?.toString()).toBe(schema0);
  });

  it('a newer schema is shown with a warning and never written', async () => {
    const store = tempStore('newer');
    writeJournal(
      store,
      journalText([person('ana-silva', 'Ana Silva')]).replace(/"schema": \d+/, '"schema": 99'),
    );
    const before = bytesOf(store);
    const shown = await rel(['people'], { store });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Ana Silva');
    expect(shown.stderr).toContain('newer rel (schema 99)');
    for (const args of [['log', 'ana', '--note', 'x'], ['add', 'Ben'], ['undo']]) {
      const r = await rel(args, { store });
      expect(r.code, args.join(' ')).toBe(1);
    }
    expect((await rel(['add', 'Ben'], { store })).stderr).toContain('will not change it');
    expect(bytesOf(store)).toEqual(before);
    expect(fs.readdirSync(path.dirname(store))).toEqual(['journal.json']);
  });
});

describe('privacy', { timeout: 240_000 }, () => {
  it('whatever the umask: the store and everything beside it 0600, a new folder 0700', () => {
    const store = tempStore('umask');
    // A shell with umask 000, so that only rel's own modes count.
    const run = (args: string) =>
      spawnSync('/bin/sh', ['-c', `umask 000; "${process.execPath}" "${BIN}" ${args}`], {
        env: relEnv({ store }),
        encoding: 'utf8',
      });
    expect(run('add "Ana Silva"').status).toBe(0);
    expect(run('log ana --note x').status).toBe(0);
    expect(mode(path.dirname(store))).toBe(0o700);
    for (const name of fs.readdirSync(path.dirname(store))) {
      expect(mode(path.join(path.dirname(store), name)), name).toBe(0o600);
    }
  });

  it('an existing folder is left as it is; a store readable by others gets a warning, and 0600 again on write', async () => {
    const dir = tempDir('shared');
    fs.chmodSync(dir, 0o755);
    const store = path.join(dir, 'journal.json');
    writeJournal(store, journalText([person('ana-silva', 'Ana Silva')]), 0o644);
    const shown = await rel(['people'], { store });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('can be read by other users (mode 644)');
    expect(shown.stderr).toContain('chmod 600');
    const doctor = JSON.parse((await rel(['doctor', '--json'], { store })).stdout);
    expect(doctor.findings[0]).toMatchObject({ check: 'modes' });
    await ok(['log', 'ana', '--note', 'x'], { store });
    expect(mode(store)).toBe(0o600);
    expect(mode(kept(store, 'backup-1'))).toBe(0o600);
    expect(mode(dir)).toBe(0o755);
    expect((await rel(['people'], { store })).stderr).toBe('');
  });

  it('nothing is written outside the store folder: a temp folder rel could use stays empty', async () => {
    const store = tempStore('no-leak');
    const tmp = tempDir('tmpdir');
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    await ok(['add', 'Ana Silva'], { store, env });
    await ok(['log', 'ana', '--note', 'private'], { store, env });
    await ok(['undo'], { store, env });
    expect((await rel(['doctor'], { store, env })).code).toBe(0);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

describe('kept copies of an encrypted journal', { timeout: 240_000 }, () => {
  const PW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery staple' };
  const plainCopies = (store: string) =>
    fs
      .readdirSync(path.dirname(store))
      .filter((name) => fs.readFileSync(path.join(path.dirname(store), name)).includes('Lisbon'));

  it('rel encrypt re-encrypts the backups and undo data made before it; undo, doctor and restore still work', async () => {
    const store = tempStore('enc-kept');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['log', 'ana', '--note', 'Moving to Lisbon'], { store });
    await ok(['log', 'ana', '--note', 'second'], { store });
    expect(plainCopies(store).length).toBeGreaterThan(1);
    await ok(['encrypt'], { store, env: PW });
    expect(plainCopies(store)).toEqual([]);
    await ok(['log', 'ana', '--note', 'third'], { store, env: PW });
    expect(plainCopies(store)).toEqual([]);
    const undone = JSON.parse(await ok(['undo', '--json'], { store, env: PW }));
    expect(undone.undone.summary).toBe('logged a 1:2:1 with Ana Silva on 2026-11-27');
    const doctor = JSON.parse((await rel(['doctor', '--json'], { store, env: PW })).stdout);
    expect(doctor).toMatchObject({ healthy: true, findings: [] });
    expect(doctor.backups.every((b: { valid: boolean }) => b.valid)).toBe(true);
    fs.writeFileSync(store, 'damaged');
    expect((await rel(['doctor', '--restore'], { store, env: PW })).code).toBe(0);
    const notes = JSON.parse(await ok(['profile', 'ana', '--json'], { store, env: PW })).conversations.map(
      (c: { note: string }) => c.note,
    );
    expect(notes).toContain('Moving to Lisbon');
    expect(plainCopies(store)).toEqual([]);
  });
});

describe('rel doctor', { timeout: 240_000 }, () => {
  it('finds ids used twice and records pointing at no one, and names the fix', async () => {
    const store = tempStore('doctor-ids');
    writeJournal(
      store,
      journalText(
        [person('ana-silva', 'Ana Silva'), person('ana-silva', 'Ana Other')],
        [
          { ...conversation('c1', ['ana-silva'], '2026-11-20') },
          { ...conversation('c2', ['ghost'], '2026-11-21') },
        ],
      ),
    );
    const before = bytesOf(store);
    const r = await rel(['doctor', '--json'], { store });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { check: string; severity: string }) => [f.check, f.severity])).toEqual([
      ['ids', 'error'],
      ['ids', 'error'],
    ]);
    expect(report.findings[0].message).toContain('ana-silva');
    expect(report.findings[1].message).toContain('conversation c2 names ghost');
    expect(report.findings[1].fix).toContain('by hand');
    expect(bytesOf(store)).toEqual(before);
  });
});
