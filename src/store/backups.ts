// The last versions of the journal, kept as .journal.json.backup-1 … -3 (1 is the newest): held
// before each write, rotated in only once it succeeded, and brought back by `rel doctor --restore`.
import fs from 'node:fs';
import { StoreError } from '../errors.js';
import { checkpoint } from './faults.js';
import { discard, type Prepared, prepareStoreFile, readStoreFile, tempPath } from './files.js';
import { backupPath } from './paths.js';

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
 * Called under the lock, just before the journal is replaced; the held file takes its place only
 * once the write succeeded (rotateBackups, keepHeld), so a failed write leaves the copies as
 * they were.
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
export function keepHeld(held: Prepared): void {
  try {
    fs.chmodSync(held.temp, 0o600);
    fs.renameSync(held.temp, held.file);
  } catch (error) {
    discard(held);
    throw error;
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
  for (const backup of candidates) {
    const bytes = readStoreFile(backup);
    if (!bytes) continue;
    const found = await accept(backup, bytes);
    if (found !== undefined) return { backup, bytes, found };
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
