// The lock's takeover of an abandoned lock removes that lock and no other.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { onCheckpoint } from '../../src/store/faults.js';
import { processStart, withLock } from '../../src/store/lock.js';

const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;
const lockText = (pid: number, token: string) => `${pid}\n${os.hostname()}\n${token}\n`;

afterEach(() => onCheckpoint(undefined));

describe('lock takeover', () => {
  it('never removes a lock taken by a third rel between reading the old owner and judging it dead', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rel-lock-')), 'journal.json.lock');
    // The owner as the waiter reads it: a process that has since exited...
    fs.writeFileSync(file, lockText(deadPid(), 'first'));
    // ...after releasing the lock, which a third, living rel then took.
    onCheckpoint((step) => {
      if (step !== 'lock-owner-read' || fs.readFileSync(file, 'utf8').includes('third')) return;
      fs.rmSync(file);
      fs.writeFileSync(file, lockText(process.pid, 'third'));
    });
    let ran = false;
    await expect(
      withLock(
        file,
        async () => {
          ran = true;
        },
        { timeoutMs: 300 },
      ),
    ).rejects.toThrow(/Could not lock the journal/);
    expect(ran).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe(lockText(process.pid, 'third'));
  });

  it.runIf(processStart('self') !== undefined)(
    'the same for a lock whose pid was reused: only the lock judged abandoned is removed',
    async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rel-lock-')), 'journal.json.lock');
      const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
      const own = `${process.pid}\n${os.hostname()}\nthird\n${processStart('self')}\n`;
      try {
        // A rel that took the lock before a reboot, its pid now a `sleep`...
        fs.writeFileSync(file, `${sleeper.pid}\n${os.hostname()}\nfirst\nboot:1\n`);
        // ...whose lock a rel doctor --fix removes, and a living rel takes, meanwhile.
        onCheckpoint((step) => {
          if (step !== 'lock-owner-read' || fs.readFileSync(file, 'utf8') === own) return;
          fs.rmSync(file);
          fs.writeFileSync(file, own);
        });
        await expect(withLock(file, async () => undefined, { timeoutMs: 300 })).rejects.toThrow(
          /Could not lock the journal/,
        );
        expect(fs.readFileSync(file, 'utf8')).toBe(own);
      } finally {
        sleeper.kill();
      }
    },
  );

  it('takes over a lock whose owner is dead at once', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rel-lock-')), 'journal.json.lock');
    fs.writeFileSync(file, lockText(deadPid(), 'dead'));
    let ran = false;
    await withLock(
      file,
      async () => {
        ran = true;
      },
      { timeoutMs: 300 },
    );
    expect(ran).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.takeover`)).toBe(false);
  });
});
