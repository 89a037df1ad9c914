// After rel decrypt and rel passphrase, through the built rel: no file rel keeps (the journal's
// folder with its backups, undo data and .git, the state and config folders, the agent's folder,
// the temp folder) holds a key that opens the old ciphertext, in the clear or inside a file sealed
// with a key still in use, except the earlier keys a sync still needs, which rel says it keeps.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveSealing, openSealed, type Sealing } from '../../src/store/crypto.js';
import { type RunOptions, rel, tempDir } from '../helpers/rel.js';

const FIRST = 'first passphrase, long enough';
const SECOND = 'second passphrase, long enough';
const kdf = { logN: 10, r: 8, p: 1 };

interface Setup {
  root: string;
  store: string;
  keysFile: string;
  run: (args: string[], env?: Record<string, string | undefined>) => ReturnType<typeof rel>;
}

function setup(tag: string): Setup {
  const root = tempDir(tag);
  for (const dir of ['config', 'state', 'tmp']) fs.mkdirSync(path.join(root, dir));
  fs.mkdirSync(path.join(root, 'run'), { mode: 0o700 });
  const store = path.join(root, 'data', 'journal.json');
  const options = (env: Record<string, string | undefined> = {}): RunOptions => ({
    store,
    env: {
      REL_KDF_LOG_N: '10',
      XDG_CONFIG_HOME: path.join(root, 'config'),
      XDG_STATE_HOME: path.join(root, 'state'),
      XDG_RUNTIME_DIR: path.join(root, 'run'),
      TMPDIR: path.join(root, 'tmp'),
      ...env,
    },
  });
  return {
    root,
    store,
    keysFile: path.join(root, 'data', '.journal.json.keys'),
    run: (args, env) => rel(args, options(env)),
  };
}

function must(s: Setup, args: string[], env: Record<string, string | undefined> = {}): string {
  const r = s.run(args, env);
  expect(r.code, `rel ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stderr;
}

/** The key of the journal as it is now, derived from the passphrase and the salt of its header. */
function keyNow(s: Setup, passphrase: string): Promise<Sealing> {
  return deriveSealing(passphrase, fs.readFileSync(s.store).subarray(13, 29), kdf);
}

/** Every file under the root. */
function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) found.push(file);
    }
  };
  walk(root);
  return found;
}

/**
 * The files that hold one of `secrets` (raw, hex or base64), read in the clear and, for each file
 * sealed with one of `open`, decrypted.
 */
function holding(root: string, secrets: Sealing[], open: Sealing[]): string[] {
  const forms = secrets.flatMap((k) => [
    k.key,
    Buffer.from(k.key.toString('hex')),
    Buffer.from(k.key.toString('base64')),
  ]);
  return filesUnder(root).filter((file) => {
    const bytes = fs.readFileSync(file);
    const texts = [
      bytes,
      ...open
        .map((k) => openSealed(bytes, k))
        .filter((t) => t !== undefined)
        .map((t) => Buffer.from(t)),
    ];
    return texts.some((t) => forms.some((f) => t.includes(f)));
  });
}

/** Files that are sealed (outside git's own objects, which keep a synced history by design). */
function sealedFiles(root: string): string[] {
  return filesUnder(root).filter(
    (f) =>
      !f.includes(`${path.sep}.git${path.sep}`) &&
      fs.readFileSync(f).subarray(0, 8).toString() === 'RELCRYPT',
  );
}

/** An encrypted journal with backups and undo data, synced with a bare remote, then unlocked. */
async function synced(tag: string): Promise<{ s: Setup; first: Sealing }> {
  const s = setup(tag);
  const remote = path.join(s.root, 'remote.git');
  execFileSync('git', ['init', '-q', '--bare', remote]);
  must(s, ['add', 'Ana Silva']);
  must(s, ['log', 'ana', '--note', 'one']);
  must(s, ['encrypt'], { REL_PASSPHRASE: FIRST });
  must(s, ['sync', '--init', `file://${remote}`], { REL_PASSPHRASE: FIRST });
  must(s, ['log', 'ana', '--note', 'two'], { REL_PASSPHRASE: FIRST });
  must(s, ['unlock'], { REL_PASSPHRASE: FIRST });
  must(s, ['log', 'ana', '--note', 'three']);
  return { s, first: await keyNow(s, FIRST) };
}

describe('keys left behind', { timeout: 300_000 }, () => {
  it('rel decrypt of a synced journal whose passphrase changed since the last sync keeps the earlier key, says so, and the next sync removes it', async () => {
    const { s, first } = await synced('keys-decrypt-synced');
    must(s, ['passphrase'], { REL_PASSPHRASE: FIRST, REL_NEW_PASSPHRASE: SECOND });
    const second = await keyNow(s, SECOND);
    must(s, ['log', 'ana', '--note', 'four'], { REL_PASSPHRASE: SECOND });
    // Nothing under the first key is left but the kept key itself, sealed with the second.
    expect(sealedFiles(s.root).filter((f) => openSealed(fs.readFileSync(f), first) !== undefined)).toEqual(
      [],
    );
    expect(holding(s.root, [first], [second])).toEqual([s.keysFile]);

    const told = must(s, ['decrypt'], { REL_PASSPHRASE: SECOND });
    expect(told).toContain(`The keys of the passphrases before the last change stay in ${s.keysFile}`);
    expect(sealedFiles(s.root)).toEqual([s.keysFile]);
    // The next sync reads the last commit (under the first key) with it: one change, not all.
    expect(s.run(['sync'], { REL_PASSPHRASE: SECOND }).stdout).toContain('Committed: 3 conversations added');
    expect(sealedFiles(s.root)).toEqual([]);
    expect(holding(s.root, [first, second], [first, second])).toEqual([]);
  });

  it('rel decrypt with nothing a sync could read under an earlier key leaves no key at all', async () => {
    const { s, first } = await synced('keys-decrypt-apart');
    must(s, ['passphrase'], { REL_PASSPHRASE: FIRST, REL_NEW_PASSPHRASE: SECOND });
    const second = await keyNow(s, SECOND);
    // The journal leaves sync (its history deleted): the kept key has no use from then on.
    fs.rmSync(path.join(path.dirname(s.store), '.git'), { recursive: true });
    const told = must(s, ['decrypt'], { REL_PASSPHRASE: SECOND });
    expect(told).not.toContain('The keys of the passphrases');
    expect(sealedFiles(s.root)).toEqual([]);
    expect(holding(s.root, [first, second], [first, second])).toEqual([]);
  });

  it('rel passphrase of a journal no longer synced removes the keys kept from when it was', async () => {
    const { s, first } = await synced('keys-passphrase-apart');
    must(s, ['passphrase'], { REL_PASSPHRASE: FIRST, REL_NEW_PASSPHRASE: SECOND });
    const second = await keyNow(s, SECOND);
    fs.rmSync(path.join(path.dirname(s.store), '.git'), { recursive: true });
    const THIRD = 'third passphrase, long enough';
    must(s, ['passphrase'], { REL_PASSPHRASE: SECOND, REL_NEW_PASSPHRASE: THIRD });
    const third = await keyNow(s, THIRD);
    expect(fs.existsSync(s.keysFile)).toBe(false);
    // Every sealed file is under the third key, and none holds an earlier one.
    for (const f of sealedFiles(s.root)) expect(openSealed(fs.readFileSync(f), third), f).toBeDefined();
    expect(holding(s.root, [first, second, third], [first, second, third])).toEqual([]);
    expect(filesUnder(path.join(s.root, 'run'))).toEqual([]);
  });
});
