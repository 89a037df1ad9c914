// Encryption at rest through the built rel: a day of use leaves no plain text on disk; a wrong
// passphrase or a damaged file is exit 1 with nothing written; no passphrase is exit 2 naming it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

// Tests lower the scrypt cost (stored in each file's header); the production default is untouched.
const FAST = { REL_KDF_LOG_N: '10' };
const PW = { ...FAST, REL_PASSPHRASE: 'correct horse battery staple' };

const SECRETS = [
  'Ana Silva',
  'Bo Chen',
  'Zoë Quist',
  'roadmap worries',
  'wants to lead',
  'send the deck',
  'kayaking',
];

/** Every file under a folder, recursively, as bytes. */
function filesUnder(dir: string): [string, Buffer][] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    return entry.isFile() ? [[full, fs.readFileSync(full)] as [string, Buffer]] : [];
  });
}

function plainHits(dir: string): string[] {
  const hits: string[] = [];
  for (const [file, bytes] of filesUnder(dir)) {
    for (const secret of SECRETS) {
      for (const form of [secret, secret.toLowerCase(), secret.toLowerCase().replace(/ /g, '-')])
        if (bytes.includes(Buffer.from(form))) hits.push(`${path.basename(file)}: ${form}`);
    }
  }
  return hits;
}

describe('rel encrypt', { timeout: 180_000 }, () => {
  it('after a day of use, no name or note is found in any file of the store folder', async () => {
    const store = tempStore('enc-day');
    const env = { env: PW, store };
    await ok(['add', 'Ana Silva', '--team', 'Platform'], { store });
    await ok(['log', 'ana', '--note', 'roadmap worries', '--ambition', 'wants to lead'], { store });
    await ok(['encrypt'], env);
    await ok(['add', 'Bo Chen'], env);
    await ok(['add', 'Zoë Quist'], env);
    await ok(
      [
        'log',
        'bo',
        'zoe',
        '--note',
        'roadmap worries',
        '--follow-up',
        'send the deck',
        '--skill',
        // A skill is personal: in a group it says whose (without a prefix it is refused).
        'Bo: kayaking',
      ],
      env,
    );
    await ok(['log', 'ana', '--date', 'yesterday', '--heard', 'wants to lead'], env);
    await ok(['passphrase'], { store, env: { ...PW, REL_NEW_PASSPHRASE: 'another one' } });
    const again = { store, env: { ...PW, REL_PASSPHRASE: 'another one' } };
    await ok(['log', 'ana', '--note', 'kayaking'], again);
    // Backups and undo data are there (made before and after encrypting), and hold nothing readable.
    expect(fs.readdirSync(path.dirname(store))).toEqual(
      expect.arrayContaining(['.journal.json.backup-1', '.journal.json.backup-3', '.journal.json.undo']),
    );
    expect(plainHits(path.dirname(store))).toEqual([]);
    // Nor does what rel keeps in its state folder: the stamp of the last write is sealed too.
    const state = path.join(path.dirname(path.dirname(store)), 'state');
    expect(fs.readdirSync(path.join(state, 'rel')).filter((n) => n.startsWith('stamp-'))).toHaveLength(1);
    expect(plainHits(state)).toEqual([]);
    // ...and every command still reads it as before.
    expect(JSON.parse(await ok(['people', '--json'], again)).map((p: { name: string }) => p.name)).toEqual([
      'Ana Silva',
      'Bo Chen',
      'Zoë Quist',
    ]);
    const profile = JSON.parse(await ok(['profile', 'ana', '--json'], again));
    expect(profile.conversations).toHaveLength(3);
    // The check itself can fail: the same search finds the names once decrypted.
    await ok(['decrypt'], again);
    expect(plainHits(path.dirname(store))).toContain('journal.json: Ana Silva');
  });

  it('a wrong passphrase is exit 1, says so, and writes nothing', async () => {
    const store = tempStore('enc-wrong');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['encrypt'], { store, env: PW });
    const before = bytesOf(store);
    const files = fs.readdirSync(path.dirname(store));
    const r = await rel(['log', 'ana', '--note', 'x'], { store, env: { ...FAST, REL_PASSPHRASE: 'wrong' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Wrong passphrase for .*journal\.json/);
    expect(bytesOf(store)).toEqual(before);
    expect(fs.readdirSync(path.dirname(store))).toEqual(files);
  });

  it('a flipped byte is exit 1 as a damaged file, not a wrong passphrase', async () => {
    const store = tempStore('enc-flip');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['encrypt'], { store, env: PW });
    const bytes = bytesOf(store)!;
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x40;
    fs.writeFileSync(store, bytes);
    for (const args of [['people'], ['add', 'Bo Chen']]) {
      const r = await rel(args, { store, env: PW });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/damaged or was tampered with/);
      expect(r.stderr).not.toMatch(/Wrong passphrase/);
      expect(bytesOf(store)).toEqual(bytes);
    }
  });

  it('without a passphrase and without a terminal, exit 2 naming REL_PASSPHRASE', async () => {
    const store = tempStore('enc-none');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['encrypt'], { store, env: PW });
    const before = bytesOf(store);
    for (const args of [['due'], ['log', 'ana', '--note', 'x']]) {
      const r = await rel(args, { store, env: FAST });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('REL_PASSPHRASE');
    }
    const r = await rel(['passphrase'], { store, env: PW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('REL_NEW_PASSPHRASE');
    expect(bytesOf(store)).toEqual(before);
  });

  it('decrypt gives back the same journal; encrypting twice or decrypting a plain store is exit 2', async () => {
    const store = tempStore('enc-round');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['log', 'ana', '--note', 'hello'], { store });
    const plain = bytesOf(store);
    await ok(['encrypt'], { store, env: PW });
    expect(bytesOf(store)!.subarray(0, 8).toString()).toBe('RELCRYPT');
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
    expect((await rel(['encrypt'], { store, env: PW })).code).toBe(2);
    await ok(['decrypt'], { store, env: PW });
    expect(bytesOf(store)).toEqual(plain);
    expect((await rel(['decrypt'], { store, env: PW })).code).toBe(2);
  });
});

