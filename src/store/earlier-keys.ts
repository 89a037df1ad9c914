// The keys of a journal's earlier passphrases, kept beside it after `rel passphrase` in a synced
// folder. The commits in git before the change are sealed with the old key: without it, rel sync
// could read neither the common ancestor (its merge would run two-way, and give a person edited on
// both machines wholly to the later edit) nor the last commit (its message would count everything
// as added). The file is sealed with the journal's current key, never written in the clear, and
// removed by the first sync after which no commit it could merge from is under an old key, and
// by `rel decrypt` and `rel passphrase` when no sync can need it (settleEarlierKeys).
import fs from 'node:fs';
import path from 'node:path';
import { isEncrypted, type KdfParams, type Keyring, type Sealing, saltOf, seal, unseal } from './crypto.js';
import { readStoreFile, writeStoreFile } from './files.js';
import { Git, gitEnvironment } from './git.js';
import { earlierKeysPath } from './paths.js';

interface StoredKey {
  salt: string;
  logN: number;
  r: number;
  p: number;
  key: string;
  check: string;
}

/** More than this many changes between two syncs is not a case to keep keys for. */
const KEPT = 8;

async function readKeys(target: string, keyring: Keyring): Promise<StoredKey[]> {
  const file = earlierKeysPath(target);
  const bytes = readStoreFile(file);
  if (!bytes) return [];
  try {
    // The current key only: the file is never sealed with an earlier one.
    const { text } = await unseal(file, bytes, { sealingFor: keyring.sealingFor.bind(keyring) });
    const keys = (JSON.parse(text) as { keys?: StoredKey[] }).keys;
    return Array.isArray(keys) ? keys : [];
  } catch {
    return []; // left by a change that did not finish, under a key never used: nothing to read
  }
}

/** The kept key for a salt, or undefined. */
export async function earlierSealing(
  target: string,
  salt: Buffer,
  kdf: KdfParams,
  keyring: Keyring,
): Promise<Sealing | undefined> {
  const hex = salt.toString('hex');
  const found = (await readKeys(target, keyring)).find(
    (k) => k.salt === hex && k.logN === kdf.logN && k.r === kdf.r && k.p === kdf.p,
  );
  if (!found) return undefined;
  return {
    kdf: { logN: found.logN, r: found.r, p: found.p },
    salt: Buffer.from(found.salt, 'hex'),
    key: Buffer.from(found.key, 'hex'),
    check: Buffer.from(found.check, 'hex'),
  };
}

/**
 * Keeps `previous` (the key before a passphrase change) with those kept already, sealed with
 * `next`, the new key. Returns how to put the file back as it was, for a change that fails.
 */
export async function keepEarlierKey(
  target: string,
  previous: Sealing,
  next: Sealing,
  keyring: Keyring,
): Promise<() => void> {
  const file = earlierKeysPath(target);
  const before = readStoreFile(file);
  const stored: StoredKey = {
    salt: previous.salt.toString('hex'),
    ...previous.kdf,
    key: previous.key.toString('hex'),
    check: previous.check.toString('hex'),
  };
  const keys = [stored, ...(await readKeys(target, keyring)).filter((k) => k.salt !== stored.salt)];
  writeStoreFile(file, seal(JSON.stringify({ version: 1, keys: keys.slice(0, KEPT) }), next));
  return () => (before ? writeStoreFile(file, before) : fs.rmSync(file, { force: true }));
}

/** The keys are no longer needed: every commit a later sync merges from is under the current key. */
export function dropEarlierKeys(target: string): void {
  fs.rmSync(earlierKeysPath(target), { force: true });
}

/**
 * Whether a later sync may still read a commit under an earlier key: unless the remote is at HEAD
 * and HEAD's journal (`name`) is plain or sealed with `salt` (the current key's, the one the
 * passphrase opens), since every later merge's common ancestor is HEAD or a commit after it.
 */
export function earlierKeysNeeded(git: Git, name: string, branch: string, salt: Buffer | undefined): boolean {
  const remote = `refs/remotes/origin/${branch}`;
  if (!git.hasCommit(remote) || git.revParse(remote) !== git.revParse('HEAD')) return true;
  const committed = git.show('HEAD', name);
  if (!committed || !isEncrypted(committed)) return false;
  return !(salt && saltOf(committed)?.equals(salt));
}

/**
 * After `rel decrypt` or `rel passphrase` outside a sync: the kept keys go when no sync can need
 * them (no repository beside the journal, or one whose commits a later merge reads are all under
 * the key of `salt`, the passphrase given). 'kept' when a sync still needs them, which then
 * removes them itself; 'none' when there were none.
 */
export function settleEarlierKeys(target: string, env: NodeJS.ProcessEnv, salt: Buffer | undefined) {
  if (!fs.existsSync(earlierKeysPath(target))) return 'none';
  const folder = path.dirname(target);
  if (fs.existsSync(path.join(folder, '.git'))) {
    try {
      const git = new Git(folder, gitEnvironment(env, folder));
      if (earlierKeysNeeded(git, path.basename(target), git.branch(), salt)) return 'kept';
    } catch {
      return 'kept'; // git could not say: a sync may need them
    }
  }
  dropEarlierKeys(target);
  return 'dropped';
}
