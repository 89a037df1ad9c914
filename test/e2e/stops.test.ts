// rel stopped by SIGTERM (as `timeout` sends) or SIGINT while it changes the journal says on
// stderr whether the change was saved, truly either way, and exits as the signal would have it
// (143, 130), leaving no lock of its own behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, relAsync, tempStore } from '../helpers/rel.js';

const notes = (store: string): string[] => readJson(store).conversations.map((c: { note: string }) => c.note);

function storeWithAna(tag: string): string {
  const store = tempStore(tag);
  ok(['add', 'Ana Silva'], { store });
  ok(['log', 'ana', '--note', 'confirmed'], { store });
  return store;
}

/** A lock held by this (living) process, as another rel's would be. */
const holdLock = (store: string) =>
  fs.writeFileSync(`${store}.lock`, `${process.pid}\n${os.hostname()}\nheld-by-the-test\n`);

/** Resolves once a rel waiting for the lock has tried to take it over (its guard file appears). */
function triedTheLock(store: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = fs.watch(path.dirname(store), (_, name) => {
      if (!name?.includes('.takeover')) return;
      watcher.close();
      resolve();
    });
  });
}

describe('rel stopped by a signal while it changes the journal', { timeout: 120_000 }, () => {
  it('before the change was saved (waiting for the lock): says nothing was saved, exit 143', () => {
    const store = storeWithAna('stop-before');
    holdLock(store);
    const before = bytesOf(store);
    const r = rel(['log', 'ana', '--note', 'stopped'], { store, env: { REL_FAULT: 'lock-owner-read:term' } });
    expect(r.code).toBe(143);
    expect(r.stderr).toBe('rel: stopped by SIGTERM before the change was saved: nothing was saved.\n');
    expect(r.stdout).toBe('');
    expect(bytesOf(store)).toEqual(before);
    expect(fs.readFileSync(`${store}.lock`, 'utf8')).toContain('held-by-the-test'); // not its to remove
    fs.rmSync(`${store}.lock`);
  });

  for (const [step, signal, code] of [
    ['temp-write', 'term', 143],
    ['rename', 'term', 143],
    ['backup-rotation', 'int', 130],
  ] as const) {
    it(`at ${step} (${signal}): the step's write goes through, it says the change was saved, exit ${code}`, () => {
      const store = storeWithAna(`stop-${step}`);
      const r = rel(['log', 'ana', '--note', 'stopped'], { store, env: { REL_FAULT: `${step}:${signal}` } });
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toBe(
        `rel: stopped by SIG${signal.toUpperCase()} after the change was saved: the journal holds it.\n`,
      );
      expect(notes(store)).toEqual(['confirmed', 'stopped']);
      const left = fs
        .readdirSync(path.dirname(store))
        .filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'));
      expect(left).toEqual([]);
      expect(JSON.parse(ok(['undo', '--json'], { store })).undone.summary).toMatch(/^logged a 1:2:1/);
    });
  }

  it('a forget stopped as it scrubs the copies finishes them first, and says the change was saved', () => {
    const store = storeWithAna('stop-forget');
    ok(['add', 'Ben Okafor'], { store });
    const r = rel(['forget', 'ben', '--yes'], { store, env: { REL_FAULT: 'rename@3:term' } });
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toBe('rel: stopped by SIGTERM after the change was saved: the journal holds it.\n');
    const folder = path.dirname(store);
    for (const name of fs.readdirSync(folder))
      expect(fs.readFileSync(path.join(folder, name), 'utf8'), name).not.toContain('Okafor');
  });

  it('a real SIGTERM while it waits for the lock: nothing saved, said so, exit 143', async () => {
    const store = storeWithAna('stop-real');
    holdLock(store);
    const before = bytesOf(store);
    const waiting = triedTheLock(store);
    const child = relAsync(['log', 'ana', '--note', 'stopped'], { store });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Sent once rel is waiting for the lock: from the moment it starts to take it, rel says.
    await waiting;
    child.kill('SIGTERM');
    expect(await closed).toBe(143);
    expect(stderr).toBe('rel: stopped by SIGTERM before the change was saved: nothing was saved.\n');
    expect(bytesOf(store)).toEqual(before);
    fs.rmSync(`${store}.lock`);
  });

  it('a command that changes nothing is stopped as before, silently', () => {
    const store = storeWithAna('stop-read');
    const r = rel(['people'], { store, env: { REL_FAULT: 'lock-owner-read:term' } });
    expect(r.code, r.stderr).toBe(0); // it takes no lock: the fault is never reached
    expect(r.stderr).toBe('');
  });
});
