// A rel forget that fails says what happened, and it is true: one that fails before the journal is
// rewritten (a full disk, the journal's lock held by another rel) leaves the folder byte for byte
// as it was, with no pending forget for the next command to carry out; one that fails after it
// says so, and the next command finishes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, rel, tempStore } from '../helpers/run.js';

/** Every file in the journal's folder, by name, with its bytes. */
function folderBytes(store: string): Record<string, string> {
  const folder = path.dirname(store);
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).sort()) {
    files[name] = fs.readFileSync(path.join(folder, name)).toString('base64');
  }
  return files;
}

async function journalWithBen(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva'], { store });
  await ok(['add', 'Ben Okafor'], { store });
  await ok(['log', 'ben', '--note', 'Secret plan'], { store });
  await ok(['log', 'ana', '--note', 'Coffee'], { store });
  return store;
}

async function expectUntouched(store: string, before: Record<string, string>): Promise<void> {
  expect(folderBytes(store)).toEqual(before);
  expect(fs.existsSync(path.join(path.dirname(store), '.journal.json.forget'))).toBe(false);
  // The next command, a read-only one, finds nothing to finish and changes nothing.
  expect(await ok(['people'], { store })).toContain('Ben Okafor');
  expect(folderBytes(store)).toEqual(before);
}

describe('rel forget that fails', () => {
  // The pending record's own write is the first rename, the journal's the second.
  for (const fault of ['rename:fail', 'temp-write@2:fail', 'rename@2:fail']) {
    it(`before the journal's rename (${fault}): exit 1, nothing saved, and the next rel forgets nobody`, async () => {
      const store = await journalWithBen(`forget-fault-${fault.replace(/\W/g, '-')}`);
      const before = folderBytes(store);
      const r = await rel(['forget', 'ben', '--yes'], { store, env: { REL_FAULT: fault } });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('Nothing was saved');
      await expectUntouched(store, before);
    });
  }

  it('on a journal locked by another rel: exit 1, nothing saved, and the next rel forgets nobody', async () => {
    const store = await journalWithBen('forget-locked');
    const lock = `${store}.lock`;
    const before = folderBytes(store);
    fs.writeFileSync(lock, `${process.pid}\n${os.hostname()}\nsometoken\n`);
    const r = await rel(['forget', 'ben', '--yes'], { store, env: { REL_LOCK_TIMEOUT_MS: '200' } });
    fs.rmSync(lock);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('Could not lock the journal');
    expect(r.stderr).toContain('try again in a moment');
    await expectUntouched(store, before);
  });

  it('after the journal was rewritten (a backup cannot be scrubbed): says so, and the next rel finishes it', async () => {
    const store = await journalWithBen('forget-fault-after');
    const r = await rel(['forget', 'ben', '--yes'], { store, env: { REL_FAULT: 'rename@3:fail' } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('Nothing was saved');
    expect(r.stderr).toContain('The journal no longer holds them');
    expect(r.stderr).toContain('The next rel command finishes the forget');
    expect(fs.existsSync(path.join(path.dirname(store), '.journal.json.forget'))).toBe(true);
    expect(await ok(['people'], { store })).not.toContain('Ben Okafor');
    const folder = path.dirname(store);
    const copies = fs.readdirSync(folder).filter((name) => /^journal\.json$|backup/.test(name));
    expect(copies.length).toBeGreaterThan(1);
    for (const name of copies) {
      expect(fs.readFileSync(path.join(folder, name), 'utf8'), name).not.toMatch(/Okafor|Secret plan/);
    }
    expect(fs.existsSync(path.join(folder, '.journal.json.forget'))).toBe(false);
  });

  // The folder is synced after each write that took its place: the pending record's (1), the
  // journal's (2), then each kept copy's (3 on). What each failure says is what happened.
  const forgotten = async (store: string) => {
    expect(fs.readFileSync(store, 'utf8')).not.toContain('Okafor');
    expect(await ok(['people'], { store })).not.toContain('Ben Okafor');
  };
  const marker = (store: string) => fs.existsSync(path.join(path.dirname(store), '.journal.json.forget'));

  it("a folder fsync failing after the pending record's rename: the forget goes ahead, and says so", async () => {
    const store = await journalWithBen('forget-folder-fsync-1');
    const r = await rel(['forget', 'ben', '--yes'], { store, env: { REL_FAULT: 'folder-fsync:fail' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Forgot Ben Okafor');
    expect(marker(store)).toBe(false);
    await forgotten(store);
  });

  it("a folder fsync failing after the journal's rename: forgotten, with a warning (exit 0)", async () => {
    const store = await journalWithBen('forget-folder-fsync-2');
    const r = await rel(['forget', 'ben', '--yes'], { store, env: { REL_FAULT: 'folder-fsync@2:fail' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `rel: warning: The change was saved, but ${path.dirname(store)} could not be synced to disk (ENOSPC: no space left on device (injected at folder-fsync)), so it may not survive a power cut.\n`,
    );
    expect(r.stdout).toContain('Forgot Ben Okafor');
    expect(marker(store)).toBe(false);
    await forgotten(store);
  });

  it("a folder fsync failing after a kept copy's rename: forgotten, and the next rel finishes the rest", async () => {
    const store = await journalWithBen('forget-folder-fsync-3');
    const r = await rel(['forget', 'ben', '--yes'], { store, env: { REL_FAULT: 'folder-fsync@3:fail' } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('Nothing was saved');
    expect(r.stderr).not.toContain('The change is written');
    expect(r.stderr).toContain('The journal no longer holds them');
    expect(r.stderr).toContain('The next rel command finishes the forget');
    expect(marker(store)).toBe(true);
    await forgotten(store);
    expect(marker(store)).toBe(false);
  });
});
