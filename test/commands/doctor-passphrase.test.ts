// rel doctor on an encrypted journal given a wrong passphrase: it says the passphrase does not open
// the journal, exits 1 (as every command does on it), and calls nothing damaged: not the journal,
// not its backups, not its undo data.
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

const FAST = { REL_KDF_LOG_N: '10' };
const PW = { ...FAST, REL_PASSPHRASE: 'correct horse battery staple' };

async function encryptedJournal(name: string): Promise<string> {
  const store = tempStore(name);
  await ok(['add', 'Ana Silva'], { store });
  await ok(['encrypt'], { store, env: PW });
  for (const note of ['one', 'two', 'three']) await ok(['log', 'ana', '--note', note], { store, env: PW });
  return store;
}

function callsNothingDamaged(text: string): void {
  expect(text).not.toContain('Not a valid journal');
  expect(text).not.toContain('by hand');
  expect(text).not.toContain('is unreadable');
  expect(text).not.toContain('0 valid');
  expect(text).not.toContain('0 changes can be undone');
  expect(text).not.toMatch(/Wrong passphrase for/);
}

describe('rel doctor with a wrong passphrase', () => {
  it('from REL_PASSPHRASE: says it does not open the journal, exit 1, nothing called damaged or changed', async () => {
    const store = await encryptedJournal('doctor-wrong-env');
    const before = bytesOf(store);
    const r = await rel(['doctor'], { store, env: { ...FAST, REL_PASSPHRASE: 'not the passphrase' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`The passphrase in REL_PASSPHRASE does not open ${store}`);
    expect(r.stdout).toContain("Fix: set REL_PASSPHRASE to the journal's passphrase");
    expect(r.stdout).toContain('3 backups kept (not read without the passphrase');
    expect(r.stdout).toContain('the undo data was not read either');
    callsNothingDamaged(r.stdout);
    expect(r.stdout.match(/Problem:/g)).toHaveLength(1);
    expect(r.stdout).not.toContain('Warning:');
    expect(bytesOf(store)).toEqual(before);
    // The right one: every backup is good.
    expect(await ok(['doctor'], { store, env: PW })).toContain('3 backups kept (3 valid');
  });

  it('--json: one passphrase finding, the backups marked not read', async () => {
    const store = await encryptedJournal('doctor-wrong-json');
    const r = await rel(['doctor', '--json'], {
      store,
      env: { ...FAST, REL_PASSPHRASE: 'not the passphrase' },
    });
    expect(r.code).toBe(1);
    const checkup = JSON.parse(r.stdout);
    expect(checkup.findings.map((f: { check: string }) => f.check)).toEqual(['passphrase']);
    expect(checkup.backups).toHaveLength(3);
    expect(checkup.backups.every((b: { read: boolean }) => b.read === false)).toBe(true);
    expect(checkup.healthy).toBe(false);
  });

  it('typed at the prompt (three tries): says so, and what to do', async () => {
    const store = await encryptedJournal('doctor-wrong-typed');
    const wrong = ['not the passphrase', 'nor this', 'nor that'];
    const r = await rel(['doctor'], { store, env: FAST, answers: wrong });
    expect(r.code).toBe(1);
    expect(r.asked.map((a) => a.message)).toEqual(Array(3).fill('Passphrase for your journal:'));
    expect(r.stderr.match(/Wrong passphrase; try again\./g)).toHaveLength(2);
    // A terminal's output is wrapped to its width.
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`The passphrase you typed does not open ${store}`);
    expect(text).toContain("Fix: run rel doctor again and type the journal's passphrase");
    callsNothingDamaged(text);
  });
});

describe('rel doctor --restore with a wrong passphrase', () => {
  it('says the passphrase does not open the backups, not that none is a journal; exit 1, nothing restored', async () => {
    const store = await encryptedJournal('doctor-wrong-restore');
    const before = bytesOf(store);
    const r = await rel(['doctor', '--restore', '--yes'], {
      store,
      env: { ...FAST, REL_PASSPHRASE: 'not the passphrase' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `The passphrase given does not open the backups of ${store}; nothing was restored.`,
    );
    expect(r.stderr).not.toContain('is a valid journal');
    expect(bytesOf(store)).toEqual(before);
  });

  it('without a passphrase: says none was given and how to give it (exit 2)', async () => {
    const store = await encryptedJournal('doctor-none-restore');
    const r = await rel(['doctor', '--restore', '--yes'], { store, env: FAST });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Your journal is encrypted and no passphrase was given.');
    expect(r.stderr).not.toContain('is a valid journal');
  });
});
