// The commit rel sync makes after rel encrypt: it says the journal was encrypted, names no one
// (git commit messages are not encrypted), and is not "no changes"; on the machine that receives
// it, no commit message rel makes names anyone either.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pushedMeanwhile, remoteObjects, remoteObjectsHolding, twoMachines } from '../helpers/machines.js';
import { ok, rel } from '../helpers/run.js';

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

  type Step = (b: string) => Promise<unknown>;
  const logOnB =
    (note: string): Step =>
    (b) =>
      ok(['log', 'ana', '--note', note], { store: b, env });
  const syncB: Step = (b) => ok(['sync'], { store: b, env });
  /** What B does before A encrypts, and after A sent the encryption, before B's syncs. */
  const cases: [string, Step[], Step[]][] = [
    ['behind the remote', [], [logOnB('Thinking of resigning')]],
    [
      'with commits of its own',
      [logOnB('Committed while plain everywhere'), syncB],
      [logOnB('Thinking of resigning')],
    ],
    [
      'with a commit it could not send',
      [
        logOnB('Thinking of resigning'),
        async (b) => {
          const failed = await ok(['sync'], { store: b, env: { REL_FAULT: 'git:push:fail' } }).catch(String);
          expect(failed).toContain('git push failed');
        },
      ],
      [],
    ],
    [
      'with a commit it could not send, and a note since',
      [
        logOnB('Committed while plain everywhere'),
        async (b) => {
          await ok(['sync'], { store: b, env: { REL_FAULT: 'git:push:fail' } }).catch(String);
        },
      ],
      [logOnB('Thinking of resigning')],
    ],
    ['having received the encryption, then written', [], [syncB, logOnB('Thinking of resigning')]],
  ];

  it.each(cases)(
    'sends what was written since as ciphertext, never a plain copy or a name into the history (%s)',
    async (_what, beforeEncrypt, afterEncrypt) => {
      const { a, b, remote, url } = twoMachines('sync-plain-behind');
      await ok(['add', 'Ana Silva'], { store: a });
      await ok(['sync', '--init', url], { store: a });
      await ok(['sync', '--init', url], { store: b });
      for (const step of beforeEncrypt) await step(b);
      if (beforeEncrypt.length) await ok(['sync'], { store: a });
      await ok(['encrypt'], { store: a, env });
      await ok(['sync'], { store: a, env });
      const sent = remoteObjects(remote);
      for (const step of afterEncrypt) await step(b);
      const said = await ok(['sync'], { store: b, env });
      expect(said).toContain('Synced.');
      await ok(['sync'], { store: a, env });
      await ok(['log', 'ana', '--note', 'Later, on B'], { store: b, env });
      await ok(['sync'], { store: b, env });
      // Nothing sent since the encryption holds a name or a note in plain, not even a message.
      for (const text of ['Ana Silva', 'ana-silva', 'Thinking of resigning', 'Later, on B'])
        expect(remoteObjectsHolding(remote, text, sent), text).toEqual([]);
      expect(plainBlobs(remote, 'Thinking of resigning')).toEqual([]);
      // Nothing is lost: both machines have the conversation, and agree.
      await ok(['sync'], { store: a, env });
      for (const store of [a, b]) {
        const notes = JSON.parse(await ok(['history', 'ana', '--json'], { store, env }));
        expect(JSON.stringify(notes)).toContain('Thinking of resigning');
        expect(JSON.stringify(notes)).toContain('Later, on B');
      }
    },
  );
});

describe('a remote encrypted while a machine still plain sends', { timeout: 300_000 }, () => {
  it('the commit the remote refused is not sent: what it held goes in the merge, sealed', async () => {
    const { a, b, remote, url } = twoMachines('sync-encrypted-meanwhile');
    await ok(['add', 'Ana Silva'], { store: a });
    await ok(['sync', '--init', url], { store: a });
    await ok(['sync', '--init', url], { store: b });
    const tip = () =>
      execFileSync('git', ['--git-dir', remote, 'rev-parse', 'main'], { encoding: 'utf8' }).trim();
    const plain = tip();
    await ok(['encrypt'], { store: a, env });
    await ok(['sync'], { store: a, env });
    const sent = remoteObjects(remote);
    // B fetches the plain journal, commits, and finds the encrypted one there when it pushes.
    pushedMeanwhile(remote, plain, tip());
    await ok(['log', 'ana', '--note', 'Thinking of resigning'], { store: b });
    // It met the encryption only on its second attempt (the push refused).
    expect(await ok(['sync'], { store: b, env })).toMatch(
      /^Committed: .*\n[\s\S]*now encrypted[\s\S]*Synced\.$/m,
    );
    for (const text of ['Ana Silva', 'ana-silva', 'Thinking of resigning'])
      expect(remoteObjectsHolding(remote, text, sent), text).toEqual([]);
    await ok(['sync'], { store: a, env });
    for (const store of [a, b]) {
      const notes = JSON.parse(await ok(['history', 'ana', '--json'], { store, env }));
      expect(JSON.stringify(notes)).toContain('Thinking of resigning');
    }
  });
});

