// The undo data, .journal.json.undo: the last changes, record by record, for `rel undo`, tagged
// with the version of the journal they lead up to.
import path from 'node:path';
import type { Journal } from '../core/journal.js';
import { StoreError, UsageError } from '../errors.js';
import { type Change, conflicts, linesHold, revert } from './changes.js';
import { type Encode, journalTag } from './codec.js';
import { checkpoint } from './faults.js';
import { notSaved, type Prepared, prepareStoreFile, readStoreFile, writeStoreFile } from './files.js';
import { undoPath } from './paths.js';
import { describeRecords } from './summaries.js';

const UNDO_KEPT = 10;

/** How the undo entry of what a sync wrote here begins ("the changes a sync brought: …"). */
export const SYNC_CHANGES = 'the changes a sync brought';

/** Whether an undo entry is what a sync wrote here: undoing it reaches the other machines too. */
export const bySync = (entry: UndoEntry) => entry.summary.startsWith(`${SYNC_CHANGES}:`);

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
  /**
   * When a rel forget was made after these entries (rel's "now"): it cannot be undone, and the
   * newest entry is the change before it, which rel undo takes back only when told so. It names
   * no one. Absent when the newest change is the newest entry: any later write leaves it out.
   */
  forgotAt?: string;
  /** Oldest first. */
  entries: UndoEntry[];
}

/** The undo data: its entries, the version of the journal they belong to, and a forget after them. */
export interface UndoData {
  entries: UndoEntry[];
  journal?: string;
  forgotAt?: string;
}

/** Whether undo data leads up to this journal (undo data of an older rel, untagged, is taken to). */
export function belongsTo(undo: UndoData, journal: { text: string }): boolean {
  return undo.journal === undefined || undo.journal === journalTag(journal.text);
}

/**
 * The undo entries, oldest first, and the journal version they belong to (see UndoLog.journal);
 * none when the file is missing or unreadable (rel doctor says so). A wrong passphrase is not
 * "unreadable": it is an error.
 */
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
    return {
      entries,
      ...(typeof log.journal === 'string' ? { journal: log.journal } : {}),
      ...(typeof log.forgotAt === 'string' ? { forgotAt: log.forgotAt } : {}),
    };
  } catch {
    return { entries: [] };
  }
}

/**
 * The undo data of a journal read with this keyring. Undo data under another key than the
 * journal's (a `rel passphrase` killed before it could follow) cannot be read with this
 * passphrase, and it is not what was just typed that is wrong (the journal opened): it is taken
 * as none, and replaced on the next write.
 */
export async function readOwnUndoData(
  target: string,
  decode: (bytes: Buffer) => Promise<string>,
  encrypted: boolean,
): Promise<UndoData> {
  try {
    return await readUndoData(target, decode);
  } catch (error) {
    if (encrypted && error instanceof StoreError && /^Wrong passphrase/.test(error.message))
      return { entries: [] };
    throw error;
  }
}

/**
 * The undo entries that lead up to this journal, for a write to keep: none when the undo data
 * belongs to another version of it (a change made by hand, a restore, or a rel stopped between
 * the journal and its undo data), since undoing them would step over that change.
 */
export function entriesLeadingTo(undo: UndoData, journal: { text: string }): UndoEntry[] {
  return belongsTo(undo, journal) ? undo.entries : [];
}

export function writeUndoEntries(target: string, data: UndoData, encode: Encode): void {
  writeStoreFile(undoPath(target), undoText(data, encode));
}

/** The undo data, written beside the journal but not yet in place: see the adapter's commit. */
export function prepareUndoEntries(target: string, data: UndoData, encode: Encode): Prepared {
  try {
    checkpoint('undo-write', target);
  } catch (error) {
    throw notSaved(undoPath(target), error);
  }
  return prepareStoreFile(undoPath(target), undoText(data, encode));
}

function undoText({ entries, journal, forgotAt }: UndoData, encode: Encode): string | Buffer {
  const log: UndoLog = {
    version: 1,
    ...(journal ? { journal } : {}),
    ...(forgotAt ? { forgotAt } : {}),
    entries: entries.slice(-UNDO_KEPT),
  };
  return encode(`${JSON.stringify(log)}\n`);
}

/**
 * Takes `entry`, the newest of `undo`, back from the journal as read (`current`, from `text`),
 * unless what it made has changed since or the undo data belongs to another version of it.
 */
export function takeBack(
  current: Journal,
  text: string,
  undo: UndoData,
  entry: UndoEntry,
  file: string,
): void {
  const journal = current as unknown as Record<string, unknown>;
  const changed = conflicts(journal, entry.changes);
  if (changed.length) {
    throw new StoreError(
      `Cannot undo "${entry.summary}": ${describeRecords(changed, current)} changed since then (by hand, by a restore, or by a sync), and undoing would lose that. Nothing was changed.`,
      'To go back further, restore a backup: rel doctor --restore',
    );
  }
  if (!belongsTo(undo, { text })) throw changedSince(entry, file);
  revert(journal, entry.changes);
}

/**
 * rel undo of a change the journal does not have (its records are as they were before it): a
 * restore brought back a backup from before it. `restoreCopy`: the copy the last restore kept of
 * the journal it replaced, when there is one, named when it holds the change.
 */
