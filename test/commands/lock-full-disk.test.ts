// The lock cannot be made on a full disk: its temp file was created, its write failed, and it
// was left behind (one per attempt), which rel doctor then called an unfinished write of a rel
// that stopped. Found by a tester on a full tmpfs, for the journal and for rel config set.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempDir, tempStore } from '../helpers/run.js';

const FULL = { REL_FAULT: 'lock-write:fail' };

describe('a lock that cannot be written', () => {
  it('saves nothing, says so, and leaves no temp file beside the journal', async () => {
    const store = tempStore('lock-full');
    await ok(['add', 'Ana Silva'], { store });
    const folder = path.dirname(store);
    const before = fs.readdirSync(folder).sort();
    const journal = bytesOf(store);
    for (let i = 0; i < 2; i++) {
      const r = await rel(['log', 'ana', '--note', 'no room'], { store, env: FULL });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/Cannot create the lock file .*journal\.json\.lock: ENOSPC/);
      expect(r.stderr).toMatch(/Nothing was saved/);
    }
    expect(fs.readdirSync(folder).sort()).toEqual(before);
    expect(bytesOf(store)).toEqual(journal);
    expect(await ok(['doctor'], { store })).not.toMatch(/unfinished write/);
  });

  it('the same for the settings: rel config set leaves no temp file in the settings folder', async () => {
    const home = tempDir('lock-full-config');
    const settings = path.join(home, 'rel');
    const env = { XDG_CONFIG_HOME: home };
    await ok(['config', 'set', 'week-start', 'monday'], { env });
    const before = fs.readdirSync(settings).sort();
    const config = bytesOf(path.join(settings, 'config.json'));
    const r = await rel(['config', 'set', 'week-start', 'sunday'], { env: { ...env, ...FULL } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/ENOSPC/);
    expect(fs.readdirSync(settings).sort()).toEqual(before);
    expect(bytesOf(path.join(settings, 'config.json'))).toEqual(config);
  });
});