describe('a machine with a plain journal, the remote encrypted, no passphrase given', {
  timeout: 300_000,
}, () => {
  const { REL_KDF_LOG_N } = env;
  it.each([
    ['still plain, the remote encrypted on the other machine', false, []],
    ['still plain, run with --no-input', false, ['--no-input']],
    ['decrypted here since the last sync', true, []],
  ])(
    'is told why the passphrase is needed, and that nothing changed (%s)',
    async (_what, decrypted, flags) => {
      const { a, b, url } = twoMachines('sync-plain-no-passphrase');
      await ok(['add', 'Ana Silva'], { store: a });
      if (decrypted) await ok(['encrypt'], { store: a, env });
      await ok(['sync', '--init', url], { store: a, env });
      await ok(['sync', '--init', url], { store: b, env });
      if (decrypted) await ok(['decrypt'], { store: b, env });
      else await ok(['encrypt'], { store: a, env });
      await ok(['log', 'ana', '--note', 'On A'], { store: a, env });
      await ok(['sync'], { store: a, env });
      await ok(['log', 'ana', '--note', 'On B'], { store: b });
      const head = () =>
        execFileSync('git', ['rev-parse', 'HEAD'], { cwd: path.dirname(b), encoding: 'utf8' });
      const [journal, commit] = [fs.readFileSync(b), head()];
      const r = await rel([...flags, 'sync'], { store: b, env: { REL_KDF_LOG_N } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        decrypted
          ? 'is encrypted: the journal here is plain since a rel decrypt here, and no passphrase was given to read it. Nothing was synced: the journal here and the remote are as they were.'
          : 'is encrypted: another machine encrypted it (rel encrypt there) and the journal here is still plain, and no passphrase was given to read it. Nothing was synced: the journal here and the remote are as they were.',
      );
      expect(r.stderr).toContain(
        `Run rel sync again with the journal's passphrase, the one it was encrypted with: set REL_PASSPHRASE to it, or run rel ${flags.length ? 'without --no-input' : 'in a terminal'} to be asked for it.${decrypted ? '' : ' The journal here is then encrypted too, as it is there.'}`,
      );
      expect(r.stderr).not.toMatch(/another key|rel unlock/);
      expect(fs.readFileSync(b).equals(journal)).toBe(true);
      expect(head()).toBe(commit);
    },
  );
});

describe('a remote whose history was started anew, encrypted', { timeout: 300_000 }, () => {
  it('a machine with the old history is refused, and joins the new one as told', async () => {
    const { a, b, remote, url } = twoMachines('sync-started-anew');
    await ok(['add', 'Ana Silva'], { store: a });
    await ok(['sync', '--init', url], { store: a });
    await ok(['sync', '--init', url], { store: b });
    // A drops the plain history as the README says: encrypt, delete .git and the remote, set up again.
    await ok(['encrypt'], { store: a, env });
    fs.rmSync(path.join(path.dirname(a), '.git'), { recursive: true });
    fs.rmSync(remote, { recursive: true });
    execFileSync('git', ['init', '-q', '--bare', remote]);
    await ok(['sync', '--init', url], { store: a, env });
    await ok(['log', 'ana', '--note', 'Thinking of resigning'], { store: b });
    const journal = fs.readFileSync(b);
    const refused = await rel(['sync'], { store: b, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `The remote (${url}) holds an encrypted journal whose history shares no commit with this machine's`,
    );
    expect(refused.stderr).toContain('Nothing was synced: the journal here and the remote are as they were.');
    expect(fs.readFileSync(b).equals(journal)).toBe(true);
    const names = ['Ana Silva', 'ana-silva', 'Thinking of resigning'];
    for (const text of names) expect(remoteObjectsHolding(remote, text), text).toEqual([]);
    // What it says to do: the old .git moved away, sync set up again.
    const dotGit = path.join(path.dirname(b), '.git');
    expect(refused.stderr).toContain(
      `mv ${JSON.stringify(dotGit)} ${JSON.stringify(`${dotGit}.old`)} && rel sync --init ${url}`,
    );
    fs.renameSync(dotGit, `${dotGit}.old`);
    await ok(['sync', '--init', url], { store: b, env });
    await ok(['sync'], { store: a, env });
    for (const text of names) expect(remoteObjectsHolding(remote, text), text).toEqual([]);
    for (const store of [a, b]) {
      const notes = JSON.parse(await ok(['history', 'ana', '--json'], { store, env }));
      expect(JSON.stringify(notes)).toContain('Thinking of resigning');
    }
  });
});
