// What a sync brings is taken whole: an undo right after a fast-forward takes back the sync (not
// an older change of this machine's), an encryption made on the other machine stays when this
// one merges, and a forget made there scrubs this machine's conversations as a forget here would.
// Two clones of a bare repository on this machine (file://), as test/commands/sync.test.ts does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conversation, Journal } from '../../src/core/journal.js';
import { type Machines, syncedWith } from '../helpers/machines.js';
import { bytesOf, ok, readJson, rel, tempDir } from '../helpers/run.js';

const FAST = { REL_KDF_LOG_N: '10' };

const notes = (store: string) => (readJson(store) as Journal).conversations.map((c) => c.note).sort();
const onRemote = (m: Machines) =>
  execFileSync('git', ['--git-dir', m.remote, 'show', 'main:journal.json']).subarray(0, 8).toString();

describe('rel undo right after a fast-forward sync', { timeout: 300_000 }, () => {
  it('takes back what the sync brought, never the older change before it', async () => {
    const m = await syncedWith('ff-undo', ['Ana Silva']);
    await ok(['log', 'ana', '--note', 'B-note-1'], { store: m.b });
    await ok(['sync'], { store: m.b });
    await ok(['log', 'ana', '--note', 'A-only'], { store: m.a });
    await ok(['sync'], { store: m.a });
    // B has nothing new: its sync is a fast-forward to A's merge.
    expect(await ok(['sync'], { store: m.b })).toContain('Received: 1 conversation added');
    const r = await rel(['undo', '--yes'], { store: m.b });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Undone: the changes a sync brought: 1 conversation added \(about Ana Silva\)/);
    expect(r.stdout).toContain('The next rel sync takes this back on the other machines too.');
    expect(r.stdout).toContain('1 earlier change can still be undone');
    expect(notes(m.b)).toEqual(['B-note-1']);
    // B's own entry, synced long ago, is kept on every machine.
    for (const store of [m.b, m.a]) await ok(['sync'], { store });
    expect(notes(m.a)).toEqual(['B-note-1']);
    expect(notes(m.b)).toEqual(['B-note-1']);
  });
});

