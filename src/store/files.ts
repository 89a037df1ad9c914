// The one way rel puts bytes into the store's folder, and the one way it reads them back: the
// journal, its backups, undo data and restore copies all pass through here. Whatever must happen
// to every byte rel keeps (encryption at rest, say) wraps these two functions and nothing else.
import { constants as bufferConstants, isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../errors.js';
import { checkpoint } from './faults.js';

/** A file's bytes, or undefined when it does not exist. */
export function readStoreFile(file: string): Buffer | undefined {
  return readVersioned(file)?.bytes;
}

/** The first bytes of a file (by default enough for an encrypted file's magic and salt);
 * empty if missing or unreadable. */
export function headOf(file: string, length = 64): Buffer {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const head = Buffer.alloc(length);
    return head.subarray(0, fs.readSync(fd, head, 0, length, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A file's bytes and its version (see fileVersion), taken from the same open file so that they
 * match; undefined when it does not exist.
 */
export function readVersioned(file: string): { bytes: Buffer; version: string } | undefined {
  const opened = openChecked(file);
  if (!opened) return undefined;
  try {
    return { bytes: fs.readFileSync(opened.fd), version: opened.version };
  } catch (error) {
    throw cannotRead(file, error);
  } finally {
    fs.closeSync(opened.fd);
  }
}

/** A regular file open for reading, with its size and version; undefined when it does not exist. */
function openChecked(file: string): { fd: number; size: number; version: string } | undefined {
  let fd: number | undefined;
  try {
    // Non-blocking, so that a FIFO opens at once and is refused below instead of hanging.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd, { bigint: true });
    if (!stat.isFile()) throw notAFile(file, stat);
    if (stat.size > BigInt(MAX_FILE_BYTES)) throw tooLarge(file, stat.size);
    return { fd, size: Number(stat.size), version: versionOf(stat) };
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cannotRead(file, error);
  }
}

function cannotRead(file: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(`Cannot read ${file}: ${(error as Error).message}`, notAFolderHint(file));
}

/**
 * A file left open to be read a piece at a time (an encrypted journal, crypto.ts SealedSource):
 * its size and version as opened, which every piece read is of. The caller closes it.
 */
export interface OpenedFile {
  readonly size: number;
  readonly version: string;
  /**
   * The `length` bytes at `position`, fewer only where the file ends, in one buffer that each
   * read reuses: a file read this way is never held whole.
   */
  read(position: number, length: number): Buffer;
  close(): void;
}

function openedFile(file: string, opened: { fd: number; size: number; version: string }): OpenedFile {
  const { fd, size, version } = opened;
  let buffer: Buffer | undefined;
  return {
    size,
    version,
    read(position, length) {
      if (!buffer || buffer.length < length) buffer = Buffer.allocUnsafe(length);
      let got = 0;
      try {
        while (got < length) {
          checkpoint('sealed-read', file);
          const n = fs.readSync(fd, buffer, got, length - got, position + got);
          if (n === 0) break;
          got += n;
        }
      } catch (error) {
        throw cannotRead(file, error);
      }
      return buffer.subarray(0, got);
    },
    close: () => fs.closeSync(fd),
  };
}

/** How many of a file's first bytes say whether it is text (an encrypted journal's magic is 8). */
const KIND_BYTES = 16;

/**
 * A file's text (decodeUtf8, `label` naming it in the message) and its version, or, when `binary`
 * says from its first bytes that it is not text (an encrypted journal), the file left open to be
 * read in pieces (the caller closes it); undefined when it does not exist. The bytes of a text
 * are not kept: they are unreachable once it returns, so that a parse of the text does not hold
 * the file twice (35 MB more at the peak of a report at M). `digest`, when given, is taken of the
 * bytes of a text on the way (digesting the text instead would turn it into those bytes again), if
 * it gives one for the version read. `keep`: the bytes of a text are kept after all, as `source`
 * (a read for a write that reuses them).
 */
export function readVersionedText(
  file: string,
  label: string,
  binary: (head: Buffer) => boolean,
  digest?: (bytes: Buffer, version: string) => string | undefined,
  keep = false,
):
  | { text: string; version: string; digest?: string | undefined; source?: Buffer }
  | { opened: OpenedFile; version: string }
  | undefined {
  const opened = openChecked(file);
  if (!opened) return undefined;
  const { fd, version } = opened;
  let bytes: Buffer;
  let handedOver = false;
  try {
    const head = Buffer.alloc(KIND_BYTES);
    // Read at an offset: the whole file is then read from where the file's position still is, its start.
    if (binary(head.subarray(0, fs.readSync(fd, head, 0, KIND_BYTES, 0)))) {
      handedOver = true;
      return { opened: openedFile(file, opened), version };
    }
    bytes = fs.readFileSync(fd);
  } catch (error) {
    throw cannotRead(file, error);
  } finally {
    if (!handedOver) fs.closeSync(fd);
  }
  const text = { text: decodeUtf8(label, bytes), version, digest: digest?.(bytes, version) };
  return keep ? { ...text, source: bytes } : text;
}

/**
 * The largest file rel reads: its text must fit in one JavaScript string (Node's limit, just under
 * 512 MiB), and a UTF-8 file never has more characters than bytes.
 */
export const MAX_FILE_BYTES = bufferConstants.MAX_STRING_LENGTH;

function tooLarge(file: string, size: bigint): StoreError {
  const mib = (n: bigint | number) => `${Math.floor(Number(n) / 2 ** 20)} MiB`;
  return new StoreError(
    `${file} is ${mib(size)}: rel reads journals of up to ${mib(MAX_FILE_BYTES)}, and it was left untouched.`,
    'If it grew by mistake, rel doctor --restore brings back the last good version; otherwise move older conversations into another journal (rel export --format json, then edit) and point --store at it.',
  );
}

function notAFile(file: string, stat: fs.BigIntStats): StoreError {
  const what = stat.isFIFO()
    ? 'a FIFO (named pipe)'
    : stat.isCharacterDevice() || stat.isBlockDevice()
      ? 'a device'
      : stat.isDirectory()
        ? 'a folder'
        : stat.isSocket()
          ? 'a socket'
          : 'not a regular file';
  return new StoreError(
    `${file} is ${what}, not a journal file; rel reads and writes only regular files (or symlinks to one).`,
    'Point --store or REL_STORE at a journal file.',
  );
}

/**
 * A file's text, refusing bytes that are not UTF-8 (a lenient decode would turn them into U+FFFD,
 * and the next write would make that loss permanent).
 */
export function decodeUtf8(file: string, bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const offset = firstInvalidUtf8(bytes);
  throw new StoreError(
    `${file} is not valid UTF-8: byte ${offset} (0x${bytes[offset]!.toString(16).padStart(2, '0')}, counting from 0) begins no character; rel leaves the file untouched.`,
    `rel doctor shows what is wrong; rel doctor --restore brings back the last good version (or fix byte ${offset}, counting from 0, by hand).`,
  );
}

/** The offset (from 0) of the first byte of the first sequence that is not a UTF-8 character; the length when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0; // no overlong forms
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      // The sequence is broken from its first byte: the byte that ends it early is often a
      // character of its own (13 44 cd 3a: 0xcd, not the ':' after it).
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
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

/** A file's new content, written in full and on disk beside it (prepareStoreFile), not yet in place. */
export interface Prepared {
  file: string;
  temp: string;
  /** Run as root: why the file could not be given back to its owner (see ownerToKeep), for a warning. */
  ownerNotKept?: string | undefined;
}

/**
 * The first half of a write, where a full disk or a failing device shows itself: a 0600 temp file
 * in the file's folder, written and fsynced. The file itself is untouched; on failure the temp
 * file is gone and the error says that nothing was saved. The content may come in pieces (a
 * large journal), written one after another.
 */
export function prepareStoreFile(
  file: string,
  bytes: string | Uint8Array | Iterable<string | Uint8Array>,
): Prepared {
  try {
    const steps = { written: () => checkpoint('temp-write', file), synced: () => checkpoint('fsync', file) };
    return { file, ...writeTemp(file, bytes, steps) };
  } catch (error) {
    throw notSaved(file, error);
  }
}

/**
 * The one writer of temp files: a 0600 temp file beside `file` (tempPath) with the content, in
 * pieces written one after another (a large file is never one text in memory), fsynced when
 * `steps.synced` is given (each step is called just before it); returns its path, and run as
 * root, why it could not keep the owner (ownerToKeep). On any failure the temp file is gone and
 * the error is thrown.
 */
function writeTemp(
  file: string,
  content: string | Uint8Array | Iterable<string | Uint8Array>,
  steps: { written?: () => void; synced?: () => void },
): { temp: string; ownerNotKept?: string | undefined } {
  const temp = tempPath(file);
  const owner = ownerToKeep(file);
  let ownerNotKept: string | undefined;
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    fs.fchmodSync(fd, 0o600); // exact, whatever the umask
    if (owner) ownerNotKept = keepOwner(fd, file, owner);
    steps.written?.();
    if (typeof content === 'string' || content instanceof Uint8Array) fs.writeFileSync(fd, content);
    else for (const piece of content) fs.writeFileSync(fd, piece);
    if (steps.synced) {
      steps.synced();
      fs.fsyncSync(fd);
    }
    fs.closeSync(fd);
    fd = undefined;
    return { temp, ownerNotKept };
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    // Only when it was made: on a read-only file system the unlink of a temp file that was never
    // there fails too (EROFS), and its error would be said instead of the open's.
    if (fd !== undefined || fs.existsSync(temp)) removeFile(temp);
    throw error;
  }
}

/**
 * Run as root (a sudo rel, a root cron job), whose owner a file rel writes must get: the owner of
 * the file it replaces, or of the folder a new one goes into, when that is another user. A file
 * replaced by rename is a new file, root's by default: the journal's owner would then be locked
 * out of it (EACCES on every command). Undefined when not root, or nothing to change.
 */
function ownerToKeep(file: string): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const stat =
      fs.statSync(file, { throwIfNoEntry: false }) ??
      fs.statSync(path.dirname(file), { throwIfNoEntry: false });
    if (!stat || (stat.uid === 0 && stat.gid === process.getgid?.())) return undefined;
    return { uid: stat.uid, gid: stat.gid };
  } catch {
    return undefined;
  }
}

/** Gives the temp file that owner; what failed when it could not (the write goes on: it is whole). */
function keepOwner(fd: number, file: string, owner: { uid: number; gid: number }): string | undefined {
  try {
    checkpoint('owner-keep', file);
    fs.fchownSync(fd, owner.uid, owner.gid);
    return undefined;
  } catch (error) {
    return `${file} is now owned by root: it could not be given back to its owner (uid ${owner.uid}, gid ${owner.gid}: ${(error as Error).message.replace(/\.$/, '')}), who may not be able to read it (chown ${owner.uid}:${owner.gid} ${JSON.stringify(file)})`;
  }
}

/**
 * The second half: the prepared content takes the file's place by rename, atomically. A reader
 * sees the old bytes or the new, never a mix. On failure the file is as it was and the temp file
 * is gone. The folder is not synced here: see syncFolder, once for several files.
 */
export function putInPlace(prepared: Prepared): void {
  try {
    checkpoint('rename', prepared.file);
    fs.renameSync(prepared.temp, prepared.file);
  } catch (error) {
    discard(prepared);
    throw notSaved(prepared.file, error);
  }
}

/** A prepared write that is not going to happen. */
export function discard(prepared: Prepared | undefined): void {
  if (prepared) removeFile(prepared.temp);
}

/**
 * Removes a file when it is there, as fs.rmSync(file, { force: true }) does, but without the
 * module for removing folders that every rmSync loads first (half a millisecond of each write).
 */
export function removeFile(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export function notSaved(file: string, error: unknown): StoreError {
  return new StoreError(
    `Cannot write ${file}: ${(error as Error).message}`,
    'Nothing was saved. Check free space and permissions.',
  );
}

/**
 * Replaces the file atomically and durably: prepareStoreFile, putInPlace, fsync the folder. A
 * crash leaves at most a temp file, which rel recognises by its name (see tempFileOwner) and
 * never reads as a store. The one writer of private files: the journal's folder, the settings,
 * and what `--out` writes. The file is 0600 after, even where it replaces one others could read.
 */
export function writeStoreFile(
  file: string,
  bytes: string | Uint8Array | Iterable<string | Uint8Array>,
): void {
  putInPlace(prepareStoreFile(file, bytes));
  syncFolder(path.dirname(file));
}

/**
 * A file derived from the journal (a summary, the sealed stamp), made by `make` and written by
 * writeDerivedFile, or none: when `make` throws (there is nothing to keep) or the write fails, the
 * one there is removed, so that one naming an older journal does not stay. Never throws: a derived
 * file not written only costs the next rel its shortcut.
 */
export function keepDerivedFile(
  file: string,
  make: () => string | Uint8Array | Iterable<string>,
  step?: 'summary-write' | 'stamp-write' | 'places-write',
): void {
  try {
    const content = make();
    makePrivateFolder(path.dirname(file));
    writeDerivedFile(file, content, step);
  } catch {
    removeDerivedFile(file);
  }
}

/**
 * Removes a derived file; never throws: one left behind names another version, and is not used.
 * Returns whether it is gone (false: it could not be removed, and its writer says so when what
 * it holds must not stay, adapter.ts).
 */
export function removeDerivedFile(file: string): boolean {
  try {
    checkpoint('derived-remove', file);
    removeFile(file);
    return true;
  } catch {
    return !fs.existsSync(file);
  }
}

/**
 * Replaces a file rel derives from the journal and can make again (the summary rel due reads, an
 * encrypted journal's stamp) atomically, but not durably: a temp file renamed over it, with no
 * fsync of either. A reader sees the old bytes or the new; after a power cut the file may be the
 * old one, or cut short: its reader must take it only when it stands for the journal as it is,
 * and reject it whole on any doubt (due-summary.ts, sealed-stamp.ts). Not for anything that is the only copy of what the user wrote.
 * `text` may come in pieces, written in turn (stats-summary.ts).
 */
export function writeDerivedFile(
  file: string,
  text: string | Uint8Array | Iterable<string>,
  step: 'summary-write' | 'stamp-write' | 'places-write' = 'summary-write',
): void {
  checkpoint(step, file);
  const { temp } = writeTemp(file, text, {});
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    removeFile(temp);
    throw error;
  }
}

/**
 * `.journal.json.<pid>.<random>.tmp` beside the file (`.journal.json.undo.<pid>.<random>.tmp` for
 * a hidden one: one leading dot): the pid says whether its writer still lives.
 */
export function tempPath(file: string): string {
  const name = path.basename(file).replace(/^\./, '');
  return path.join(path.dirname(file), `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * The pid that made a temp file of this store or of a file kept beside it
 * (`.journal.json.<pid>.<random>.tmp`, `.journal.json.undo.<pid>.<random>.tmp`, and as older rels
 * named the latter, `..journal.json.undo.<pid>.<random>.tmp`), or undefined when the name is not one.
 */
export function tempFileOwner(store: string, name: string): number | undefined {
  const prefix = `${path.basename(store)}.`;
  const bare = name.replace(/^\.+/, '');
  if (!name.startsWith('.') || !bare.startsWith(prefix)) return undefined;
  const match = /^(?:[a-z0-9-]+\.)*?(\d+)\.[0-9a-f]+\.tmp$/.exec(bare.slice(prefix.length));
  return match ? Number(match[1]) : undefined;
}

/**
 * Makes the renames in a folder durable. Called after a file took its place, so a failure here
 * does not undo the write: its message says so.
 */
export function syncFolder(dir: string): void {
  try {
    checkpoint('folder-fsync', dir);
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new FolderNotSynced(`${dir} could not be synced to disk (${(error as Error).message})`);
  }
}

/**
 * A folder that could not be synced after a file took its place: the write stands. `fact` is
 * what failed, for a message that says on its own what was saved ("The change was saved, but ").
 */
export class FolderNotSynced extends StoreError {
  constructor(readonly fact: string) {
    super(`The change is written, but ${fact}.`, POWER_CUT);
  }
}

const POWER_CUT = 'It may not survive a power cut. Check the disk (rel doctor checks the journal).';

/**
 * What went wrong, as a clause for a message that already says what was saved: the fact of a
 * folder not synced (and that it may not survive a power cut), else the error's message.
 */
export function whatFailed(error: unknown): string {
  if (error instanceof FolderNotSynced) return `${error.fact}, so it may not survive a power cut`;
  return (error as Error).message.replace(/\.$/, '');
}

/** Creates missing folders with mode 0700; an existing folder is left as it is. */
export function makePrivateFolder(dir: string): void {
  let created: string | undefined;
  try {
    created = fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StoreError(
      `Cannot make the folder ${dir}: ${(error as Error).message}`,
      notAFolderHint(path.join(dir, '-')) ?? 'Nothing was saved. Check the path and its permissions.',
    );
  }
  if (!created) return;
  for (let d = dir; d.length >= created.length; d = path.dirname(d)) fs.chmodSync(d, 0o700);
}

/**
 * When a folder on the way to `file` is a file (`--store notes.txt/journal.json`), what to do:
 * the message of the system (ENOTDIR, EEXIST) does not say which.
 */
function notAFolderHint(file: string): string | undefined {
  for (let dir = path.dirname(path.resolve(file)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory())
      return `${dir} is a file, not a folder: a path that goes through it cannot be written (check --store, REL_STORE and the XDG_ folders).`;
  }
  return undefined;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The mode of a file others can read or write (any group or other bit); undefined when none, or no file. */
export function looseMode(file: string): number | undefined {
  try {
    const mode = fs.statSync(file).mode & 0o777;
    return mode & 0o077 ? mode : undefined;
  } catch {
    return undefined;
  }
}
