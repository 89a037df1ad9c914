// A kill (SIGTERM) or a closed terminal (SIGHUP) while a prompt is open ends rel as Ctrl+C does:
// the cursor shown and the terminal back in line mode, a short message on stderr, the journal
// byte for byte as it was, and the exit code of the signal (143, 129; SIGNAL_EXIT in errors.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, ok, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

const FAST = { REL_KDF_LOG_N: '10' };

/** Sends the signal to rel and checks it ended as a stop: its code and message, the terminal put back, nothing written. */
async function stopAndCheck(
  t: Terminal,
  signal: 'SIGTERM' | 'SIGHUP',
  code: number,
  store: string,
  before: Buffer | null,
): Promise<void> {
  process.kill(t.relPid(), signal);
  expect(await t.exitCode()).toBe(code);
  expect(t.screen()).toContain(`rel: Stopped by ${signal}; nothing was saved.`);
  expect(await t.mode()).toBe('icanon echo');
  expect(t.cursorShown()).toBe(true);
  expect(bytesOf(store)).toEqual(before);
}

describe('a signal at a prompt', { timeout: 120_000 }, () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s at the person picker (a list, the cursor hidden)', async (signal, code) => {
    const store = tempStore(`tty-${signal}-pick`);
    ok(['add', 'Ana Silva'], { store });
    const before = bytesOf(store);
    term = new Terminal(['log'], { store });
    await term.waitFor('Who did you talk with?');
    await term.type('an');
    await term.waitFor(/❯ Ana Silva/);
    await stopAndCheck(term, signal, code, store, before);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s with a note half typed', async (signal, code) => {
    const store = tempStore(`tty-${signal}-note`);
    ok(['add', 'Ana Silva'], { store });
    const before = bytesOf(store);
    term = new Terminal(['log', 'ana'], { store });
    await term.answer('When?', '');
    await term.answer('What kind of conversation?', '');
    await term.answer('How many minutes?', '');
    await term.waitFor('What did you talk about?');
    await term.type('Half a thought');
    await term.waitFor('Half a thought');
    await stopAndCheck(term, signal, code, store, before);
  });

  it('SIGTERM at the passphrase prompt of an encrypted journal', async () => {
    const store = tempStore('tty-SIGTERM-pass');
    ok(['add', 'Ana Silva'], { store });
    ok(['encrypt'], { store, env: { ...FAST, REL_PASSPHRASE: 'pw pw pw pw' } });
    const before = bytesOf(store);
    term = new Terminal(['log'], { store, env: FAST });
    await term.waitFor('Passphrase for your journal:');
    await term.type('pw p');
    await stopAndCheck(term, 'SIGTERM', 143, store, before);
  });

  it('Ctrl+C, for comparison: the same, with exit 130', async () => {
    const store = tempStore('tty-SIGINT-pick');
    ok(['add', 'Ana Silva'], { store });
    const before = bytesOf(store);
    term = new Terminal(['log'], { store });
    await term.waitFor('Who did you talk with?');
    await term.type('an');
    await term.waitFor(/❯ Ana Silva/);
    await term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('Cancelled; nothing was saved.');
    expect(await term.mode()).toBe('icanon echo');
    expect(term.cursorShown()).toBe(true);
    expect(bytesOf(store)).toEqual(before);
  });
});
