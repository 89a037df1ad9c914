// rel's adapter for lowdb. lowdb's Low holds the journal as `data` and moves it through an
// adapter's read() and write(); rel's adapter does everything that makes that safe, which
// lowdb's own JSONFile does not (see the README's design notes): read() parses the file fresh
// under the store's lock (reusing the parse when the file is the version last read), write()
// commits the journal: undo data, temp file 0600, fsync, rename, folder fsync, backups,
// encryption. One adapter serves one locked change: what its read() found (the bytes for the
// backup, the key, the records' lines) is what its write() writes over, as its plan says.
import fs from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { duplicateIds } from '../core/integrity.js';
import type { Journal } from '../core/journal.js';
import { StoreError } from '../errors.js';
import { holdCopy, placeRestoreCopy, rotateBackups } from './backups.js';
import { type Encoded, encodeTaggedJournal, encodeText, type Loaded } from './codec.js';
import type { Sealing } from './crypto.js';
import { type DueSummary, versionIfStill, writtenAs } from './due-summary.js';
import { checkpoint } from './faults.js';
import {
  discard,
  type Prepared,
  prepareStoreFile,
  putInPlace,
  removeFile,
  syncFolder,
  whatFailed,
  writeStoreFile,
} from './files.js';
import type { RecordText } from './format.js';
import { rememberFormerPlaces } from './former-places.js';
import { removeLeftovers } from './kept.js';
import { backupPath, beforeRestorePath, migrationCopyPath, undoPath } from './paths.js';
import type { SealedStamp } from './sealed-stamp.js';
import type { StatsSummary } from './stats-summary.js';
import { changeSaved } from './stops.js';
import { removeStraySummaries } from './stray-summaries.js';
import { prepareUndoEntries, type UndoEntry } from './undo.js';

/** What a commit writes besides the journal, and how. */
export interface CommitPlan {
  /** The undo entries to keep with it, tagged with the journal written (none: left as they are). */
  undo?: UndoEntry[];
  /** Records' JSON as the change left them: unchanged records' lines are reused. */
  texts?: RecordText;
  /** Top-level lists the change tracking found to hold distinct ids (tracking.ts): not gone through again. */
  distinct?: ReadonlySet<string>;
  /** The journal's content as it is to be written (sync's adopted version), instead of encoding it. */
  content?: Encoded;
  /** The key to write with from now on, or null for plain; by default the one it was read with. */
  sealing?: Sealing | null;
  /**
   * What is kept of the version replaced: a backup (and, before an upgrade, a copy of the old
   * schema); the restore copy (`rel doctor --restore`); or nothing (a change that must leave no
   * trace, such as a forget).
   */
  previous?: 'backup' | 'before-restore' | 'nothing';
  /** For a restore: where the restore copy in place goes first, when it is to be kept (earlierRestoreCopy). */
  earlier?: string;
}

/** The journal a commit writes: the file (and its name in messages), and whom to tell what failed after it was saved. */
export interface Destination {
  target: string;
  file: string;
  warn: (message: string) => void;
  /** The summary rel due reads, written after the journal (due-summary.ts). */
  summary?: DueSummary | undefined;
  /** An encrypted journal's stamp, written after it (sealed-stamp.ts). */
  sealedStamp?: SealedStamp | undefined;
  /** The summary rel stats reads, removed before the journal is written (stats-summary.ts). */
  statsSummary?: StatsSummary | undefined;
}

export class JournalAdapter implements Adapter<Journal> {
  /** What the last read() found; undefined before one. */
  found: Loaded | undefined;
  /** How the next write() commits. */
  plan: CommitPlan = {};

  constructor(
    private readonly load: () => Promise<Loaded>,
    private readonly destination: Destination,
  ) {}

  async read(): Promise<Journal> {
    this.found = await this.load();
    return this.found.journal;
  }

  async write(journal: Journal): Promise<void> {
    if (!this.found) throw new Error('JournalAdapter: write() before read()');
    commit(this.destination, { ...this.found, journal }, this.plan);
  }
}

