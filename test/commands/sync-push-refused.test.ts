// A push the remote refuses (a hook there, a protected branch, no write access): rel sync says what
// it committed here and did not send, what it received, and what to do, never "Committed:" and
// "Synced." as if it were done; the next rel sync, once the remote takes pushes, sends it all.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncedWith } from '../helpers/machines.js';
import { ok, rel } from '../helpers/run.js';

describe('a push the remote refuses', { timeout: 300_000 }, () => {
  it('says what was committed here and not sent, and what was received', async () => {
    const m = await syncedWith('push-refused', ['Ana Silva']);
    await ok(['add', 'Bo Chen'], { store: m.a });
    await ok(['sync'], { store: m.a });
    await ok(['add', 'Cy Dorn'], { store: m.b });
    const hook = path.join(m.remote, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, '#!/bin/sh\necho "this repository is read-only" >&2\nexit 1\n', { mode: 0o755 });
    const r = await rel(['sync'], { store: m.b });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('The remote did not take the push (this repository is read-only');
    expect(r.stderr).toContain("nothing of this machine's was sent.");
    expect(r.stderr).toContain('Committed here, not sent: 1 person added.');
    expect(r.stderr).toContain('Received: 1 person added.');
    expect(r.stderr).toContain('The journal here keeps all of it; the remote is as it was.');
    expect(r.stderr).toContain('run rel sync: it sends what was committed here.');
    expect(r.stderr).not.toMatch(/Nothing was synced|Synced\./);
    // Again while refused: what the first sync committed is still named, nothing new committed.
    const again = await rel(['sync'], { store: m.b });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Committed here, not sent: 1 person added.');
    fs.rmSync(hook);
    expect(await ok(['sync'], { store: m.b })).toBe('Synced.\n');
    const names = execFileSync('git', ['--git-dir', m.remote, 'show', 'main:journal.json'], {
      encoding: 'utf8',
    });
    expect(names).toContain('Cy Dorn');
  });
});
