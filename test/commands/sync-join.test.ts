// rel sync --init joining a remote: what it says, what rel undo does with it afterwards, and the
// remotes and folders it must not take for a journal's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Journal } from '../../src/core/journal.js';
import { bytesOf, ok, readJson, rel, tempDir } from '../helpers/run.js';

const names = (j: Journal) => j.people.map((p) => p.name).sort();

describe('rel undo right after joining', { timeout: 300_000 }, () => {
  it('refuses, changing nothing, and the syncs after it delete nothing of the other machine', async () => {
    const dir = tempDir('undo-join');
    const remote = `file://${path.join(dir, 'remote.git')}`;
    execFileSync('git', ['init', '-q', '--bare', path.join(dir, 'remote.git')]);
    const a = path.join(dir, 'a', 'journal.json');
    const b = path.join(dir, 'b', 'journal.json');
    await ok(['add', 'Ana Silva'], { store: a });
    await ok(['log', 'ana', '--note', 'A1'], { store: a });
    await ok(['sync', '--init', remote], { store: a });
    await ok(['add', 'Bea Local'], { store: b });
    const joined = await ok(['sync', '--init', remote], { store: b });
    // What came here, then what this machine added to the remote: not the other way round.
    expect(joined).toContain('Received: 1 person, 1 conversation added\nSent: 1 person added');
    const before = bytesOf(b);
    const undoData = fs.readFileSync(path.join(dir, 'b', '.journal.json.undo'));
    const r = await rel(['undo'], { store: b });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Cannot undo "joining a synced journal (rel sync --init), which brought 1 person',
    );
    expect(r.stderr).toContain('would delete them there too at the next rel sync. Nothing was changed.');
    expect(bytesOf(b)).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'b', '.journal.json.undo'))).toEqual(undoData);
    for (const store of [b, a, b]) await ok(['sync'], { store });
    for (const store of [a, b]) {
      expect(names(readJson(store))).toEqual(['Ana Silva', 'Bea Local']);
      expect((readJson(store) as Journal).conversations.map((c) => c.note)).toEqual(['A1']);
    }
    // The way out it names: B alone again, as before it joined; A keeps everything.
    fs.renameSync(path.join(dir, 'b', '.git'), path.join(dir, 'b', '.git.joined'));
    await ok(['doctor', '--restore', '--yes'], { store: b });
    expect(names(readJson(b))).toEqual(['Bea Local']);
  });
});

/** A clone of the remote where a newer rel's journal (schema 3) is committed and pushed to main. */
function pushNewerSchema(remote: string, dir: string): string {
  const clone = path.join(dir, 'newer');
  execFileSync('git', ['clone', '-q', '-b', 'main', remote, clone]);
  const file = path.join(clone, 'journal.json');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"schema": 2', '"schema": 3'));
  const g = (...args: string[]) =>
    execFileSync('git', ['-C', clone, '-c', 'user.name=n', '-c', 'user.email=n@n', ...args], {
      encoding: 'utf8',
    });
  g('commit', '-qam', 'newer rel');
  g('push', '-q', 'origin', 'HEAD:main');
  return g('rev-parse', 'HEAD').trim();
}

const remoteHead = (remote: string) =>
  execFileSync('git', ['--git-dir', remote.replace('file://', ''), 'rev-parse', 'main'], {
    encoding: 'utf8',
  }).trim();

describe('a remote journal written by a newer rel', { timeout: 300_000 }, () => {
  it('rel sync refuses, the journal here and the remote as they were; joining it is refused too', async () => {
    const dir = tempDir('sync-newer');
    const remote = `file://${path.join(dir, 'remote.git')}`;
    execFileSync('git', ['init', '-q', '--bare', path.join(dir, 'remote.git')]);
    const a = path.join(dir, 'a', 'journal.json');
    await ok(['add', 'Ana Silva'], { store: a });
    await ok(['sync', '--init', remote], { store: a });
    const newer = pushNewerSchema(remote, dir);
    await ok(['log', 'ana', '--note', 'local before newer'], { store: a });
    const before = bytesOf(a);
    const r = await rel(['sync'], { store: a });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'journal.json on the remote was written by a newer rel (schema 3): another machine runs a newer rel. This rel knows schema 2 and will not change it. Nothing was synced: the journal here and the remote are as they were.',
    );
    expect(r.stderr).toContain('Upgrade rel to sync with it');
    expect(bytesOf(a)).toEqual(before);
    expect(remoteHead(remote)).toBe(newer);

    const c = path.join(dir, 'c', 'journal.json');
    await ok(['add', 'Cy Diaz'], { store: c });
    const cBefore = bytesOf(c);
    const joined = await rel(['sync', '--init', remote], { store: c });
    expect(joined.code).toBe(1);
    expect(joined.stderr).toContain('written by a newer rel (schema 3)');
    expect(joined.stderr).toContain('Sync was not set up: the journal is as it was.');
    expect(bytesOf(c)).toEqual(cBefore);
    expect(fs.existsSync(path.join(dir, 'c', '.git'))).toBe(false);
    expect(remoteHead(remote)).toBe(newer);
  });
});

describe('a remote that holds something else than a journal', { timeout: 300_000 }, () => {
  it('rel sync --init refuses it: nothing pushed there, no repository left here, the journal as it was', async () => {
    const dir = tempDir('sync-code-repo');
    const work = path.join(dir, 'code');
    const g = (...args: string[]) =>
      execFileSync('git', ['-C', work, '-c', 'user.name=n', '-c', 'user.email=n@n', ...args], {
        encoding: 'utf8',
      });
    fs.mkdirSync(work);
    g('init', '-q', '--initial-branch=main');
    fs.writeFileSync(path.join(work, 'app.py'), 'print(1)\n');
    g('add', '.');
    g('commit', '-qm', 'code');
    execFileSync('git', ['clone', '-q', '--bare', work, path.join(dir, 'code.git')]);
    const remote = `file://${path.join(dir, 'code.git')}`;
    const head = remoteHead(remote);
    const a = path.join(dir, 'a', 'journal.json');
    await ok(['add', 'Ana Silva'], { store: a });
    const before = bytesOf(a);
    const r = await rel(['sync', '--init', remote], { store: a });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${remote} is not empty and holds no journal (its main branch has app.py, no journal.json): is this the right repository? Nothing was synced`,
    );
    expect(remoteHead(remote)).toBe(head);
    expect(bytesOf(a)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'a', '.git'))).toBe(false);
  });
});