/**
 * Writes the journal (and the undo data with it, when given), keeping what is there now as the
 * plan says (a backup by default, and before an upgrade a copy of the old schema). The order makes every message true:
 * whatever can fail for want of space (the new journal, then the undo data tagged with that
 * journal's version, each written in full and fsynced beside its file) fails before anything is
 * in place, and then nothing was saved, the backups untouched. The journal's rename is the
 * moment the change is saved; what follows (the undo data and the backups taking their places)
 * is said as such if it fails. Undo data that could not follow is removed, and undo data that a
 * kill kept from following still carries the version before, so that `rel undo` never takes
 * back an earlier change in this one's place (belongsTo).
 */
function commit(to: Destination, loaded: Loaded, plan: CommitPlan): void {
  const { target } = to;
  const { undo, texts, content, distinct, previous = 'backup' } = plan;
  const sealing = plan.sealing === undefined ? loaded.sealing : plan.sealing;
  refuseReadOnly(target, to.file);
  refuseDuplicateIds(to.file, loaded.journal, distinct);
  const encode = (text: string) => encodeText(text, sealing);
  if (previous === 'backup' && loaded.exists && loaded.migratedFrom !== undefined) {
    const bytes = loaded.bytes();
    if (bytes) writeStoreFile(migrationCopyPath(target, loaded.migratedFrom), bytes);
  }
  const encoded = content ?? encodeTaggedJournal(loaded.journal, sealing, texts);
  // No summary of an encrypted journal (it would be in the clear), nor of bytes given whole (sync);
  // an encrypted journal laid out here has its stamp instead, sealed with its key.
  const summarized = !sealing && !content;
  const stampedWith = content ? null : sealing;
  // Summaries that could not be removed: said once the change is saved, for they may hold what
  // it takes out (a forgotten person, a journal now encrypted) in the clear.
  const stayed = new Set<string>();
  const removeSummaries = () => {
    if (!summarized && to.summary && !to.summary.remove()) stayed.add(to.summary.file);
    // Rebuilt by the next rel stats: nothing a change takes out (rel forget) outlives it there.
    if (to.statsSummary && !to.statsSummary.remove()) stayed.add(to.statsSummary.file);
  };
  removeSummaries();
  if (!stampedWith && (sealing || loaded.sealing)) to.sealedStamp?.remove();
  // Nor in the summaries of this journal under a name it had before (a move, a hard link), nor
  // in those that outlived their journal.
  // What they tell of where this journal was before is kept for rel forget (former-places.ts).
  if (to.summary) {
    const state = path.dirname(to.summary.file);
    const remember = (strays: string[]) => rememberFormerPlaces(state, target, loaded.version, strays);
    for (const file of removeStraySummaries(state, target, loaded.version, remember).left) stayed.add(file);
  }
  let journal: Prepared | undefined;
  let undoFile: Prepared | undefined;
  let held: Prepared | undefined;
  let written: fs.BigIntStats | undefined;
  let putBack: (() => void) | undefined;
  try {
    journal = prepareStoreFile(target, encoded.content);
    if (undo) undoFile = prepareUndoEntries(target, { entries: undo, journal: encoded.tag() }, encode);
    const copy = previous === 'backup' ? backupPath(target, 1) : beforeRestorePath(target);
    held = loaded.exists && previous !== 'nothing' ? holdCopy(target, copy, loaded.bytes) : undefined;
    // The restore copy is in place before the journal is replaced (see placeRestoreCopy).
    if (held && previous === 'before-restore') {
      putBack = placeRestoreCopy(held, plan.earlier);
      held = undefined;
    }
    if ((summarized && to.summary) || (stampedWith && to.sealedStamp)) written = writtenAs(journal.temp);
    putInPlace(journal);
    changeSaved();
    // Again now that the journal is replaced: a report that read the version before (rel due, rel
    // stats) may have written its summary since the removal above. One written after this sees
    // the new version and takes itself back (due-summary.ts, stats-summary.ts).
    removeSummaries();
  } catch (error) {
    discard(undoFile);
    discard(journal);
    discard(held);
    putBack?.();
    throw error;
  }
  const problems: string[] = [];
  if (journal.ownerNotKept) problems.push(journal.ownerNotKept);
  if (undoFile) {
    try {
      putInPlace(undoFile);
      if (undoFile.ownerNotKept) problems.push(undoFile.ownerNotKept);
    } catch (error) {
      problems.push(`rel undo cannot take it back (${whatFailed(error)}${undoNotRemoved(target)})`);
    }
  }
  try {
    syncFolder(path.dirname(target));
  } catch (error) {
    problems.push(whatFailed(error));
  }
  if (held) {
    try {
      rotateBackups(target, held);
    } catch (error) {
      problems.push(`no backup of the version before it was kept (${whatFailed(error)})`);
    }
  }
  // Temp files of a rel that stopped: one that cannot be removed now is harmless (never read as a
  // journal, named by rel doctor), and must not turn a saved change into a failure.
  try {
    removeLeftovers(target);
  } catch {}
  if (summarized) {
    // Conversations only added after those of the version read (whose lines stay): the summary of
    // that version is cut further instead of the whole list again.
    const kept = texts?.kept?.('conversations');
    const added = kept && loaded.journal.conversations.length - kept.count;
    const after =
      loaded.version !== undefined && added !== undefined ? { version: loaded.version, added } : undefined;
    // Laid out by journalChunks from the records' JSON: the stamp says so (codec.ts ownLines).
    to.summary?.write(
      loaded.journal,
      { version: versionIfStill(target, written), tag: encoded.tag, lines: true },
      after,
    );
  }
  if (stampedWith) {
    const stamp = { version: versionIfStill(target, written), tag: encoded.tag, mark: encoded.mark };
    to.sealedStamp?.write(stamp, stampedWith);
  }
  const left = [...stayed].filter((file) => fs.existsSync(file));
  if (left.length) problems.push(summariesLeft(left));
  if (problems.length) to.warn(`The change was saved, but ${problems.join('; ')}.`);
}

