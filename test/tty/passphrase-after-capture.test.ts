// A passphrase asked after the capture (the journal was encrypted in another terminal while the
// note was being typed): typed wrong, it is asked again, three tries in all; given up, rel shows
// what was typed so that it is not lost, and the journal is left as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, ok, tempStore } from '../helpers/rel.js';
import { Terminal } from '../helpers/tty.js';

let term: Terminal | undefined;
afterEach(() => term?.close());

const FAST = { REL_KDF_LOG_N: '10' };
const PW = 'correct horse battery';

/** rel log ana, the journal encrypted while the note is typed, every prompt answered. */
async function captureThenEncrypt(store: string): Promise<Terminal> {
  const t = new Terminal(['log', 'ana'], { store, env: FAST });
  await t.answer('When?', '');
  await t.answer('What kind of conversation?', '');
  await t.answer('How many minutes?', '25');
  await t.waitFor('What did you talk about?');
  ok(['encrypt'], { store, env: { ...FAST, REL_PASSPHRASE: PW } });
  await t.type('Roadmap and the move to Lisbon');
  await t.press('Enter');
  await t.answer('What did you hear', 'Worried about on-call');
  await t.answer(/Worried about on-call[\s\S]*\?/, '');
  for (const prompt of ['ambition', 'skill, talent', 'Did you promise', 'Did they promise', 'next time']) {
    await t.waitFor(prompt);
    await t.press('Enter');
  }
  return t;
}

describe('the passphrase asked after the capture', { timeout: 120_000 }, () => {
  it('typed wrong, it is asked again, and the conversation is saved with its note', async () => {
    const store = tempStore('tty-pass-after');
    ok(['add', 'Ana Silva'], { store });
    term = await captureThenEncrypt(store);
    await term.answer('Passphrase for your journal:', 'wrong one');
    await term.answer(/try again\.[\s\S]*Passphrase for your journal:/, PW);
    expect(await term.exitCode()).toBe(0);
    const [logged] = JSON.parse(
      ok(['history', 'ana', '--json'], { store, env: { ...FAST, REL_PASSPHRASE: PW } }),
    );
    expect(logged).toMatchObject({ note: 'Roadmap and the move to Lisbon', minutes: 25 });
  });

  it('three wrong tries: exit 1, the journal as it was, and what was typed shown to log again', async () => {
    const store = tempStore('tty-pass-after-gave-up');
    ok(['add', 'Ana Silva'], { store });
    term = await captureThenEncrypt(store);
    await term.answer('Passphrase for your journal:', 'wrong one');
    const before = bytesOf(store);
    await term.answer(/try again\.[\s\S]*Passphrase for your journal:/, 'wrong two');
    await term.answer(/(?:try again\.[\s\S]*){2}Passphrase for your journal:/, 'wrong three');
    expect(await term.exitCode()).toBe(1);
    const screen = term.screen();
    expect(screen).toContain('Wrong passphrase for');
    expect(screen).toContain('what you typed is here, to log it again (rel log ana-silva)');
    expect(screen).toContain('Note: Roadmap and the move to Lisbon');
    expect(screen).toContain('Heard: Worried about on-call');
    expect(screen).not.toContain('wrong three');
    expect(bytesOf(store)).toEqual(before);
  });
});
