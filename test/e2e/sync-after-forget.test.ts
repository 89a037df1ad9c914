// A forget made on one machine, and on the other, before it syncs, something written about the
// forgotten person: that machine's sync must not push it. What it wrote since its last sync is
// merged with the forget first, and only the merge (which no longer holds the person) is pushed:
// no object the remote receives after the forget holds the note, and no commit message after it
// names the person (store/sync.ts, bringsForget).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncedWith } from '../helpers/machines.js';
import { ok, readJson, rel } from '../helpers/run.js';

const git = (remote: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', remote, ...args], { encoding: 'utf8' });

/** Every object of the remote, decompressed, as one text. */
const remoteObjects = (remote: string) =>
  git(remote, 'cat-file', '--batch-all-objects', '--batch', '--unordered');

/** The messages of the commits on the remote's main made after `commit`. */
const messagesAfter = (remote: string, commit: string) =>
  git(remote, 'log', '--format=%B', `${commit}..main`);

const notes = (store: string): string[] =>
  readJson(store)
    .conversations.map((c: { note: string }) => c.note)
    .sort();

describe('a sync that meets a forget made on the other machine', { timeout: 120_000 }, () => {
  it('a note about the forgotten person, written here since the last sync, is not pushed', async () => {
    const m = await syncedWith('sync-after-forget', ['Sam Lee', 'Ana Silva']);
    await ok(['forget', 'sam', '--yes'], { store: m.a });
    await ok(['sync'], { store: m.a });
    const forget = git(m.remote, 'rev-parse', 'main').trim();
    await ok(['log', 'sam', '--note', 'SAMSECRET2 on b', '--heard', 'SAMHEARD2'], { store: m.b });
    await ok(['log', 'ana', '--note', 'ana on b'], { store: m.b });
    const synced = await ok(['sync'], { store: m.b });
    expect(synced).not.toContain('Committed:');
    expect(synced).toContain('Synced.');
    const objects = remoteObjects(m.remote);
    expect(objects).not.toContain('SAMSECRET2');
    expect(objects).not.toContain('SAMHEARD2');
    expect(messagesAfter(m.remote, forget)).not.toContain('Sam Lee');
    // What else B wrote is there, on both machines; Sam is on neither.
    await ok(['sync'], { store: m.a });
    for (const store of [m.a, m.b]) {
      expect(notes(store)).toEqual(['ana on b']);
      expect(readJson(store).people.map((p: { name: string }) => p.name)).toEqual(['Ana Silva']);
    }
  });

  it('a commit made here by a sync that could not push, naming the person, is not pushed either', async () => {
    const m = await syncedWith('sync-after-forget-unpushed', ['Sam Lee', 'Ana Silva']);
    await ok(['log', 'sam', '--note', 'SAMSECRET3 on b'], { store: m.b });
    // B's sync commits, then its push fails: the commit stays here, unsent.
    const failed = await rel(['sync'], { store: m.b, env: { REL_FAULT: 'git:push:fail' } });
    expect(failed.code).toBe(1);
    const b = path.dirname(m.b);
    expect(execFileSync('git', ['-C', b, 'log', '-1', '--format=%B'], { encoding: 'utf8' })).toContain(
      'About: Sam Lee',
    );
    await ok(['forget', 'sam', '--yes'], { store: m.a });
    await ok(['sync'], { store: m.a });
    const forget = git(m.remote, 'rev-parse', 'main').trim();
    await ok(['sync'], { store: m.b });
    expect(remoteObjects(m.remote)).not.toContain('SAMSECRET3');
    expect(messagesAfter(m.remote, forget)).not.toContain('Sam Lee');
    await ok(['sync'], { store: m.a });
    for (const store of [m.a, m.b])
      expect(readJson(store).people.map((p: { name: string }) => p.name)).toEqual(['Ana Silva']);
  });

  it('with no forget on the remote, a change here is committed and pushed as before', async () => {
    const m = await syncedWith('sync-no-forget', ['Sam Lee']);
    await ok(['log', 'sam', '--note', 'from a'], { store: m.a });
    await ok(['sync'], { store: m.a });
    await ok(['log', 'sam', '--note', 'from b'], { store: m.b });
    const synced = await ok(['sync'], { store: m.b });
    expect(synced).toContain('Committed: 1 conversation added');
    expect(git(m.remote, 'log', '--format=%B', '-n', '3', 'main')).toContain('About: Sam Lee');
  });
});