/**
 * Removes the undo data that could not follow the journal (see commit); '' when it is gone, else
 * what to add to the warning. Never throws: the change is saved by then, and a failure here must
 * not be said as one that saved nothing. Undo data left as it was still names the version before
 * this one (belongsTo), so rel undo refuses it rather than take back an earlier change.
 */
function undoNotRemoved(target: string): string {
  try {
    checkpoint('undo-remove', undoPath(target));
    removeFile(undoPath(target));
    return '';
  } catch (error) {
    return `; the undo data there could not be removed either (${whatFailed(error)}), but rel undo refuses it: it is of the version before`;
  }
}

/** What to say of summaries a write could not remove (see commit). */
function summariesLeft(files: string[]): string {
  const them = files.length === 1 ? 'the summary' : `${files.length} summaries`;
  const hold = files.length === 1 ? 'holds' : 'hold';
  return `${them} rel keeps for reports could not be removed and still ${hold} names and follow-ups of the journal as it was, in the clear: remove ${files.length === 1 ? 'it' : 'them'} yourself (rm ${files.map((f) => JSON.stringify(f)).join(' ')})`;
}

/**
 * A journal whose owner took its write bit away (chmod 444: an archive, a copy to keep as it is)
 * is not written: rel writes by rename in the folder, which the file's mode does not stop, so
 * without this it would be replaced (and made 0600) without a word. Decided by the mode bits,
 * not by access(2), so that it holds for root too. Reports still read it.
 */
export function refuseReadOnly(target: string, file: string): void {
  let mode: number;
  try {
    mode = fs.statSync(target).mode;
  } catch {
    return; // no journal yet (or none to stat): the write itself says what is wrong
  }
  if (mode & 0o200) return;
  throw new StoreError(
    `${file} is read-only (mode ${(mode & 0o777).toString(8).padStart(3, '0')}): nothing was saved.`,
    `To let rel change it: chmod u+w ${JSON.stringify(target)}`,
  );
}

/** A journal with one id on two records is never written: a change could land on either. */
function refuseDuplicateIds(file: string, journal: Journal, distinct?: ReadonlySet<string>): void {
  const found = duplicateIds(journal, distinct)[0];
  if (found) {
    throw new StoreError(
      `${file} has ids used by more than one of the ${found.what} (${found.ids.slice(0, 3).join(', ')}); rel will not write it until that is fixed. Nothing was changed.`,
      'rel doctor shows every such id and how to fix it.',
    );
  }
}
