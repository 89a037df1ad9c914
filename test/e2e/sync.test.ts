// rel sync through the built bin, end to end: the runs of test/commands/sync.test.ts are
// in-process, with git's merge driver pointed at the bin; this is the bin setting it itself (this
// node, this rel) and git running it for a pull made by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ok, readJson, tempDir } from '../helpers/rel.js';

const git = (store: string, ...args: string[]) =>
  spawnSync('git', ['-C', path.dirname(store), ...args], { encoding: 'utf8' });

describe('rel sync through the bin', () => {
  it('sets git’s merge driver to this node and this rel, and git merges a pull by hand with it', {
    timeout: 120_000,
  }, () => {
    const dir = tempDir('sync-bin');
    const remote = `file://${path.join(dir, 'remote.git')}`;
    execFileSync('git', ['init', '-q', '--bare', path.join(dir, 'remote.git')]);
    const a = path.join(dir, 'a', 'journal.json');
    const b = path.join(dir, 'b', 'journal.json');
    ok(['add', 'Ana Silva'], { store: a });
    ok(['sync', '--init', remote], { store: a });
    ok(['sync', '--init', remote], { store: b });
    const driver = git(a, 'config', 'merge.rel.driver').stdout.trim();
    expect(driver).toBe(`'${process.execPath}' '${fs.realpathSync(BIN)}' merge-journals %O %A %B`);
    ok(['log', 'ana', '--note', 'A1'], { store: a });
    ok(['log', 'ana', '--note', 'B1'], { store: b });
    expect(ok(['sync'], { store: b })).toContain('Synced.');
    // By hand on A: commit and pull; both sides changed the journal, so git starts the driver.
    expect(git(a, 'commit', '-qam', 'by hand').status).toBe(0);
    const pulled = git(a, 'pull', '-q', '--no-rebase', 'origin', 'main');
    expect(pulled.status, pulled.stderr).toBe(0);
    const notes = readJson(a)
      .conversations.map((c: { note: string }) => c.note)
      .sort();
    expect(notes).toEqual(['A1', 'B1']);
    expect(ok(['sync'], { store: a })).toContain('Synced.');
  });
});

describe('two machines adding people through the bin', () => {
  it('keeps apart different people whose ids would once have been the same (no Latin letters; "Kim-Lee" and "Kim Lee 2")', {
    timeout: 180_000,
  }, () => {
    const dir = tempDir('sync-ids');
    const remote = `file://${path.join(dir, 'remote.git')}`;
    execFileSync('git', ['init', '-q', '--bare', path.join(dir, 'remote.git')]);
    const a = path.join(dir, 'a', 'journal.json');
    const b = path.join(dir, 'b', 'journal.json');
    ok(['add', 'Kim Lee'], { store: a });
    ok(['sync', '--init', remote], { store: a });
    ok(['sync', '--init', remote], { store: b });
    ok(['add', '李小龍', '--role', 'CTO'], { store: a });
    ok(['add', 'Kim-Lee', '--role', 'Designer'], { store: a });
    ok(['add', 'Ελένη Παππά', '--role', 'Neighbour'], { store: b });
    ok(['add', 'Kim Lee 2', '--role', 'Baker'], { store: b });
    ok(['sync'], { store: a });
    ok(['sync'], { store: b });
    ok(['sync'], { store: a });
    for (const store of [a, b]) {
      const people = readJson(store).people.map(
        (p: { name: string; role: string }) => `${p.name}: ${p.role}`,
      );
      expect(people.sort()).toEqual([
        'Kim Lee 2: Baker',
        'Kim Lee: ',
        'Kim-Lee: Designer',
        'Ελένη Παππά: Neighbour',
        '李小龍: CTO',
      ]);
    }
  });

  it('a conversation of two, each machine forgetting one of them, or merging them in opposite directions: both machines go on syncing', {
    timeout: 240_000,
  }, () => {
    for (const [opA, opB, people] of [
      [['forget', 'xia', '--yes'], ['forget', 'yan', '--yes'], ['Ana Silva']],
      [
        ['merge', 'xia', 'yan'],
        ['merge', 'yan', 'xia'],
        ['Ana Silva', 'Xia One'],
      ],
    ] as const) {
      const dir = tempDir('sync-emptied');
      const remote = `file://${path.join(dir, 'remote.git')}`;
      execFileSync('git', ['init', '-q', '--bare', path.join(dir, 'remote.git')]);
      const a = path.join(dir, 'a', 'journal.json');
      const b = path.join(dir, 'b', 'journal.json');
      for (const name of ['Ana Silva', 'Xia One', 'Yan Two']) ok(['add', name], { store: a });
      ok(['log', 'xia', 'yan', '--kind', 'coffee', '--note', 'coffee with both'], { store: a });
      ok(['sync', '--init', remote], { store: a });
      ok(['sync', '--init', remote], { store: b });
      ok([...opA], { store: a });
      ok([...opB], { store: b });
      for (const store of [a, b, a, b]) expect(ok(['sync'], { store })).toContain('Synced.');
      for (const store of [a, b]) {
        const j = readJson(store);
        expect(j.people.map((p: { name: string }) => p.name).sort()).toEqual(people);
        const notes = j.conversations.map((c: { note: string }) => c.note);
        expect(notes).toEqual(people.length === 1 ? [] : ['coffee with both']);
      }
    }
  });
});
