// A remote given with a password or token in its URL (https://user:token@host/…): rel sync, its
// failures and rel doctor never print the token, and rel sync --init warns that git keeps it in
// the clear. The remote is a bare repository on this machine, reached by a file:// URL with a
// user and password in it (git takes the path and ignores them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, rel, tempDir } from '../helpers/run.js';

const TOKEN = 'ghp_s3cr3tT0ken';

describe('a token in the remote URL', { timeout: 300_000 }, () => {
  it('is shown as *** by rel sync, its errors and rel doctor, and --init warns of it', async () => {
    const dir = tempDir('url-secret');
    const bare = path.join(dir, 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', bare]);
    const url = `file://me:${TOKEN}@${bare}`;
    const shown = `file://me:***@${bare}`;
    const a = path.join(dir, 'a', 'journal.json');
    await ok(['add', 'Ana Silva'], { store: a });
    const set = await rel(['sync', '--init', url], { store: a });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`Sync set up: your journal is on ${shown}.`);
    expect(set.stderr).toContain(
      `rel: warning: the URL ${shown} holds a password or token: git keeps it in the clear in ${path.join(dir, 'a', '.git', 'config')}`,
    );
    expect(set.stderr).toContain('credential helper');
    expect(set.stderr).toContain('SSH');
    // Already set up with it, another remote is refused, naming the one it syncs with.
    const other = await rel(['sync', '--init', 'file:///elsewhere.git'], { store: a });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`already syncs with ${shown}.`);
    // A remote that cannot be reached (nothing listens on loopback's port 9).
    const web = `https://me:${TOKEN}@127.0.0.1:9/me/journal.git`;
    const failed = await rel(['sync', '--init', web], {
      store: path.join(dir, 'c', 'journal.json'),
      env: { GIT_TERMINAL_PROMPT: '0' },
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Cannot reach https://me:***@127.0.0.1:9/me/journal.git');
    // A stopped set-up, as rel doctor tells it.
    fs.writeFileSync(path.join(dir, 'a', '.git', 'rel-init'), JSON.stringify({ url, created: false }));
    const doctor = await rel(['doctor'], { store: a });
    expect(doctor.stdout).toContain(`A rel sync --init ${shown} was stopped`);
    const json = await rel(['doctor', '--json'], { store: a });
    expect(json.stdout).toContain(`A rel sync --init ${shown} was stopped`);
    for (const r of [set, other, failed, doctor, json]) {
      expect(r.stdout).not.toContain(TOKEN);
      expect(r.stderr).not.toContain(TOKEN);
    }
  });
});
