// rel doctor's check of the backups (store/doctor.ts examine): an encrypted backup is read as the
// journal is, a megabyte at a time (crypto.ts unsealSource), never whole as bytes beside its text,
// and still told valid or not as before.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphraseKeyring } from '../../src/store/crypto.js';
import { examine } from '../../src/store/doctor.js';
import { onCheckpoint } from '../../src/store/faults.js';
import { ok, tempStore } from '../helpers/run.js';

const PW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse battery staple' };

afterEach(() => onCheckpoint(undefined));

describe('rel doctor and encrypted backups', { timeout: 120_000 }, () => {
  it('reads each backup a piece at a time, and tells a good one from a damaged one', async () => {
    const store = tempStore('doctor-backups');
    await ok(['add', 'Ana Silva'], { store });
    // A note of 1.5 MB: every copy's body is two pieces.
    await ok(['log', 'ana', '--note', 'x'.repeat(1_500_000)], { store });
    await ok(['encrypt'], { store, env: PW });
    await ok(['log', 'ana', '--note', 'short'], { store, env: PW });
    await ok(['log', 'ana', '--note', 'shorter'], { store, env: PW });
    const backups = [1, 2, 3].map((n) => path.join(path.dirname(store), `.journal.json.backup-${n}`));
    // The oldest backup damaged: one byte of its body changed.
    const damaged = fs.readFileSync(backups[2]!);
    damaged[200] = damaged[200]! ^ 1;
    fs.writeFileSync(backups[2]!, damaged);

    const reads = new Map<string, number>();
    onCheckpoint((step, file) => {
      if (step === 'sealed-read') reads.set(file, (reads.get(file) ?? 0) + 1);
    });
    const keyring = passphraseKeyring(async () => PW.REL_PASSPHRASE);
    const checkup = await examine(store, store, { ...process.env, ...PW }, keyring);
    expect(checkup.backups.map((b) => [path.basename(b.file), b.valid])).toEqual([
      ['.journal.json.backup-1', true],
      ['.journal.json.backup-2', true],
      ['.journal.json.backup-3', false],
    ]);
    // Its header, its tag and its body's two pieces, each read on its own.
    for (const backup of backups) expect(reads.get(backup), backup).toBeGreaterThanOrEqual(4);
  });
});
