// rel sync --init stopped (SIGKILL) or failing (a full disk) at each of its git steps: the next
// plain `rel sync` finishes the set-up, folding this machine's journal into the remote's, and
// never commits the other machine's records away; a failed set-up leaves no half-made .git, says
// what it left and what to run, and a repository half made by an older rel is named by
// `rel sync` and `rel doctor` with the command that gets out of it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempDir } from '../helpers/rel.js';

interface Machines {
  a: string;
  b: string;
  remote: string;
}

/** A has Ana Silva, set up and pushed; B has its own journal (Bee Local), not set up yet. */
function twoMachines(tag: string): Machines {
  const dir = tempDir(tag);
  const remote = `file://${path.join(dir, 'remote.git')}`;
  execFileSync('git', ['init', '-q', '--bare', path.join(dir, 'remote.git')]);
  const m = { a: path.join(dir, 'a', 'journal.json'), b: path.join(dir, 'b', 'journal.json'), remote };
  ok(['add', 'Ana Silva'], { store: m.a });
  ok(['sync', '--init', remote], { store: m.a });
  ok(['add', 'Bee Local'], { store: m.b });
  return m;
}

const names = (store: string): string[] =>
  readJson(store)
    .people.map((p: { name: string }) => p.name)
    .sort();

/** Git steps of a --init that joins a remote, in order: before, at and after the point where the branch follows the remote. */
const STEPS = ['init', 'remote', 'fetch', 'update-ref', 'symbolic-ref', 'show', 'commit', 'push'];

