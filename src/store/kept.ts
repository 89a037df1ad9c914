// The copies rel keeps beside the journal (backups, undo data, schema and restore copies, the
// pulse; their names are in paths.ts), taken together: found, cleaned of unfinished writes,
// re-encrypted when the journal's key changes, and rewritten when something must leave no trace.
import fs from 'node:fs';
import path from 'node:path';
import type { Journal } from '../core/journal.js';
import type { KeptCodec } from './codec.js';
import { isEncrypted, type Sealing, sealedWith } from './crypto.js';
import { headOf, isProcessAlive, readStoreFile, tempFileOwner, writeStoreFile } from './files.js';
import { pulsePath, undoPath } from './paths.js';
import { readUndoData, type UndoEntry, writeUndoEntries } from './undo.js';

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
        /^(backup-\d+|undo|schema-\d+|before-restore(-\d+)?|pulse)$/.test(name.slice(prefix.length)),
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
 * Re-encodes the kept copies (and the files in `also`) not yet written as `sealing` says, after
 * the journal's key changed (rel encrypt, decrypt, passphrase) or to finish such a change that
 * was interrupted: each is decoded with the key it was written with and encoded with the new one,
 * so that no plain copy remains beside an encrypted journal. A copy that cannot be decoded (under
 * an older key, say) is removed. Only the first bytes of the copies already in form are read.
 * Returns what was re-encoded and what was removed.
 */
export async function resealKeptCopies(
  target: string,
  codec: Pick<KeptCodec, 'decode' | 'encode'>,
  sealing: Sealing | null,
  also: string[],
): Promise<{ resealed: string[]; removed: string[] }> {
  const done = { resealed: [] as string[], removed: [] as string[] };
  for (const file of [...keptCopies(target), ...also]) {
    if (inForm(headOf(file), sealing)) continue;
    const text = await readOrRemove(file, codec.decode, done.removed);
    if (text === undefined) continue;
    writeStoreFile(file, codec.encode(text));
    done.resealed.push(file);
  }
  return done;
}

/**
 * A kept copy read through `decode`; undefined when it is gone, and when it cannot be decoded,
 * which removes it (listed in `removed`): what rel cannot read, it cannot rewrite either.
 */
async function readOrRemove<T>(
  file: string,
  decode: (file: string, bytes: Buffer) => Promise<T>,
  removed: string[],
): Promise<T | undefined> {
  const bytes = readStoreFile(file);
  if (!bytes) return undefined;
  try {
    return await decode(file, bytes);
  } catch {
    fs.rmSync(file, { force: true });
    removed.push(file);
    return undefined;
  }
}

/** Whether a kept file's first bytes are already written as `sealing` says (plain for null). */
function inForm(head: Buffer, sealing: Sealing | null): boolean {
  return sealing ? sealedWith(head, sealing) : !isEncrypted(head);
}

/** How kept copies are read and written: as journals, and (undo data) as text. */
export interface RewriteReport {
  /** Kept copies rewritten through the transformation. */
  rewritten: string[];
  /** Kept copies removed: unreadable ones, which cannot be rewritten and may hold what is to go. */
  removed: string[];
  /** Undo entries dropped because the transformation touched their records. */
  undoDropped: number;
  /** Paths the journal had before a move whose kept copies were gone through too (former-places.ts). */
  former: string[];
  /** Kept copies beside such a path that could not be rewritten (a folder rel may not write, say). */
  notScrubbed: string[];
}

/**
 * Rewrites every kept copy through a transformation of the journal, so that what the
 * transformation removes (a forgotten person, say) survives nowhere: each backup and restore copy
 * is transformed as a whole journal; each undo entry's stored records are transformed as a small
 * journal, and an entry is dropped when the transformation changes its records or it concerns a
 * record the transformation changed in the journal (`touched`, "key/id"): undoing it would bring
 * back what was removed, and its summary may name it. The undo data kept leads up to the journal
 * as rewritten when it led up to a version in `before`. The stored pulse is pruned to the people
 * of `journal` (the journal as rewritten), and the files in `remove` (what cannot be rewritten,
 * such as cached calendars) are removed. Call it under the journal's lock: Store.rewriteAll does.
 */
export async function rewriteKeptCopies(
  target: string,
  transform: (journal: Record<string, unknown>) => void,
  touched: Set<string>,
  codec: KeptCodec,
  rewritten: { journal: Journal; before: string[]; after: string; remove: string[]; at: string },
): Promise<RewriteReport> {
  const report: RewriteReport = { rewritten: [], removed: [], undoDropped: 0, former: [], notScrubbed: [] };
  for (const file of keptCopies(target)) {
    // Not journals: the undo data is rewritten below, the stored pulse by its own module.
    if (file === undoPath(target) || file === pulsePath(target)) continue;
    const journal = await readOrRemove(file, codec.parseJournal, report.removed);
    if (journal === undefined) continue;
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
    const version = journal === undefined || rewritten.before.includes(journal) ? rewritten.after : journal;
    // The forget itself is not undoable: rel undo says so before it takes back the change before.
    writeUndoEntries(target, { entries: kept, journal: version, forgotAt: rewritten.at }, codec.encode);
    report.rewritten.push(undoPath(target));
  }
  // The stored pulse names people too; loaded only here, so other commands do not pay for it.
  const { pruneStoredPulse } = await import('./pulse-file.js');
  const pulse = await pruneStoredPulse(target, rewritten.journal, codec.decode, codec.encode);
  if (pulse) report[pulse].push(pulsePath(target));
  for (const file of rewritten.remove) {
    fs.rmSync(file, { force: true });
    report.removed.push(file);
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
