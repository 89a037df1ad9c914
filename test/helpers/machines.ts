// Two machines that sync through a bare git remote, for the sync tests: a new folder with the
// remote and each machine's store (a/ and b/, not made yet).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './rel.js';
import { ok } from './run.js';

export interface Machines {
  /** Machine A's journal. */
  a: string;
  /** Machine B's journal. */
  b: string;
  /** The bare remote's folder (for git --git-dir). */
  remote: string;
  /** The remote as rel sync --init takes it. */
  url: string;
}

/**
 * The folder: a bare remote, and the stores at a/`store` and b/`store` (for the e2e tests'
 * a/data/journal.json), which nothing has made yet.
 */
export function twoMachines(tag: string, store = 'journal.json'): Machines {
  const dir = tempDir(tag);
  const remote = path.join(dir, 'remote.git');
  execFileSync('git', ['init', '-q', '--bare', remote]);
  return { a: path.join(dir, 'a', store), b: path.join(dir, 'b', store), remote, url: `file://${remote}` };
}

/**
 * twoMachines, then in-process: `setup` makes A's journal, A pushes it with sync --init and B
 * joins it, both with `env`.
 */
export async function syncedMachines(
  tag: string,
  setup: (m: Machines) => Promise<void> = async () => {},
  env: Record<string, string> = {},
): Promise<Machines> {
  const m = twoMachines(tag);
  await setup(m);
  await ok(['sync', '--init', m.url], { store: m.a, env });
  await ok(['sync', '--init', m.url], { store: m.b, env });
  return m;
}

/** syncedMachines where A's journal holds `people`, added by rel add. */
export function syncedWith(
  tag: string,
  people: string[],
  env: Record<string, string> = {},
): Promise<Machines> {
  return syncedMachines(
    tag,
    async ({ a }) => {
      for (const name of people) await ok(['add', name], { store: a });
    },
    env,
  );
}

/** The ids of every object in the bare remote's repository. */
export function remoteObjects(remote: string): Set<string> {
  const listed = execFileSync(
    'git',
    ['--git-dir', remote, 'cat-file', '--batch-all-objects', '--batch-check'],
    {
      encoding: 'utf8',
    },
  );
  return new Set(
    listed
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ')[0]!),
  );
}

/**
 * The objects of the bare remote (commits with their messages, trees, blobs as git gives them,
 * uncompressed) that hold `text`, leaving out those in `before` (the remote's objects earlier).
 */
export function remoteObjectsHolding(remote: string, text: string, before = new Set<string>()): string[] {
  return [...remoteObjects(remote)]
    .filter((id) => !before.has(id))
    .filter((id) =>
      execFileSync('git', ['--git-dir', remote, 'cat-file', '-p', id], { encoding: 'latin1' }).includes(text),
    );
}

/**
 * Another machine's push, made while this one pushes: the bare remote's branch goes back to
 * `from` now (the other machine's commit not there yet, though its objects are), and the first
 * push after this is refused as the other's had come first, the branch moving to `to`, so that
 * the pushing sync must fetch and merge again. Later pushes are taken.
 */
export function pushedMeanwhile(remote: string, from: string, to: string, branch = 'main'): void {
  execFileSync('git', ['--git-dir', remote, 'update-ref', `refs/heads/${branch}`, from]);
  const hook = path.join(remote, 'hooks', 'pre-receive');
  const done = path.join(remote, 'pushed-meanwhile');
  fs.writeFileSync(
    hook,
    `#!/bin/sh\ncat >/dev/null\n[ -e '${done}' ] && exit 0\n: > '${done}'\nenv -u GIT_QUARANTINE_PATH git update-ref refs/heads/${branch} ${to}\necho 'the other machine pushed first' >&2\nexit 1\n`,
    { mode: 0o755 },
  );
}