describe('a sync with a machine that encrypted the journal', { timeout: 300_000 }, () => {
  it('when the encryption is all it brought, the merge here is encrypted too, and so is the remote', async () => {
    const env = { ...FAST, REL_PASSPHRASE: 'sekrit' };
    const m = await syncedWith('enc-merge', ['Ana Silva']);
    await ok(['encrypt'], { store: m.a, env });
    await ok(['sync'], { store: m.a, env });
    expect(onRemote(m)).toBe('RELCRYPT');
    await ok(['log', 'ana', '--note', 'B plain'], { store: m.b });
    const synced = await ok(['sync'], { store: m.b, env });
    expect(bytesOf(m.b)!.subarray(0, 8).toString()).toBe('RELCRYPT');
    expect(onRemote(m)).toBe('RELCRYPT');
    expect(synced).toContain('The journal here is now encrypted, as the other machine encrypted it');
    await ok(['sync'], { store: m.a, env });
    expect(bytesOf(m.a)!.subarray(0, 8).toString()).toBe('RELCRYPT');
    const history = await ok(['history', 'ana', '--json'], { store: m.a, env });
    expect(history).toContain('B plain');
    // Every copy rel keeps on B is encrypted with it: nothing there is left in the clear.
    const folder = path.dirname(m.b);
    for (const name of fs.readdirSync(folder).filter((n) => n.startsWith('.journal.json.')))
      expect(fs.readFileSync(path.join(folder, name)).includes('B plain'), name).toBe(false);
    const doctor = await ok(['doctor'], { store: m.a, env });
    expect(doctor).toMatch(/backups kept \((\d+) valid/);
    expect(doctor).not.toMatch(/\(0 valid/);
  });

  it('a machine with nothing new takes the encryption in its fast-forward, and says so', async () => {
    const env = { ...FAST, REL_PASSPHRASE: 'sekrit' };
    const m = await syncedWith('enc-ff', ['Ana Silva']);
    await ok(['encrypt'], { store: m.a, env });
    await ok(['sync'], { store: m.a, env });
    const synced = await ok(['sync'], { store: m.b, env });
    expect(synced).toContain('The journal here is now encrypted, as the other machine encrypted it');
    expect(bytesOf(m.b)!.subarray(0, 8).toString()).toBe('RELCRYPT');
  });
});

describe('a forget that arrives by sync', { timeout: 300_000 }, () => {
  it('takes the person out of conversations with others exactly as a forget here would', async () => {
    const m = await syncedWith('forget-scrub-merge', ['Cara', 'Dan', 'Eve', 'Fay', 'Gus Secret']);
    await ok(['log', 'cara', 'dan', 'eve', 'fay', '--kind', 'meeting', '--note', 'team meeting of 4'], {
      store: m.b,
    });
    await ok(
      [
        'log',
        'cara',
        'gus',
        '--note',
        'pair chat',
        '--heard',
        'Gus: going through a divorce, very private',
        '--heard',
        'Cara: likes cats',
      ],
      { store: m.b },
    );
    // The same forget made on B's own copy, for comparison.
    const local = path.join(tempDir('forget-here'), 'j', 'journal.json');
    fs.mkdirSync(path.dirname(local));
    fs.copyFileSync(m.b, local);
    await ok(['forget', 'fay', '--yes'], { store: local });
    await ok(['forget', 'gus', '--yes'], { store: local });

    await ok(['forget', 'fay', '--yes'], { store: m.a });
    await ok(['forget', 'gus', '--yes'], { store: m.a });
    for (const store of [m.b, m.a, m.b]) await ok(['sync'], { store });

    const unstamped = (c: Conversation) => ({ ...c, updatedAt: undefined });
    const byNote = (store: string) =>
      (readJson(store) as Journal).conversations.map(unstamped).sort((x, y) => (x.note < y.note ? -1 : 1));
    const expected = byNote(local);
    expect(expected.find((c) => c.note === 'pair chat')).toMatchObject({
      with: ['cara'],
      heard: ['likes cats'],
      heardFrom: ['cara'],
      size: 2,
    });
    expect(expected.find((c) => c.note === 'team meeting of 4')).toMatchObject({
      with: ['cara', 'dan', 'eve'],
      size: 4,
    });
    for (const store of [m.a, m.b]) {
      expect(byNote(store)).toEqual(expected);
      expect(fs.readFileSync(store, 'utf8')).not.toContain('divorce');
      expect(fs.readFileSync(store, 'utf8')).not.toContain('gus-secret');
      expect(await ok(['search', 'divorce'], { store })).toContain('Nothing found');
    }
    // The meeting of four is still a group: Dan and Eve are due, as after a forget here.
    const due = await ok(['due'], { store: m.a });
    expect(due).toContain('Dan');
    expect(due).toContain('Eve');
  });
});

describe('rel doctor', () => {
  it('flags a listening note heard from someone who is not in the journal (a forget an older sync brought)', async () => {
    const store = path.join(tempDir('heard-from-no-one'), 'j', 'journal.json');
    for (const name of ['Cara', 'Gus Secret']) await ok(['add', name], { store });
    await ok(['log', 'cara', 'gus', '--note', 'pair chat', '--heard', 'Gus: very private'], { store });
    expect(await ok(['doctor'], { store })).toContain('All is well');
    // What an older rel's sync left of the forget: Gus out of the people and of `with` only.
    const j = readJson(store) as Journal;
    j.people = j.people.filter((p) => p.id !== 'gus-secret');
    j.conversations[0]!.with = ['cara'];
    fs.writeFileSync(store, JSON.stringify(j, null, 2));
    const r = await rel(['doctor'], { store });
    expect(r.stdout + r.stderr).toContain(
      `Listening notes heard from someone who is not in the journal (forgotten, or merged away): conversation ${j.conversations[0]!.id} from gus-secret.`,
    );
  });
});

describe('rel merge of two people', () => {
  it('what was heard from the duplicate is heard from the person kept', async () => {
    const store = path.join(tempDir('merge-heard'), 'j', 'journal.json');
    for (const name of ['Cara', 'Ana Silva', 'Ana S']) await ok(['add', name], { store });
    await ok(['log', 'cara', 'ana s', '--note', 'trio', '--heard', 'Ana S: moving teams'], { store });
    await ok(['merge', 'Ana Silva', 'Ana S'], { store });
    const c = (readJson(store) as Journal).conversations[0]!;
    expect(c.with).toEqual(['cara', 'ana-silva']);
    expect(c.heardFrom).toEqual(['ana-silva']);
    expect(await ok(['doctor'], { store })).toContain('All is well');
  });
});

describe('a backup put back on one machine', { timeout: 300_000 }, () => {
  it('does not delete on every machine what was already synced: the sync keeps it, and says so', async () => {
    const m = await syncedWith('restore-kept', ['Ana Silva']);
    await ok(['log', 'ana', '--note', 'X committed'], { store: m.a });
    for (const store of [m.a, m.b]) await ok(['sync'], { store });
    await ok(['doctor', '--restore', '--yes'], { store: m.a });
    expect(notes(m.a)).toEqual([]);
    const synced = await ok(['sync'], { store: m.a });
    expect(synced).toMatch(/^Kept 1 conversation already synced that the journal here no longer had/);
    expect(notes(m.a)).toEqual(['X committed']);
    await ok(['sync'], { store: m.b });
    expect(notes(m.b)).toEqual(['X committed']);
    // A deletion made with rel still travels.
    const id = (readJson(m.a) as Journal).conversations[0]!.id;
    await ok(['conversation', 'delete', id], { store: m.a });
    expect(await ok(['sync'], { store: m.a })).not.toContain('Kept');
    await ok(['sync'], { store: m.b });
    expect(notes(m.b)).toEqual([]);
  });
});

describe('a journal kept in a git repository of its own', () => {
  it('rel sync and rel sync --init refuse (exit 2), push nothing and change nothing in it', async () => {
    const dir = tempDir('own-repo');
    const repo = path.join(dir, 'repo');
    const remote = path.join(dir, 'remote.git');
    fs.mkdirSync(repo);
    execFileSync('git', ['init', '-q', '--bare', remote]);
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.email=u@u', '-c', 'user.name=u', ...args], {
        encoding: 'utf8',
      });
    git('init', '-q');
    fs.writeFileSync(path.join(repo, 'passwords.txt'), 'secret\n');
    git('add', '.');
    git('commit', '-qm', 'init');
    const exclude = fs.readFileSync(path.join(repo, '.git', 'info', 'exclude'), 'utf8');
    const store = path.join(repo, 'journal.json');
    await ok(['add', 'Ana Silva'], { store });
    for (const args of [['sync', '--init', `file://${remote}`], ['sync']]) {
      // --init in a repository with no remote; then rel sync in one with a remote of its own.
      if (args.length === 1) git('remote', 'add', 'origin', `file://${remote}`);
      const r = await rel(args, { store });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(
        'is a git repository of your own, holding other files than the journal (passwords.txt)',
      );
      expect(execFileSync('git', ['--git-dir', remote, 'for-each-ref'], { encoding: 'utf8' })).toBe('');
      expect(fs.readFileSync(path.join(repo, '.git', 'info', 'exclude'), 'utf8')).toBe(exclude);
      expect(git('log', '--format=%s')).toBe('init\n');
      expect(git('status', '--porcelain', '--untracked-files=all')).toContain('?? journal.json\n');
      expect(fs.existsSync(path.join(repo, '.gitattributes'))).toBe(false);
    }
  });
});
