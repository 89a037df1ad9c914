// The passphrase in a real terminal: asked twice by rel encrypt, asked hidden by every command,
// never echoed; Ctrl+C at the prompt is exit 130 with nothing written.
import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, ok, tempStore } from '../helpers/rel.js';
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