export function notInJournal(
  entry: UndoEntry,
  file: string,
  current: Journal,
  restoreCopy: { path: string; holds: (changes: Change[]) => boolean } | undefined,
): StoreError {
  const held = restoreCopy?.holds(entry.changes);
  return new StoreError(
    `Cannot undo "${entry.summary}": ${file} is as it was before that change (${describeRecords(entry.changes, current)}), so there is nothing to take back: the change was made after the backup the journal was restored from, an undo of it stopped before it finished, or it was taken out by hand. Nothing was changed.`,
    restoreCopy && held
      ? `The journal as it was before the restore, which holds that change, is kept at ${restoreCopy.path}: copy from it by hand what you want back. rel doctor shows the backups kept.`
      : 'rel doctor shows the backups kept.',
  );
}

function changedSince(entry: UndoEntry, file: string): StoreError {
  return new StoreError(
    `Cannot undo "${entry.summary}": ${file} was changed after it in a way rel kept no undo data for (an edit by hand, a restore, or a rel stopped before it finished), and rel undo takes back only the newest change. Nothing was changed.`,
    'To go back further, restore a backup: rel doctor --restore (rel doctor shows the backups kept).',
  );
}

/**
 * A change rel undo takes back only when the user says so (--yes, or yes at the prompt), since
 * it is not what "take back my last change" would mean: `question` is what a terminal is asked.
 */
export abstract class UndoNeedsConsent extends UsageError {
  abstract readonly question: string;
  constructor(
    readonly entry: UndoEntry,
    message: string,
    hint: string,
  ) {
    super(message, hint);
  }
}

/**
 * rel undo right after a rel forget: the forget cannot be undone, and undoing would take back
 * the change before it, which is not what was asked for.
 */
export class PastForget extends UndoNeedsConsent {
  readonly question: string;
  constructor(entry: UndoEntry, forgotAt: string) {
    super(
      entry,
      `The last change was a rel forget (${forgotAt.slice(0, 16).replace('T', ' ')} UTC), which cannot be undone: rel keeps no copy of what it forgets. rel undo would take back the change before it instead: "${entry.summary}". Nothing was changed.`,
      'To take that change back: rel undo --yes',
    );
    this.question = `The last change was a rel forget, which cannot be undone. Take back the change before it instead: "${entry.summary}"?`;
  }
}

/**
 * rel undo when the last change is what a sync brought: the other machines' records, confirmed
 * there, which the undo would delete here and, at the next sync, on every machine; a change of
 * the user's own made before the sync (what they most likely meant) would stay.
 */
export class SyncBrought extends UndoNeedsConsent {
  readonly question: string;
  constructor(entry: UndoEntry) {
    const brought = entry.summary.slice(SYNC_CHANGES.length + 1).trim();
    super(
      entry,
      `The last change was a rel sync, which brought the other machines' changes (${brought}). rel undo would take them back here and, at the next rel sync, on every machine; a change of your own made before the sync would stay. Nothing was changed.`,
      'To take back what the sync brought, everywhere: rel undo --yes. To correct a record of your own, edit or delete it: rel conversation edit|delete, rel todo edit|delete (rel history <name> shows their ids).',
    );
    this.question = `The last change was a rel sync, which brought the other machines' changes (${brought}). Take them back here and, at the next rel sync, on every machine?`;
  }
}

/** How the undo entry of a fold (a machine joining a synced journal) begins: see joinedBy. */
export const JOINED = 'joining a synced journal (rel sync --init)';

/**
 * rel undo of a join: the records it brought are the other machines' whole journal, and taking
 * them back here would stamp them deleted, which the next rel sync carries to every machine.
 */
export function joinNotUndone(entry: UndoEntry, folder: string): UsageError {
  const git = JSON.stringify(path.join(folder, '.git'));
  return new UsageError(
    `Cannot undo "${entry.summary}": the records it brought are the other machines' journal, and taking them back here would delete them there too at the next rel sync. Nothing was changed.`,
    `To stop syncing this journal, keeping the other machines' records out of it: mv ${git} ${JSON.stringify(path.join(folder, '.git.joined'))} && rel doctor --restore (brings back this journal as it was before it joined).`,
  );
}

/** The change a confirmation was given for is no longer the one rel undo would take back. */
export function notTheChangeConfirmed(entry: UndoEntry | undefined): StoreError {
  return new StoreError(
    `The journal changed while rel asked: the newest change is now ${entry ? `"${entry.summary}"` : 'none'}. Nothing was changed.`,
    'Run rel undo again.',
  );
}

export function nothingToUndo(file: string): StoreError {
  return new StoreError(
    `Nothing to undo in ${file}.`,
    'rel keeps the last 10 changes; older ones can be brought back from a backup with rel doctor --restore.',
  );
}

/**
 * Whether a copy of the journal (its text, as read) holds what these changes made: parsed when
 * it is valid JSON, else looked at line by line (a damaged file a restore kept).
 */
export function copyHolds(text: string): (changes: Change[]) => boolean {
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  return (changes) =>
    parsed && typeof parsed === 'object' ? conflicts(parsed, changes).length === 0 : linesHold(text, changes);
}
