// rel sync under faults: a sync stopped at any git step (SIGKILL, SIGTERM) leaves nothing that
// later writes the journal, and the next sync carries on. (What a `git pull` by hand leaves
// unfinished is test/commands/sync.test.ts's, in-process.)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, readJson, rel, relAsync, tempDir } from '../helpers/rel.js';

interface Machines {
  a: string;
  b: string;
}

/** A bare remote; A sets up sync with Ana in it, B joins; then each logs one conversation. */
function diverged(tag: string): Machines {
  const dir = tempDir(tag);
  const remote = `file://${path.join(dir, 'remote.git')}`;
  execFileSync('git', ['init', '-q', '--bare', path.join(dir, 'remote.git')]);
  const m = { a: path.join(dir, 'a', 'journal.json'), b: path.join(dir, 'b', 'journal.json') };
  ok(['add', 'Ana Silva'], { store: m.a });
  ok(['sync', '--init', remote], { store: m.a });
  ok(['sync', '--init', remote], { store: m.b });
  ok(['log', 'ana', '--note', 'A1'], { store: m.a });
  ok(['log', 'ana', '--note', 'B1'], { store: m.b });
  ok(['sync'], { store: m.b });
  return m;
}

const notes = (store: string): string[] =>
  readJson(store)
    .conversations.map((c: { note: string }) => c.note)
    .sort();
const _git = (store: string, ...args: string[]) =>
  spawnSync('git', ['-C', path.dirname(store), ...args], { encoding: 'utf8' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `pid` has a descendant process (Linux /proc) whose command line holds one of `words`. */
function hasDescendant(pid: number, words: string[]): boolean {
  const parents = new Map<number, number>();
  const lines = new Map<number, string>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      lines.set(Number(entry), fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
    } catch {
      // gone meanwhile
    }
  }
  for (const [child, line] of lines) {
    if (!words.some((w) => line.includes(w))) continue;
    for (let p = parents.get(child); p !== undefined && p > 1; p = parents.get(p)) if (p === pid) return true;
  }
  return false;
}

/** What runs while a sync merges: git's merge driver (rel merge-journals), or rel's commit-tree. */
const MERGING = ['merge-journals', 'commit-tree'];

describe('a sync failing at a git step', { timeout: 300_000 }, () => {
  it('at git push, after the merge was committed: says it is committed here, not yet sent', () => {
    const m = diverged('sync-fail-push');
    const failed = rel(['sync'], { store: m.a, env: { REL_FAULT: 'git:push:fail' } });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'The journal here holds what the sync merged, committed here but not yet sent.',
    );
    expect(failed.stderr).toContain('Free some space on that disk, then run rel sync again.');
    expect(_git(m.a, 'status', '--porcelain', '--', 'journal.json').stdout).toBe('');
    for (const store of [m.a, m.b]) ok(['sync'], { store });
    expect(notes(m.a)).toEqual(['A1', 'B1']);
    expect(notes(m.b)).toEqual(notes(m.a));
  });
});

describe('a sync stopped at a git step', { timeout: 300_000 }, () => {
  for (const step of ['fetch', 'write-tree', 'update-ref', 'push']) {
    it(`killed before git ${step}: a log right after is kept, and the next syncs lose nothing`, () => {
      const m = diverged(`sync-kill-${step}`);
      const killed = rel(['sync'], { store: m.a, env: { REL_FAULT: `git:${step}:kill` } });
      expect(killed.code).toBeNull();
      const after = rel(['log', 'ana', '--note', 'after the kill'], { store: m.a });
      expect(after.code, after.stderr).toBe(0);
      expect(notes(m.a)).toContain('after the kill');
      for (const store of [m.a, m.b, m.a]) ok(['sync'], { store });
      expect(notes(m.a)).toEqual(['A1', 'B1', 'after the kill']);
      expect(notes(m.b)).toEqual(notes(m.a));
    });
  }

  for (const signal of ['SIGTERM'] as const) {
    it(`${signal} while git runs: no git left behind writes the journal`, async () => {
      const m = diverged(`sync-${signal}`);
      // Stopped while the merge is made (by git's merge driver, or by rel's plumbing), then
      // later moments, each followed at once by a log.
      for (const [i, delay] of [0, 0, 100, 400].entries()) {
        const child = relAsync(['sync'], { store: m.a });
        let done = false;
        const exited = new Promise((resolve) => child.on('exit', resolve)).then(() => {
          done = true;
        });
        while (!done && i < 2 && !hasDescendant(child.pid!, MERGING)) await sleep(1);
        await sleep(delay);
        child.kill(signal);
        await exited;
        const r = rel(['log', 'ana', '--note', `after ${signal} ${i}`], { store: m.a });
        expect(r.code, r.stderr).toBe(0);
      }
      // Whatever git those syncs started has finished by the time the next syncs are done.
      for (const store of [m.a, m.b, m.a]) ok(['sync'], { store });
      const expected = ['A1', 'B1', ...[0, 1, 2, 3].map((i) => `after ${signal} ${i}`)].sort();
      expect(notes(m.a)).toEqual(expected);
      expect(notes(m.b)).toEqual(expected);
    });
  }
});
