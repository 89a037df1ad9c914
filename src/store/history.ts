// Everything rel keeps beside the journal besides the journal itself, all in the journal's own
// folder, all 0600, all written through files.ts:
//   .journal.json.backup-1 … -3     the journal before each of the last writes (1 is the newest)
//   .journal.json.undo              the last changes, record by record, for `rel undo`
//   .journal.json.schema-N          the journal as it was before an upgrade from schema N
//   .journal.json.before-restore    the journal as it was before `rel doctor --restore`
//   .journal.json.pulse             the themes the last `rel pulse` found (see pulse-file.ts)
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Change } from './changes.js';
import { checkpoint } from './faults.js';
import {
  discard,
  isProcessAlive,
  notSaved,
  type Prepared,
  prepareStoreFile,
  readStoreFile,
  tempFileOwner,
  tempPath,
  writeStoreFile,
} from './files.js';

export const BACKUPS_KEPT = 3;
export const UNDO_KEPT = 10;

const sibling = (target: string, suffix: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.${suffix}`);

export const backupPath = (target: string, n: number) => sibling(target, `backup-${n}`);
export const undoPath = (target: string) => sibling(target, 'undo');
export const beforeRestorePath = (target: string) => sibling(target, 'before-restore');
export const pulsePath = (target: string) => sibling(target, 'pulse');
export const migrationCopyPath = (target: string, schema: number) => sibling(target, `schema-${schema}`);
export const lockPath = (target: string) => `${target}.lock`;

/** Backups that exist, newest first. */
export function listBackups(target: string): string[] {
  const found: string[] = [];
  for (let n = 1; n <= BACKUPS_KEPT; n++)
    if (fs.existsSync(backupPath(target, n))) found.push(backupPath(target, n));
  return found;
}

/**
 * The journal as it is now, held under a temp name for backup 1: a hard link to the current file
 * (the write replaces the journal with a new file, so the link keeps the old one intact at no
 * cost), or a copy of its bytes where links are not possible. Called under the lock, just before
 * the journal is replaced; the backups themselves move only once the write succeeded
 * (rotateBackups), so a failed write leaves them as they were.
 */
export function holdBackup(target: string, bytes: () => Uint8Array | undefined): Prepared | undefined {
  const newest = backupPath(target, 1);
  const held = { file: newest, temp: tempPath(newest) };
  try {
    fs.linkSync(target, held.temp);
    return held;
  } catch {
    const copy = bytes();
    return copy ? prepareStoreFile(newest, copy) : undefined;
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
    fs.chmodSync(held.temp, 0o600);
    fs.renameSync(held.temp, held.file);
  } catch (error) {
    discard(held);
    throw error;
  }
}

export interface UndoEntry {
  /** When the change was made (rel's "now"). */
  at: string;
  /** What the change was, in words: "logged a coffee with Ana Silva on 2026-11-20". */
  summary: string;
  changes: Change[];
}

interface UndoLog {
  version: 1;
  /**
   * The version of the journal these entries lead up to (journalTag of its text). The journal's
   * rename comes before the undo data's, so a rel stopped between the two leaves the journal with
   * a change this undo data knows nothing about: the tag no longer matches, and `rel undo` will
   * not take back an earlier change in its place. Absent in undo data of an older rel.
   */
  journal?: string;
  /** Oldest first. */
  entries: UndoEntry[];
}

/** The undo data: its entries, and the version of the journal they belong to. */
export interface UndoData {
  entries: UndoEntry[];
  journal?: string;
}

/** A journal's version for its undo data: a digest of its text (plain, whether or not encrypted). */
export function journalTag(text: string): string {
  return tagOf(createHash('sha256').update(text));
}

/** A journal's text in pieces, digested on the way to the file; tag() once they were all taken. */
export function tagging(pieces: Iterable<string>): { pieces: Iterable<string>; tag: () => string } {
  const hash = createHash('sha256');
  let tag: string | undefined;
  return {
    pieces: (function* () {
      for (const piece of pieces) {
        hash.update(piece);
        yield piece;
      }
      tag = tagOf(hash);
    })(),
    tag: () => {
      if (tag === undefined) throw new Error('tagging: tag() before the text was written');
      return tag;
    },
  };
}

const tagOf = (hash: Hash) => hash.digest('base64url').slice(0, 22);

/** Turns a kept file's bytes into text (decrypting them when the store is encrypted). */
export type Decode = (label: string, bytes: Buffer) => Promise<string>;
/** Turns text into the bytes rel keeps (encrypted when the store is). */
export type Encode = (text: string) => string | Buffer;

/**
 * The undo entries, oldest first; none when the file is missing or unreadable (rel doctor says
 * so). A wrong passphrase is not "unreadable": it is an error.
 */
export async function readUndoEntries(
  target: string,
  decode: (bytes: Buffer) => Promise<string>,
): Promise<UndoEntry[]> {
  return (await readUndoData(target, decode)).entries;
}

/** The undo entries and the journal version they belong to (see UndoLog.journal). */
export async function readUndoData(
  target: string,
  decode: (bytes: Buffer) => Promise<string>,
): Promise<UndoData> {
  const bytes = readStoreFile(undoPath(target));
  if (!bytes) return { entries: [] };
  const text = await decode(bytes);
  try {
    const log = JSON.parse(text) as UndoLog;
    const entries = Array.isArray(log.entries) ? log.entries : [];
    return typeof log.journal === 'string' ? { entries, journal: log.journal } : { entries };
  } catch {
    return { entries: [] };
  }
}

export function writeUndoEntries(target: string, data: UndoData, encode: Encode): void {
  writeStoreFile(undoPath(target), undoText(data, encode));
}

/** The undo data, written beside the journal but not yet in place: see Store's commit. */
export function prepareUndoEntries(target: string, data: UndoData, encode: Encode): Prepared {
  try {
    checkpoint('undo-write', target);
  } catch (error) {
    throw notSaved(undoPath(target), error);
  }
  return prepareStoreFile(undoPath(target), undoText(data, encode));
}

function undoText({ entries, journal }: UndoData, encode: Encode): string | Buffer {
  const log: UndoLog = { version: 1, ...(journal ? { journal } : {}), entries: entries.slice(-UNDO_KEPT) };
  return encode(`${JSON.stringify(log)}\n`);
}

/** The names in the journal's folder; none when it cannot be read (a report, not a failure). */
function namesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Every file besides the journal that holds a copy of (part of) it, or what was drawn from it. */
export function keptCopies(target: string): string[] {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  return namesIn(dir)
    .filter(
      (name) =>
        name.startsWith(prefix) &&
        /^(backup-\d+|undo|schema-\d+|before-restore|pulse)$/.test(name.slice(prefix.length)),
    )
    .map((name) => path.join(dir, name));
}

/** Temp files left in the folder by a rel that was killed mid-write (their writer is gone). */
export function leftoverTempFiles(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return namesIn(dir)
    .filter((name) => {
      const pid = tempFileOwner(base, name);
      return pid !== undefined && pid !== process.pid && !isProcessAlive(pid);
    })
    .map((name) => path.join(dir, name));
}

export function removeLeftovers(target: string): string[] {
  const files = leftoverTempFiles(target);
  for (const file of files) fs.rmSync(file, { force: true });
  return files;
}

/**
 * Re-encodes every kept copy after the journal's key changed (rel encrypt, decrypt, passphrase):
 * each is decoded with the key it was written with and encoded with the new one, so that no
 * plain copy remains beside an encrypted journal. A copy that cannot be decoded is removed.
 * `only` picks the copies to redo from their first bytes (the others are not read in full): a
 * store finishing an interrupted encryption redoes only those not yet under the journal's key.
 * Returns what was re-encoded and what was removed.
 */
export async function resealKeptCopies(
  target: string,
  decode: Decode,
  encode: Encode,
  only: (head: Buffer) => boolean = () => true,
  also: string[] = [],
): Promise<{ resealed: string[]; removed: string[] }> {
  const done = { resealed: [] as string[], removed: [] as string[] };
  for (const file of [...keptCopies(target), ...also]) {
    if (!only(headOf(file))) continue;
    const bytes = readStoreFile(file);
    if (!bytes) continue;
    let text: string;
    try {
      text = await decode(file, bytes);
    } catch {
      fs.rmSync(file, { force: true });
      done.removed.push(file);
      continue;
    }
    writeStoreFile(file, encode(text));
    done.resealed.push(file);
  }
  return done;
}

/** The first bytes of a file (enough for an encrypted file's magic and salt); empty if missing. */
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

/** How kept copies are read and written: as journals, and (undo data) as text. */
export interface KeptCodec {
  parseJournal(label: string, bytes: Buffer): Promise<Record<string, unknown>>;
  serializeJournal(journal: Record<string, unknown>): Buffer | Iterable<string>;
  decode: Decode;
  encode: Encode;
}

export interface RewriteReport {
  /** Kept copies rewritten through the transformation. */
  rewritten: string[];
  /** Kept copies removed: unreadable ones, which cannot be rewritten and may hold what is to go. */
  removed: string[];
  /** Undo entries dropped because the transformation touched their records. */
  undoDropped: number;
}

/**
 * Rewrites every kept copy through a transformation of the journal, so that what the
 * transformation removes (a forgotten person, say) survives nowhere: each backup and restore copy
 * is transformed as a whole journal; each undo entry's stored records are transformed as a small
 * journal, and an entry is dropped when the transformation changes its records or it concerns a
 * record the transformation changed in the journal (`touched`, "key/id"): undoing it would bring
 * back what was removed, and its summary may name it. Call it under the journal's lock:
 * Store.rewriteAll does.
 */
export async function rewriteKeptCopies(
  target: string,
  transform: (journal: Record<string, unknown>) => void,
  touched: Set<string>,
  codec: KeptCodec,
  versions: { before: string; after: string },
): Promise<RewriteReport> {
  const report: RewriteReport = { rewritten: [], removed: [], undoDropped: 0 };
  for (const file of keptCopies(target)) {
    // Not journals: the undo data is rewritten below, the stored pulse by its own module.
    if (file === undoPath(target) || file === pulsePath(target)) continue;
    const bytes = readStoreFile(file);
    if (!bytes) continue;
    let journal: Record<string, unknown>;
    try {
      journal = await codec.parseJournal(file, bytes);
    } catch {
      fs.rmSync(file, { force: true });
      report.removed.push(file);
      continue;
    }
    transform(journal);
    writeStoreFile(file, codec.serializeJournal(journal));
    report.rewritten.push(file);
  }
  const { entries, journal } = await readUndoData(target, (bytes) => codec.decode(undoPath(target), bytes));
  if (entries.length) {
    const kept = entries.filter((entry) => !touchedBy(entry, transform, touched));
    report.undoDropped = entries.length - kept.length;
    // What is kept leads up to the transformed journal when it led up to the journal before (the
    // transformation changed nothing it concerns); undo data that no longer matched stays so.
    const version = journal === undefined || journal === versions.before ? versions.after : journal;
    writeUndoEntries(target, { entries: kept, journal: version }, codec.encode);
    report.rewritten.push(undoPath(target));
  }
  return report;
}

function touchedBy(
  entry: UndoEntry,
  transform: (journal: Record<string, unknown>) => void,
  touched: Set<string>,
): boolean {
  if (entry.changes.some((c) => c.id === undefined || touched.has(`${c.key}/${c.id}`))) return true;
  const partial: Record<string, unknown[]> = { people: [], conversations: [], followUps: [] };
  for (const change of entry.changes) {
    if (!('before' in change) || change.id === undefined) continue;
    partial[change.key] = [...(partial[change.key] ?? []), change.before];
  }
  const before = JSON.stringify(partial);
  const copy = JSON.parse(before) as Record<string, unknown>;
  transform(copy);
  return JSON.stringify(copy) !== before;
}
