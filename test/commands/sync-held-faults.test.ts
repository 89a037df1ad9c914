// A sync held back (sync.ts heldBack: this machine still plain, the remote encrypted meanwhile,
// so what was written or committed here since is merged uncommitted and only the sealed merge is
// committed) failing at each of its git steps in turn: it says truly what it left, nothing
// written on either machine is lost once both have synced again, and nothing plain is sent.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { onCheckpoint } from '../../src/store/faults.js';
import { remoteObjects, remoteObjectsHolding, twoMachines } from '../helpers/machines.js';
import { ok, rel } from '../helpers/run.js';

const env = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery' };

afterEach(() => onCheckpoint(undefined));

const notes = async (store: string): Promise<string[]> =>
  JSON.parse(await ok(['history', 'ana', '--json'], { store, env }))
    .map((c: { note: string }) => c.note)
    .sort();

/**
 * A encrypts and sends it; B, still plain, has a note written since (`unsent`: committed by a
 * sync whose push failed, before A encrypted) and is about to sync.
 */
async function heldBackSetUp(tag: string, unsent: boolean) {
  const m = twoMachines(tag);
  await ok(['add', 'Ana Silva'], { store: m.a });
  await ok(['sync', '--init', m.url], { store: m.a });
  await ok(['sync', '--init', m.url], { store: m.b });
  await ok(['log', 'ana', '--note', 'Written on B'], { store: m.b });
  if (unsent) expect((await rel(['sync'], { store: m.b, env: { REL_FAULT: 'git:push:fail' } })).code).toBe(1);
  await ok(['encrypt'], { store: m.a, env });
  await ok(['sync'], { store: m.a, env });
  return { ...m, sent: remoteObjects(m.remote) };
}

/** The git steps a held-back sync of B passes, in order, each with its count so far ("update-ref@2"). */
async function gitSteps(unsent: boolean): Promise<string[]> {
  const m = await heldBackSetUp('sync-held-steps', unsent);
  const steps: string[] = [];
  const seen = new Map<string, number>();
  onCheckpoint((step) => {
    if (!step.startsWith('git:')) return;
    const n = (seen.get(step) ?? 0) + 1;
    seen.set(step, n);
    steps.push(`${step}@${n}`);
  });
  await ok(['sync'], { store: m.b, env });
  onCheckpoint(undefined);
  return steps;
}

describe('a held-back sync failing at each git step', { timeout: 900_000 }, () => {
  for (const [what, unsent] of [
    ['a note written since', false],
    ['a commit not sent', true],
  ] as const) {
    it(`${what}: says what it left, loses nothing, sends nothing plain`, async () => {
      // From the fetch on (the steps before it, the repository's checks, are every sync's): each
      // git command where it is first run, and every run of those that change the repository.
      const all = await gitSteps(unsent);
      const writes = /^git:(update-ref|read-tree|add|write-tree|commit-tree|push)@/;
      const met = new Set<string>();
      const steps = all.slice(all.indexOf('git:fetch@1')).filter((step) => {
        const command = step.replace(/@\d+$/, '');
        const first = !met.has(command);
        met.add(command);
        return first || writes.test(step);
      });
      expect(steps.length).toBeGreaterThan(10);
      // The held-back path itself: taking back what was not sent, the merge, its commit, the push.
      for (const step of ['git:commit-tree@1', 'git:push@1', ...(unsent ? ['git:rev-list@1'] : [])])
        expect(steps).toContain(step);
      for (const step of steps) {
        const m = await heldBackSetUp(`sync-held-${step.replace(/[:@]/g, '-')}`, unsent);
        const head = () =>
          execFileSync('git', ['rev-parse', 'HEAD'], { cwd: path.dirname(m.b), encoding: 'utf8' }).trim();
        const [journal, commit] = [fs.readFileSync(m.b), head()];
        const failed = await rel(['sync'], { store: m.b, env: { ...env, REL_FAULT: `${step}:fail` } });
        expect(failed.code, step).toBe(1);
        const now = fs.readFileSync(m.b);
        const committed = execFileSync('git', ['show', `HEAD:journal.json`], { cwd: path.dirname(m.b) });
        // The commit the failed push left is named while HEAD still holds it.
        const left = now.equals(journal)
          ? unsent && head() === commit
            ? 'Nothing was sent, and the journal is as it was. Committed here, not sent: 1 conversation added.'
            : 'Nothing was synced: the journal is as it was.'
          : committed.equals(now)
            ? 'The journal here holds what the sync merged, committed here but not yet sent.'
            : 'The journal here holds what the sync merged, not yet committed or sent.';
        expect(failed.stderr, step).toContain(left);
        // Nothing new was committed here that could be sent plain: HEAD is where it was (or back
        // at the last commit the remote has too), or at the sealed merge.
        const back = spawnSync('git', ['merge-base', '--is-ancestor', head(), commit], {
          cwd: path.dirname(m.b),
        });
        if (back.status !== 0) expect(committed.subarray(0, 8).toString(), step).toBe('RELCRYPT');
        await ok(['log', 'ana', '--note', 'After the failure'], { store: m.b, env });
        for (const store of [m.b, m.a, m.b]) await ok(['sync'], { store, env });
        for (const text of ['Ana Silva', 'ana-silva', 'Written on B', 'After the failure'])
          expect(remoteObjectsHolding(m.remote, text, m.sent), `${step}: ${text}`).toEqual([]);
        for (const store of [m.a, m.b])
          expect(await notes(store), step).toEqual(['After the failure', 'Written on B']);
      }
    });
  }
});
