// The last versions of the journal, kept as .journal.json.backup-1 … -3 (1 is the newest): held
// before each write, rotated in only once it succeeded, and brought back by `rel doctor --restore`.
import fs from 'node:fs';
import path from 'node:path';
import { RelError, StoreError, UsageError } from '../errors.js';
import { checkpoint } from './faults.js';
import { discard, notSaved, type Prepared, prepareStoreFile, readStoreFile, tempPath } from './files.js';
import { backupPath, beforeRestorePath, earlierRestorePath } from './paths.js';

const BACKUPS_KEPT = 3;

/** Backups that exist, newest first. */
export function listBackups(target: string): string[] {
  const found: string[] = [];
  for (let n = 1; n <= BACKUPS_KEPT; n++)
    if (fs.existsSync(backupPath(target, n))) found.push(backupPath(target, n));
  return found;
}

/**
 * The journal as it is now, held under a temp name for `file` (backup 1, or the restore copy): a
 * hard link to the current file (the write replaces the journal with a new file, so the link
 * keeps the old one intact at no cost), or a copy of its bytes where links are not possible.
 * Called under the lock, just before the journal is replaced; a held backup takes its place only
 * once the write succeeded (rotateBackups), so a failed write leaves the copies as they were; a
 * restore copy just before the journal's rename, taken back if that fails (placeRestoreCopy).
 */
export function holdCopy(
  target: string,
  file: string,
  bytes: () => Uint8Array | undefined,
): Prepared | undefined {
  const held = { file, temp: tempPath(file) };
  try {
    fs.linkSync(target, held.temp);
    return held;
  } catch {
    const copy = bytes();
    return copy ? prepareStoreFile(file, copy) : undefined;
  }
}

/** After a successful write: backup 1 becomes 2, 2 becomes 3 (the oldest goes), the held one 1. */
export function rotateBackups(target: string, held: Prepared): void {
  try {
    checkpoint('backup-rotation', target);
    for (let n = BACKUPS_KEPT - 1; n >= 1; n--) {
      try {
        fs.renameSync(backupPath(target, n), backupPath(target, n + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  } catch (error) {
    discard(held);
    throw error;
  }
  keepHeld(held);
}

/** A held copy takes its place, private (a link shares the mode the journal had). */
function keepHeld(held: Prepared): void {
  try {
    fs.chmodSync(held.temp, 0o600);
    fs.renameSync(held.temp, held.file);
  } catch (error) {
    discard(held);
    throw error;
  }
  // A rename onto another link to the same file (a restore copy that is a link to the journal,
  // left by a restore stopped before the journal's rename) does nothing, and leaves the temp name.
  discard(held);
}

/**
 * Where the restore copy now in place goes before a restore puts the journal it replaces there:
 * the next free `.journal.json.before-restore-N`, when that copy differs from the journal (it may
 * hold the only copy of the newest entries, as after a restore of a damaged journal); undefined
 * when there is none, or it is the journal as it is, which the new copy keeps anyway.
 */
export function earlierRestoreCopy(target: string, journal: Buffer | undefined): string | undefined {
  const copy = readStoreFile(beforeRestorePath(target));
  if (!copy || !journal || copy.equals(journal)) return undefined;
  const prefix = `${path.basename(beforeRestorePath(target))}-`;
  let newest = 0;
  for (const name of fs.readdirSync(path.dirname(target))) {
    const n = name.startsWith(prefix) ? Number(name.slice(prefix.length)) : Number.NaN;
    if (Number.isInteger(n) && n > newest) newest = n;
  }
  return earlierRestorePath(target, newest + 1);
}

/**
 * A restore's copy of the journal it replaces takes its place before the journal is replaced, so
 * that no moment, not even a kill, leaves the replaced version only in a temp file the next write
 * sweeps away. The copy that was there goes first to `earlier` (a new name, by hard link, so the
 * copy stays in place until the new one replaces it). Before the journal's rename, so a failure
 * here saves nothing; returns what puts the folder back as it was if the journal's rename fails.
 */
export function placeRestoreCopy(held: Prepared, earlier: string | undefined): () => void {
  const existed = fs.existsSync(held.file);
  let aside = false;
  try {
    checkpoint('restore-copy', held.file);
    if (earlier) {
      keepAside(held.file, earlier);
      aside = true;
    }
    keepHeld(held);
  } catch (error) {
    if (aside && earlier) fs.rmSync(earlier, { force: true });
    discard(held);
    throw notSaved(held.file, error);
  }
  return () => {
    if (aside && earlier) fs.renameSync(earlier, held.file);
    else if (!existed) fs.rmSync(held.file, { force: true });
  };
}

/** `file` under a second name too: a hard link, or a copy where links are not possible. */
function keepAside(file: string, name: string): void {
  try {
    fs.linkSync(file, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    fs.copyFileSync(file, name, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(name, 0o600);
  }
}

/**
 * The newest backup that `accept` takes (it returns what the bytes hold, or undefined), with its
 * bytes; a StoreError when there is none.
 */
export async function newestRestorable<T>(
  target: string,
  file: string,
  accept: (backup: string, bytes: Buffer) => Promise<T | undefined>,
): Promise<{ backup: string; bytes: Buffer; found: T }> {
  const candidates = listBackups(target);
  // A backup the passphrase does not open (or with none given) is not known to be bad: when no
  // backup could be restored, that is what is said, not that none is a journal.
  let locked: RelError | undefined;
  for (const backup of candidates) {
    const bytes = readStoreFile(backup);
    if (!bytes) continue;
    let found: T | undefined;
    try {
      found = await accept(backup, bytes);
    } catch (error) {
      if (!(error instanceof RelError)) throw error;
      locked ??= error;
      continue;
    }
    if (found !== undefined) return { backup, bytes, found };
  }
  if (locked instanceof UsageError) throw locked;
  if (locked) {
    throw new StoreError(
      `The passphrase given does not open the backups of ${file}; nothing was restored.`,
      'Check REL_PASSPHRASE (or what you typed) and run rel doctor --restore again.',
    );
  }
  throw noBackup(file, candidates.length);
}

export function noBackup(file: string, unreadable = 0): StoreError {
  return new StoreError(
    unreadable
      ? `None of the ${unreadable} backups of ${file} is a valid journal; nothing was restored.`
      : `There is no backup of ${file} to restore; nothing was restored.`,
    'rel keeps a backup before each change it makes. Fix the file by hand: rel doctor shows what is wrong.',
  );
}
