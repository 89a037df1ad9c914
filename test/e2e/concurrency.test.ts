// Many rel processes writing at once lose nothing; a held lock is waited for (bounded), an
// abandoned one is taken over at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { ok, type RunResult, readJson, rel, relAsync, tempStore } from '../helpers/rel.js';

const LOG_WRITERS = 20;
const ADD_WRITERS = 12;

function runAll(commands: string[][], store: string): Promise<RunResult[]> {
  return Promise.all(
    commands.map(
      (args) =>
        new Promise<RunResult>((resolve) => {
          const child = relAsync(args, { store });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr += d));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        }),
    ),
  );
}

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('concurrent writers', { timeout: 240_000 }, () => {
  it(`${LOG_WRITERS} simultaneous rel log keep all ${LOG_WRITERS} conversations`, async () => {
    const store = tempStore('race-log');
    writeJournal(store, journalText([person('ana-silva', 'Ana Silva')]));
    const results = await runAll(
      Array.from({ length: LOG_WRITERS }, (_, i) => ['log', 'ana', '--note', `writer ${i}`]),
      store,
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const journal = readJson(store);
    expect(journal.conversations.map((c: { note: string }) => c.note).sort()).toEqual(
      Array.from({ length: LOG_WRITERS }, (_, i) => `writer ${i}`).sort(),
    );
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
    const left = fs.readdirSync(path.dirname(store)).sort();
    expect(left).toEqual([
      '.journal.json.backup-1',
      '.journal.json.backup-2',
      '.journal.json.backup-3',
      '.journal.json.undo',
      'journal.json',
    ]);
  });

  it(`${ADD_WRITERS} simultaneous rel add keep all ${ADD_WRITERS} people`, async () => {
    const store = tempStore('race-add');
    const results = await runAll(
      Array.from({ length: ADD_WRITERS }, (_, i) => ['add', `Person ${String.fromCharCode(65 + i)}`]),
      store,
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(readJson(store).people).toHaveLength(ADD_WRITERS);
    expect(fs.statSync(path.dirname(store)).mode & 0o777).toBe(0o700);
  });

  it('simultaneous rel add giving one alias to different people: one takes it, the others are refused', async () => {
    const store = tempStore('race-alias');
    writeJournal(store, journalText([person('ana-silva', 'Ana Silva')]));
    const results = await runAll(
      Array.from({ length: 6 }, (_, i) => ['add', `Person ${String.fromCharCode(65 + i)}`, '--alias', 'Kim']),
      store,
    );
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    for (const r of results.filter((r) => r.code !== 0)) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/"Kim" is already an alias of Person [A-F] \(id person-[a-f]\)/);
      expect(r.stderr).toContain('Nothing was changed.');
    }
    const people = readJson(store).people as { aliases: string[] }[];
    expect(people).toHaveLength(2);
    expect(people.filter((p) => p.aliases.includes('Kim'))).toHaveLength(1);
  });

  it('simultaneous list edits of one person each keep what they add and remove', async () => {
    const store = tempStore('race-lists');
    writeJournal(
      store,
      journalText([person('ana-silva', 'Ana Silva', { tags: ['old'], aliases: ['Annie'] })]),
    );
    const tags = Array.from({ length: 6 }, (_, i) => `t${i}`);
    const aliases = Array.from({ length: 6 }, (_, i) => `Alias${i}`);
    const results = await runAll(
      [
        ...tags.map((t) => ['edit', 'ana', '--add-tag', t]),
        ...aliases.map((a) => ['edit', 'ana', '--alias', a]),
        ['edit', 'ana', '--remove-tag', 'old'],
        ['edit', 'ana', '--remove-alias', 'Annie'],
      ],
      store,
    );
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Updated/);
    }
    const ana = readJson(store).people[0];
    expect([...ana.tags].sort()).toEqual(tags);
    expect([...ana.aliases].sort()).toEqual(aliases);
  });

  it('simultaneous rel undo take back distinct changes, newest first', async () => {
    const store = tempStore('race-undo');
    writeJournal(store, journalText([person('ana-silva', 'Ana Silva')]));
    for (let i = 0; i < 5; i++) ok(['log', 'ana', '--note', `note ${i}`], { store });
    const results = await runAll(
      [
        ['undo', '--json'],
        ['undo', '--json'],
        ['undo', '--json'],
      ],
      store,
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const remaining = results.map((r) => JSON.parse(r.stdout).remaining).sort();
    expect(remaining).toEqual([2, 3, 4]);
    expect(readJson(store).conversations.map((c: { note: string }) => c.note)).toEqual(['note 0', 'note 1']);
  });

  it('a lock held by a running process: exit 1 after the timeout, naming the lock file', () => {
    const store = tempStore('lock-held');
    writeJournal(store, journalText([person('ana-silva', 'Ana Silva')]));
    const lock = `${store}.lock`;
    fs.writeFileSync(lock, `${process.pid}\n${os.hostname()}\nsometoken\n`);
    const before = fs.readFileSync(store);
    const r = rel(['log', 'ana', '--note', 'x'], { store, env: { REL_LOCK_TIMEOUT_MS: '300' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(lock);
    expect(r.stderr).toContain(`process ${process.pid}`);
    expect(fs.readFileSync(store)).toEqual(before);
    expect(fs.existsSync(lock)).toBe(true);
    fs.rmSync(lock);
  });

  it('a lock whose holder is gone is taken over at once, and doctor reports it first', () => {
    const store = tempStore('lock-stale');
    writeJournal(store, journalText([person('ana-silva', 'Ana Silva')]));
    const lock = `${store}.lock`;
    const pid = deadPid();
    fs.writeFileSync(lock, `${pid}\n${os.hostname()}\nsometoken\n`);
    const doctor = JSON.parse(rel(['doctor', '--json'], { store }).stdout);
    expect(doctor.findings.map((f: { check: string }) => f.check)).toEqual(['lock']);
    expect(doctor.findings[0].fix).toContain('rel doctor --fix');
    // A timeout far shorter than any "stale after" period: the dead holder is noticed at once.
    const r = rel(['log', 'ana', '--note', 'after a crash'], { store, env: { REL_LOCK_TIMEOUT_MS: '200' } });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
    expect(readJson(store).conversations).toHaveLength(1);
  });
});