describe('rel sync --init stopped at a git step', { timeout: 600_000 }, () => {
  it.each(STEPS)(
    'killed before git %s: the next rel sync finishes it, and both machines keep both people',
    (step) => {
      const m = twoMachines(`init-kill-${step}`);
      const killed = rel(['sync', '--init', m.remote], {
        store: m.b,
        env: { REL_FAULT: `git:${step}:kill` },
      });
      expect(killed.code).toBeNull();
      const next = rel(['sync'], { store: m.b });
      expect(next.code, next.stderr).toBe(0);
      expect(next.stdout).not.toMatch(/removed/);
      ok(['sync'], { store: m.a });
      expect(names(m.a)).toEqual(['Ana Silva', 'Bee Local']);
      expect(names(m.b)).toEqual(['Ana Silva', 'Bee Local']);
      // Set up for good: the next syncs have nothing to do, and doctor sees nothing wrong.
      expect(ok(['sync'], { store: m.b })).toBe('Synced.\n');
      expect(JSON.parse(ok(['doctor', '--json'], { store: m.b })).findings).toEqual([]);
    },
  );

  it.each(['init', 'config', 'update-ref', 'commit'])(
    'a full disk at git %s: no .git is left, the message says what was synced and what to run, and --init again works',
    (step) => {
      const m = twoMachines(`init-fail-${step}`);
      const before = fs.readFileSync(m.b);
      const failed = rel(['sync', '--init', m.remote], {
        store: m.b,
        env: { REL_FAULT: `git:${step}:fail` },
      });
      expect(failed.code).toBe(1);
      expect(fs.existsSync(path.join(path.dirname(m.b), '.git'))).toBe(false);
      expect(failed.stderr).toMatch(
        /Nothing was synced: the journal is as it was|holds what the sync merged/,
      );
      expect(failed.stderr).toContain(
        `Free some space on that disk, then run rel sync --init ${m.remote} again.`,
      );
      if (/Nothing was synced/.test(failed.stderr)) expect(fs.readFileSync(m.b)).toEqual(before);
      ok(['sync', '--init', m.remote], { store: m.b });
      ok(['sync'], { store: m.a });
      expect(names(m.a)).toEqual(['Ana Silva', 'Bee Local']);
      expect(names(m.b)).toEqual(['Ana Silva', 'Bee Local']);
    },
  );

  it('a .git half made by a stopped set-up (HEAD and a config being written): rel sync and doctor name the fix, --init recovers', () => {
    const m = twoMachines('init-half-made');
    const git = path.join(path.dirname(m.b), '.git');
    fs.mkdirSync(path.join(git, 'objects'), { recursive: true });
    fs.writeFileSync(path.join(git, 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(git, 'config.lock'), '[core]\n');
    const synced = rel(['sync'], { store: m.b });
    expect(synced.code).toBe(1);
    expect(synced.stderr).toMatch(/half made/);
    expect(synced.stderr).toContain('rel sync --init <remote-url>');
    const doctor = rel(['doctor', '--json'], { store: m.b });
    expect(doctor.code).toBe(1);
    const finding = JSON.parse(doctor.stdout).findings.find((f: { check: string }) => f.check === 'sync');
    expect(finding?.fix).toContain('rel sync --init <remote-url>');
    ok(['sync', '--init', m.remote], { store: m.b });
    ok(['sync'], { store: m.a });
    expect(names(m.a)).toEqual(['Ana Silva', 'Bee Local']);
  });

  it('a repository with no remote (a set-up stopped by an older rel): rel sync says to run --init, which recovers', () => {
    const m = twoMachines('init-no-origin');
    execFileSync('git', ['init', '-q', path.dirname(m.b)]);
    const synced = rel(['sync'], { store: m.b });
    expect(synced.code).toBe(1);
    expect(synced.stderr).toContain('no remote');
    expect(synced.stderr).toContain('rel sync --init <remote-url>');
    ok(['sync', '--init', m.remote], { store: m.b });
    ok(['sync'], { store: m.a });
    expect(names(m.a)).toEqual(['Ana Silva', 'Bee Local']);
  });
});

describe('rel sync --init to an empty remote, failing', { timeout: 240_000 }, () => {
  // init-marker: the marker that says a set-up is under way (the first thing it writes);
  // git commit and push: after it wrote .gitattributes.
  it.each(['init-marker', 'git:commit', 'git:push'])(
    'a full disk at %s: nothing synced, and none of the files it made (.git, .gitattributes) left',
    (step) => {
      const dir = tempDir(`init-empty-${step.replace(/\W/g, '-')}`);
      const remote = path.join(dir, 'remote.git');
      execFileSync('git', ['init', '-q', '--bare', remote]);
      const b = path.join(dir, 'b', 'journal.json');
      ok(['add', 'Bee Local'], { store: b });
      const files = fs.readdirSync(path.dirname(b)).sort();
      const before = fs.readFileSync(b);
      const failed = rel(['sync', '--init', remote], { store: b, env: { REL_FAULT: `${step}:fail` } });
      expect(failed.code).toBe(1);
      expect(failed.stderr).not.toContain('This is a bug in rel');
      expect(failed.stderr).toContain('Nothing was synced: the journal is as it was.');
      expect(failed.stderr).toContain(
        `Free some space on that disk, then run rel sync --init ${remote} again.`,
      );
      expect(fs.readdirSync(path.dirname(b)).sort()).toEqual(files);
      expect(fs.readFileSync(b)).toEqual(before);
      expect(ok(['sync', '--init', remote], { store: b })).toContain('Sync set up');
    },
  );
});

describe('rel sync --init on a real full disk', { timeout: 240_000 }, () => {
  const mount = tempDir('sync-full-disk');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mount]);
  });
  if (!mounted)
    console.log(
      `Skipping the real full-disk sync test: cannot mount a small tmpfs at ${mount} (needs root).`,
    );

  it.runIf(mounted)(
    'fails saying so, leaves no .git and the journal as it was; with room again, --init works',
    () => {
      const dir = tempDir('sync-full-remote');
      const remote = `file://${path.join(dir, 'remote.git')}`;
      execFileSync('git', ['init', '-q', '--bare', path.join(dir, 'remote.git')]);
      const a = path.join(dir, 'a', 'journal.json');
      ok(['add', 'Ana Silva'], { store: a });
      ok(['sync', '--init', remote], { store: a });
      const b = path.join(mount, 'b', 'journal.json');
      ok(['add', 'Bee Local'], { store: b });
      const before = fs.readFileSync(b);
      const filler = path.join(mount, 'filler');
      const room = path.join(mount, 'room');
      fs.writeFileSync(room, Buffer.alloc(16_384, 1));
      const fd = fs.openSync(filler, 'w');
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(1024, 1));
      } catch {
        // ENOSPC: full
      }
      fs.closeSync(fd);
      fs.rmSync(room); // room for the lock and a little, not for a repository
      const failed = rel(['sync', '--init', remote], { store: b });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/No space left on device/i);
      console.log(failed.stderr);
      expect(failed.stderr).toContain('Nothing was synced: the journal is as it was.');
      expect(failed.stderr).toContain(
        `Free some space on that disk, then run rel sync --init ${remote} again.`,
      );
      expect(fs.existsSync(path.join(mount, 'b', '.git'))).toBe(false);
      expect(fs.readFileSync(b)).toEqual(before);
      fs.rmSync(filler);
      ok(['sync', '--init', remote], { store: b });
      ok(['sync'], { store: a });
      expect(names(a)).toEqual(['Ana Silva', 'Bee Local']);
    },
  );
});
