// A journal its owner made read-only (chmod 444) is not written: rel writes by rename in a
// writable folder, which the file's mode does not stop, and a tester found such a journal
// replaced without a word (and made 0600). Decided by the mode bits, so that it holds as root.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

describe('a read-only journal', () => {
  it('is refused before anything is written, exit 1, byte for byte as it was; reports still read it', async () => {
    const store = tempStore('read-only-journal');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['log', 'ana', '--note', 'before'], { store });
    fs.chmodSync(store, 0o400);
    const before = bytesOf(store);
    const r = await rel(['log', 'ana', '--note', 'refused'], { store });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`rel: ${store} is read-only (mode 400): nothing was saved.`);
    expect(r.stderr).toContain(`To let rel change it: chmod u+w ${JSON.stringify(store)}`);
    expect(bytesOf(store)).toEqual(before);
    expect(fs.statSync(store).mode & 0o777).toBe(0o400);
    expect(await ok(['people'], { store })).toMatch(/Ana Silva/);
    expect(await ok(['search', 'before'], { store })).toMatch(/1 match/);
    // Made writable again, the same command saves.
    fs.chmodSync(store, 0o600);
    await ok(['log', 'ana', '--note', 'now saved'], { store });
    expect(await ok(['search', 'now saved'], { store })).toMatch(/1 match/);
  });

  it('rel encrypt and rel passphrase say so before a new passphrase is asked for', async () => {
    const store = tempStore('read-only-sealing');
    await ok(['add', 'Ana Silva'], { store });
    fs.chmodSync(store, 0o400);
    const encrypt = await rel(['encrypt', '--no-input'], { store });
    expect(encrypt.code, encrypt.stderr).toBe(1);
    expect(encrypt.stderr).toContain('is read-only (mode 400): nothing was saved.');
    expect(encrypt.stderr).not.toContain('passphrase is needed');
    fs.chmodSync(store, 0o600);
    const env = { REL_PASSPHRASE: 'correct-horse-99', REL_KDF_LOG_N: '10' };
    await ok(['encrypt'], { store, env });
    fs.chmodSync(store, 0o400);
    const change = await rel(['passphrase', '--no-input'], { store, env });
    expect(change.code, change.stderr).toBe(1);
    expect(change.stderr).toContain('is read-only (mode 400): nothing was saved.');
    expect(change.stderr).not.toContain('passphrase is needed');
    // And rel doctor --restore, before it asks for --yes.
    const restore = await rel(['doctor', '--restore', '--no-input'], { store, env });
    expect(restore.code, restore.stderr).toBe(1);
    expect(restore.stderr).toContain('is read-only (mode 400): nothing was saved.');
    expect(restore.stderr).not.toContain('--yes');
  });

  it('readable by others (chmod 444): the privacy advice and rel doctor --fix keep it read-only', async () => {
    const store = tempStore('read-only-shared');
    await ok(['add', 'Ana Silva'], { store });
    fs.chmodSync(store, 0o444);
    const read = await rel(['people'], { store });
    expect(read.stderr).toContain(
      `can be read by other users (mode 444). To make it private: chmod 400 ${JSON.stringify(store)}`,
    );
    const fixed = await rel(['doctor', '--fix'], { store });
    expect(fixed.stdout).toContain(`made ${store} private (mode 400)`);
    expect(fs.statSync(store).mode & 0o777).toBe(0o400);
    const refused = await rel(['rename', 'ana', 'Ana Maria Silva'], { store });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is read-only (mode 400): nothing was saved.');
  });
});