describe('rel doctor on an encrypted journal without its passphrase', () => {
  it('says what to give, and does not call the backups it could not read bad', async () => {
    const store = tempStore('enc-doctor-locked');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['encrypt'], { store, env: PW });
    for (const note of ['one', 'two', 'three']) await ok(['log', 'ana', '--note', note], { store, env: PW });
    const r = await rel(['doctor'], { store, env: FAST });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Your journal is encrypted and no passphrase was given.');
    expect(r.stdout).toContain('Set REL_PASSPHRASE to it');
    expect(r.stdout).toContain('backups kept (not read without the passphrase');
    expect(r.stdout).not.toContain('Not a valid journal');
    expect(r.stdout).not.toContain('by hand');
    expect(r.stdout).not.toContain('is unreadable');
    // With it, every backup is good.
    expect(await ok(['doctor'], { store, env: PW })).toContain('3 backups kept (3 valid');
  });
});

describe('a short new passphrase', () => {
  it('is refused at the prompt under 8 characters, saying why, and a longer one taken', async () => {
    const store = tempStore('short-pass');
    await ok(['add', 'Ana Silva'], { store });
    const r = await rel(['encrypt'], {
      store,
      env: FAST,
      answers: ['x', 'correct horse', 'correct horse'],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked.map((a) => [a.message, a.refused])).toEqual([
      ['New passphrase:', 'That is under 8 characters, guessed in no time; use 8 or more (a few words).'],
      ['New passphrase:', undefined],
      ['The same passphrase again:', undefined],
    ]);
    await ok(['people'], { store, env: { ...FAST, REL_PASSPHRASE: 'correct horse' } });
  });

  it('from the environment is taken with a warning', async () => {
    const store = tempStore('short-pass-env');
    await ok(['add', 'Ana Silva'], { store });
    const r = await rel(['encrypt'], { store, env: { ...FAST, REL_PASSPHRASE: 'x' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'rel: warning: REL_PASSPHRASE has 1 character: a passphrase that short is guessed in no time. Use 8 or more (a few words), and change it with rel passphrase.',
    );
    const long = await rel(['passphrase'], {
      store,
      env: { ...FAST, REL_PASSPHRASE: 'x', REL_NEW_PASSPHRASE: 'correct horse' },
    });
    expect(long.stderr).not.toContain('warning');
  });
});
