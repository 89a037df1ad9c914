// Two machines that sync through a bare git remote, for the sync tests: a new folder with the
// remote and each machine's store (a/ and b/, not made yet).
import { execFileSync } from 'node:child_process';
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
