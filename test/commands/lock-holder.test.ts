// A lock file whose pid now belongs to a process that is not the rel that took it (a crash, then
// pid reuse or a reboot) is abandoned: the next write takes it over at once, rel doctor reports
// it and --fix removes it, none of them waiting. A lock held for long by a rel that still runs
// (or one on another host) fails a write with the lock file and what to do, and doctor says it.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

const sleepers: ChildProcess[] = [];
afterAll(() => {
  for (const child of sleepers) child.kill();
});

/** A live process that is not rel. */
function sleeper(): number {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  sleepers.push(child);
  return child.pid!;
}

function storeWithAna(tag: string): string {
  const store = tempStore(tag);
  writeJournal(store, journalText([person('ana-silva', 'Ana Silva')]));
  return store;
}

/** This process's start as /proc tells it (boot id, clock ticks since boot), as rel records it. */
function processStart(pid: 'self'): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${boot}:${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`;
  } catch {
    return undefined;
  }
}

const hasProc = processStart('self') !== undefined;
/** The start a rel that took the lock before a reboot recorded. */
const otherStart = () => `${processStart('self')!.split(':')[0]}:1`;
// A lock as this rel writes it (pid, host, token, start), and as an older rel wrote it (no start).
const LOCKS = {
  'recording a start that is not the process now running under its pid': (pid: number) =>
    `${pid}\n${os.hostname()}\nsometoken\n${otherStart()}\n`,
  'of an older rel, recording no start': (pid: number) => `${pid}\n${os.hostname()}\nsometoken\n`,
};
const FAST = { REL_LOCK_TIMEOUT_MS: '200' };

describe.runIf(hasProc)('a lock whose pid is now another program', () => {
  for (const [what, text] of Object.entries(LOCKS)) {
    it(`${what}: doctor says so, --fix removes it, a write takes it over at once`, async () => {
      const store = storeWithAna(`lock-reused-${what.length}`);
      const lock = `${store}.lock`;
      const pid = sleeper();
      fs.writeFileSync(lock, text(pid));
      const doctor = JSON.parse(await ok(['doctor', '--json'], { store, env: FAST }));
      expect(doctor.findings).toEqual([
        {
          check: 'lock',
          severity: 'warning',
          message: `${lock} was left by a rel that is no longer running (its process ${pid} is gone: that pid now runs sleep); the next rel takes it over by itself.`,
          fix: 'rel doctor --fix  (removes it now)',
        },
      ]);
      const fixed = await rel(['doctor', '--fix'], { store, env: FAST });
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(fixed.stdout).toContain(`removed the abandoned lock ${lock}`);
      expect(fs.existsSync(lock)).toBe(false);
      fs.writeFileSync(lock, text(pid));
      const r = await rel(['log', 'ana', '--note', 'after a reboot'], { store, env: FAST });
      expect(r.code, r.stderr).toBe(0);
      expect(fs.existsSync(lock)).toBe(false);
      expect(readJson(store).conversations).toHaveLength(1);
    });
  }

  it('a lock of this very process, with its own start, is held: the pid is the one that took it', async () => {
    const store = storeWithAna('lock-own');
    const lock = `${store}.lock`;
    fs.writeFileSync(lock, `${process.pid}\n${os.hostname()}\nsometoken\n${processStart('self')}\n`);
    const r = await rel(['log', 'ana', '--note', 'x'], { store, env: FAST });
    fs.rmSync(lock);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Could not lock the journal');
  });
});

describe('a lock held for long by a rel that still runs, or on another host', () => {
  const age = (lock: string) => {
    const then = new Date(Date.now() - 120_000);
    fs.utimesSync(lock, then, then);
  };

  it('on this host: the write fails naming the lock, its holder and what to do; doctor says the same', async () => {
    const store = storeWithAna('lock-long');
    const lock = `${store}.lock`;
    fs.writeFileSync(lock, `${process.pid}\n${os.hostname()}\nsometoken\n${processStart('self') ?? ''}\n`);
    age(lock);
    const before = fs.readFileSync(store);
    const r = await rel(['log', 'ana', '--note', 'x'], { store, env: FAST });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `Could not lock the journal within 0 s: ${lock} is held by process ${process.pid} on .*, for 1[12]\\d s now\\. Nothing was saved\\.`,
      ),
    );
    const remedy = `If that rel is stuck, stop it (kill ${process.pid}) and run the command again: rel takes over the lock of a process that is gone.`;
    expect(r.stderr).toContain(remedy);
    expect(fs.readFileSync(store)).toEqual(before);
    const doctor = JSON.parse(await ok(['doctor', '--json'], { store }));
    expect(doctor.findings).toEqual([
      {
        check: 'lock',
        severity: 'warning',
        message: expect.stringMatching(
          new RegExp(
            `^${lock} has been held by process ${process.pid} for 1[12]\\d s: every change waits for it`,
          ),
        ),
        fix: remedy,
      },
    ]);
    fs.rmSync(lock);
  });

  it('on another host: the remedy is to remove the lock, by its path', async () => {
    const store = storeWithAna('lock-host');
    const lock = `${store}.lock`;
    fs.writeFileSync(lock, `${process.pid}\nother-machine\nsometoken\n`);
    age(lock);
    const remedy = `It was taken on other-machine: if no rel is running there, remove the lock and run the command again: rm "${lock}"`;
    const r = await rel(['log', 'ana', '--note', 'x'], { store, env: FAST });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(remedy);
    const doctor = JSON.parse(await ok(['doctor', '--json'], { store }));
    expect(doctor.findings.map((f: { fix: string }) => f.fix)).toEqual([remedy]);
    fs.rmSync(lock);
  });
});
