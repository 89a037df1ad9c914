// The commit rel sync makes after rel encrypt: it says the journal was encrypted, names no one
// (git commit messages are not encrypted), and is not "no changes"; on the machine that receives
// it, no commit message rel makes names anyone either.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoMachines } from '../helpers/machines.js';
import { ok } from '../helpers/run.js';

const env = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery' };

const messages = (store: string) =>
  execFileSync('git', ['log', '--format=%B%x00'], { cwd: path.dirname(store), encoding: 'utf8' })
    .split('\0')
    .map((m) => m.trim())
    .filter(Boolean);

describe('the commit of an encrypted journal', { timeout: 300_000 }, () => {
  it.each([
    ['encrypted alone', false],
    ['encrypted with a conversation logged before', true],
  ])('%s', async (_what, logged) => {
    const { a, b, url } = twoMachines('sync-encrypt-message');
    await ok(['add', 'Ana Silva'], { store: a });
    await ok(['sync', '--init', url], { store: a });
    await ok(['sync', '--init', url], { store: b, env });
    if (logged) await ok(['log', 'ana', '--note', 'Roadmap'], { store: a });
    await ok(['encrypt'], { store: a, env });
    const said = await ok(['sync'], { store: a, env });
    const subject = logged
      ? 'rel: 1 conversation added; the journal encrypted'
      : 'rel: the journal encrypted';
    expect(said).toContain(`Committed: ${subject.replace(/^rel: /, '')}`);
    expect(messages(a)[0]).toBe(subject);
    await ok(['log', 'ana', '--note', 'On b'], { store: b, env });
    await ok(['sync'], { store: b, env });
    for (const store of [a, b]) {
      const [newest, ...older] = messages(store);
      expect(newest).not.toContain('Ana Silva');
      expect(newest).not.toMatch(/no changes/);
      // Only the commit made while the journal was plain names her.
      expect(older.filter((m) => m.includes('Ana Silva'))).toEqual([
        'rel: 1 person added\n\nAbout: Ana Silva',
      ]);
    }
  });
});

describe('a machine still plain that syncs with a remote encrypted meanwhile', { timeout: 300_000 }, () => {
  /** Every blob of the remote's repository that holds `text` in plain. */
  const plainBlobs = (remote: string, text: string) =>
    execFileSync('git', ['--git-dir', remote, 'cat-file', '--batch-all-objects', '--batch-check'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((line) => line.includes(' blob '))
      .map((line) => line.split(' ')[0]!)
      .filter((blob) =>
        execFileSync('git', ['--git-dir', remote, 'cat-file', 'blob', blob], { encoding: 'latin1' }).includes(
          text,
        ),
      );

  it.each(['behind the remote', 'with commits of its own'])(
    'sends what was written since as ciphertext, never a plain copy into the history (%s)',
    async (what) => {
      const { a, b, remote, url } = twoMachines('sync-plain-behind');
      await ok(['add', 'Ana Silva'], { store: a });
      await ok(['sync', '--init', url], { store: a });
      await ok(['sync', '--init', url], { store: b });
      if (what === 'with commits of its own') {
        await ok(['log', 'ana', '--note', 'Committed while plain everywhere'], { store: b });
        await ok(['sync'], { store: b });
        await ok(['sync'], { store: a });
      }
      await ok(['encrypt'], { store: a, env });
      await ok(['sync'], { store: a, env });
      // B, still plain, writes something new, then syncs with the encrypted remote.
      await ok(['log', 'ana', '--note', 'Thinking of resigning'], { store: b, env });
      const said = await ok(['sync'], { store: b, env });
      expect(said).toContain('Synced.');
      expect(plainBlobs(remote, 'Thinking of resigning')).toEqual([]);
      // Nothing is lost: both machines have the conversation, and agree.
      await ok(['sync'], { store: a, env });
      for (const store of [a, b]) {
        const notes = JSON.parse(await ok(['history', 'ana', '--json'], { store, env }));
        expect(JSON.stringify(notes)).toContain('Thinking of resigning');
      }
    },
  );
});
