// A --store path is typed by hand: when a change starts a journal in a folder that did not exist
// (a typo, say), rel says so on stderr instead of making the folders in silence. The default
// journal and REL_STORE (set once, on purpose) start as before, without a word.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempDir } from '../helpers/run.js';

describe('rel add --store <a folder that does not exist>', () => {
  it('says that it started a new journal there, once', async () => {
    const store = path.join(tempDir('store-new'), 'nonexist', 'deeper', 'j.json');
    const first = await rel(['add', 'Ana Silva', '--store', store]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe(
      `rel: --store: started a new journal at ${store} (the folder ${path.dirname(store)} did not exist and was made).\n`,
    );
    const second = await rel(['add', 'Bo Chen', '--store', store]);
    expect(second.stderr).toBe('');
  });

  it('says nothing, and makes no folder, when the change is refused', async () => {
    const root = tempDir('store-new-refused');
    const store = path.join(root, 'nonexist', 'j.json');
    const r = await rel(['add', 'Ana Silva', '--cadence', '300000y', '--store', store]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('started a new journal');
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('says nothing for a folder that exists, nor for REL_STORE', async () => {
    const dir = tempDir('store-existing');
    const inExisting = path.join(dir, 'j.json');
    expect((await rel(['add', 'Ana Silva', '--store', inExisting])).stderr).toBe('');
    const fromEnv = path.join(tempDir('store-env'), 'new', 'j.json');
    expect((await rel(['add', 'Ana Silva'], { store: fromEnv })).stderr).toBe('');
    expect(bytesOf(fromEnv)).not.toBeNull();
    await ok(['people'], { store: fromEnv });
  });
});
