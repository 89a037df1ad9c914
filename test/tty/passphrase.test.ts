// The passphrase in a real terminal: asked twice by rel encrypt, asked hidden by every command,
// never echoed; Ctrl+C at the prompt is exit 130 with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentStatus } from '../../src/store/agent.js';
import { bytesOf, ok, tempDir, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

const FAST = { REL_KDF_LOG_N: '10' };

describe('passphrase prompts', { timeout: 120_000 }, () => {
  it('encrypt asks twice, insists on a match; then a command asks once, hidden', async () => {
    const store = tempStore('tty-pass');
    ok(['add', 'Ana Silva'], { store });
    term = new Terminal(['encrypt'], { store, env: FAST });
    await term.answer('New passphrase:', 'hunter2 horse');
    await term.answer('The same passphrase again:', 'something else');
    await term.waitFor('That differs from the first');
    await term.press(...Array(20).fill('BSpace'));
    await term.type('hunter2 horse');
    await term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).not.toContain('hunter2');
    expect(bytesOf(store)!.subarray(0, 8).toString()).toBe('RELCRYPT');
    term.close();

    term = new Terminal(['profile', 'ana'], { store, env: FAST });
    await term.answer('Passphrase for your journal:', 'hunter2 horse');
    await term.waitFor('Ana Silva (ana-silva)');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).not.toContain('hunter2');
  });

  it('stdout piped, stdin and stderr a terminal: the passphrase is asked on the terminal (rel due | cat)', async () => {
    const store = tempStore('tty-pass-pipe');
    ok(['add', 'Ana Silva', '--cadence', '2w'], { store });
    ok(['encrypt'], { store, env: { ...FAST, REL_PASSPHRASE: 'pw pw' } });
    term = new Terminal(['due'], { store, env: FAST, pipeTo: 'cat' });
    await term.answer('Passphrase for your journal:', 'pw pw');
    await term.waitFor('Ana Silva');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).not.toContain('pw pw');
  });

  it('rel unlock at the prompt: a wrong passphrase may be typed again, three tries in all', async () => {
    const dir = tempDir('tty-unlock');
    const store = path.join(dir, 'journal.json');
    const env = { ...FAST, XDG_RUNTIME_DIR: path.join(dir, 'run') };
    fs.mkdirSync(env.XDG_RUNTIME_DIR, { mode: 0o700 });
    ok(['add', 'Ana Silva'], { store });
    ok(['encrypt'], { store, env: { ...FAST, REL_PASSPHRASE: 'pw pw' } });
    try {
      term = new Terminal(['unlock'], { store, env });
      await term.answer('Passphrase for your journal:', 'wrong one');
      await term.answer(/try again\.[\s\S]*Passphrase for your journal:/, 'pw pw');
      await term.waitFor(/Unlocked .*journal\.json for 15 min/);
      expect(await term.exitCode()).toBe(0);
      term.close();

      term = new Terminal(['unlock'], { store, env });
      await term.answer('Passphrase for your journal:', 'wrong one');
      await term.answer(/try again\.[\s\S]*Passphrase for your journal:/, 'wrong two');
      await term.answer(/(?:try again\.[\s\S]*){2}Passphrase for your journal:/, 'wrong three');
      await term.waitFor(/Wrong passphrase for .*journal\.json/);
      expect(await term.exitCode()).toBe(1);
      expect(term.screen().match(/Wrong passphrase; try again\./g)).toHaveLength(2);
    } finally {
      const status = await agentStatus(env, store);
      if (status) process.kill(status.pid, 'SIGKILL');
    }
  });

  it('Ctrl+C at the passphrase prompt is exit 130, nothing written', async () => {
    const store = tempStore('tty-pass-cancel');
    ok(['add', 'Ana Silva'], { store });
    ok(['encrypt'], { store, env: { ...FAST, REL_PASSPHRASE: 'pw' } });
    const before = bytesOf(store);
    term = new Terminal(['log', 'ana', '--note', 'x'], { store, env: FAST });
    await term.waitFor('Passphrase for your journal:');
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(bytesOf(store)).toEqual(before);
  });
});
