// The one way rel puts bytes into the store's folder, and the one way it reads them back: the
// journal, its backups, undo data and restore copies all pass through here. Whatever must happen
// to every byte rel keeps (encryption at rest, say) wraps these two functions and nothing else.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../errors.js';

/** A file's bytes, or undefined when it does not exist. */
export function readStoreFile(file: string): Buffer | undefined {
  return readVersioned(file)?.bytes;
}

/**
 * A file's bytes and its version (see fileVersion), taken from the same open file so that they
 * match; undefined when it does not exist.
 */
export function readVersioned(file: string): { bytes: Buffer; version: string } | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const version = versionOf(fs.fstatSync(fd, { bigint: true }));
    return { bytes: fs.readFileSync(fd), version };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(`Cannot read ${file}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Which version of a file is there now ('missing' when none): rel replaces files by rename, so
 * every write makes a new inode; size and change times (in nanoseconds) catch editors that
 * rewrite a file in place. Undefined when it cannot be told.
 */
export function fileVersion(file: string): string | undefined {
  try {
    return versionOf(fs.statSync(file, { bigint: true }));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
  }
}

function versionOf(stat: fs.BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/**
 * Replaces the file atomically and durably: a 0600 temp file in the same folder, fsync, rename,
 * fsync the folder. A reader sees the old bytes or the new, never a mix; a crash leaves at most a
 * temp file, which rel recognises by its name (see tempFileOwner) and never reads as a store.
 * The content may come in pieces (a large journal), written one after another.
 */
export function writeStoreFile(file: string, bytes: string | Uint8Array | Iterable<string>): void {
  const dir = path.dirname(file);
  const temp = tempPath(file);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    fs.fchmodSync(fd, 0o600); // exact, whatever the umask
    if (typeof bytes === 'string' || bytes instanceof Uint8Array) fs.writeFileSync(fd, bytes);
    else for (const piece of bytes) fs.writeFileSync(fd, piece);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
    syncFolder(dir);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw new StoreError(
      `Cannot write ${file}: ${(error as Error).message}`,
      'Nothing was saved. Check free space and permissions.',
    );
  }
}

/** `.journal.json.<pid>.<random>.tmp`, beside the file: the pid says whether its writer still lives. */
export function tempPath(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/**
 * The pid that made a temp file of this store or of a file kept beside it
 * (`.journal.json.<pid>.<random>.tmp`, `..journal.json.undo.<pid>.<random>.tmp`), or undefined
 * when the name is not one.
 */
export function tempFileOwner(store: string, name: string): number | undefined {
  const prefix = `${path.basename(store)}.`;
  const bare = name.replace(/^\.+/, '');
  if (!name.startsWith('.') || !bare.startsWith(prefix)) return undefined;
  const match = /^(?:[a-z0-9-]+\.)*?(\d+)\.[0-9a-f]+\.tmp$/.exec(bare.slice(prefix.length));
  return match ? Number(match[1]) : undefined;
}

export function syncFolder(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates missing folders with mode 0700; an existing folder is left as it is. */
export function makePrivateFolder(dir: string): void {
  const created = fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!created) return;
  for (let d = dir; d.length >= created.length; d = path.dirname(d)) fs.chmodSync(d, 0o700);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
