// HOME empty or unset, and XDG folders given as relative paths: rel finds the journal in the home
// folder the system gives the user, never in a ".local" of whatever folder the shell is in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rel, tempDir } from '../helpers/rel.js';

const journal = path.join(os.userInfo().homedir, '.local/share/rel/journal.json');

describe('the journal without HOME, or with a relative XDG_DATA_HOME', { timeout: 60_000 }, () => {
  it.each([
    [{ HOME: '' }],
    [{ HOME: undefined }],
    [{ XDG_DATA_HOME: 'data' }],
    [{ XDG_DATA_HOME: '.local/share' }],
  ])('%o: rel doctor reads the home folder, writes nothing here', (env) => {
    const here = tempDir('home-folder');
    // Only rel doctor, which writes nothing, so that the test leaves the real home as it was.
    const r = rel(['doctor'], { cwd: here, env: { REL_STORE: undefined, XDG_STATE_HOME: here, ...env } });
    expect(r.stdout.split('\n')[0]).toBe(journal);
    expect(fs.readdirSync(here)).toEqual([]);
  });
});
