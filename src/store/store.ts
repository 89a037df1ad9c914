// The store's public face, the only module that changes the journal. Reads never create it.
// Each change here (update, undo, restore, rewriteAll, upgrade, adopt) is planned on the journal
// re-read under the lock and written through the one write path (db.ts: lowdb's Low over rel's
// adapter, adapter.ts: undo data, backups, atomic write, encryption). Change tracking is
// tracking.ts, the file codec codec.ts, the undo data undo.ts, the backups backups.ts.
import fs from 'node:fs';
import path from 'node:path';
import { emptyJournal, type Journal } from '../core/journal.js';
import { keepForgets } from '../core/merge-tombstones.js';
import type { Forgotten } from '../core/people.js';
import { StoreError } from '../errors.js';
import { type CommitPlan, refuseReadOnly } from './adapter.js';
import { earlierRestoreCopy, listBackups, newestRestorable, noBackup } from './backups.js';
import { calendarCopies } from './calendar-cache.js';
import {
  allHeld,
  type Change,
  conflicts,
  diff,
  entriesNotHeld,
  linesHold,
  notMade,
  snapshot,
} from './changes.js';
import {
  decodeJournal,
  decodeText,
  encodeTaggedJournal,
  encodeText,
  type JournalOnDisk,
  journalTag,
  journalTagOf,
  keptCodec,
  type Loaded,
  resolveTarget,
  restorableJournal,
  warningsOnRead,
} from './codec.js';
import { isEncrypted, type Keyring, type Sealing } from './crypto.js';
import { JournalDb, type JournalView } from './db.js';
import { type DueRead, type DueRules, DueSummary, readDue } from './due-summary.js';
import { fileVersion, readStoreFile, readVersioned } from './files.js';
import { serializeJournal } from './format.js';
import { type FormerPlaces, formerPlaces, inodeOf, otherLinks } from './former-places.js';
import { keptCopies, type RewriteReport, resealKeptCopies, rewriteKeptCopies } from './kept.js';
import { beforeRestorePath } from './paths.js';
import {
  finishPendingForget,
  forgetEverywhere,
  hasPendingForget,
  type PendingMarker,
  type Planned,
} from './pending-forget.js';
import { SealedStamp } from './sealed-stamp.js';
import { StatsSummary } from './stats-summary.js';
import { changeSaved } from './stops.js';
import { describeChanges } from './summaries.js';
import { refuseNewer, type Tracked, trackChange } from './tracking.js';
import {
  belongsTo,
  bySync,
  copyHolds,
  entriesLeadingTo,
  JOINED,
  joinNotUndone,
  nothingToUndo,
  notInJournal,
  notTheChangeConfirmed,
  PastForget,
  readOwnUndoData,
  SyncBrought,
  takeBack,
  type UndoData,
  type UndoEntry,
} from './undo.js';

export interface StoreOptions {
  /** Called with messages worth showing the user (newer schema, loose permissions, upgrades). */
  warn: (message: string) => void;
  lockTimeoutMs?: number;
  /** "Now" for the times rel records (REL_NOW in tests). */
  now?: Date;
  /** Keys for an encrypted store; the passphrase is asked for only when one is met. */
  keyring?: Keyring;
  /** Where rel keeps what it fetched of calendars (calendar-cache.ts): covered by forget and reseal. */
  stateFolder?: string;
  /** The rules of time together in force, for the summary rel due reads (none is kept without). */
  dueRules?: DueRules;
  /** Told once a change started the journal in a folder that did not exist (a path typed by hand). */
  newFolder?: (file: string, folder: string) => void;
}

export interface UpdateOptions<T> {
  /** What the change was, for `rel undo`; by default a description of the records it changed. */
  summary?: (result: T) => string;
  /**
   * Write with this key from now on (encrypt, change the passphrase), or null to write plain.
   * Every copy rel keeps beside the journal is re-encrypted (or decrypted) with it.
   */
  reseal?: Sealing | null;
  /** false for a merge: its records keep the stamps they came with. */
  stamp?: boolean;
  /**
   * Lists the change only adds records to, changing none of those there in place (rel log:
   * conversations). Over a journal rel wrote, their records are frozen while it runs, so that they
   * need not be turned into JSON to be found unchanged after it (tracking.ts); a change that tries
   * to change one all the same fails there, and is run again on the file parsed afresh.
   */
  appendsTo?: readonly string[];
}

export interface Undone {
  entry: UndoEntry;
  /** Changes that can still be undone after this one. */
  remaining: number;
  /** When the change undone came before a rel forget, which stays (it cannot be undone). */
  pastForget: boolean;
}

/**
 * Whether rel undo may take back a change that needs the user's say-so (UndoNeedsConsent: the
 * change before a rel forget, what a sync brought): true (--yes), or the very change the user
 * was asked about (refused if the newest change is another by the time it runs).
 */
export type UndoConsent = boolean | UndoEntry;

export interface Restored {
  backup: string;
  /** Where the replaced journal was kept, when there was one. */
  savedAs: string | undefined;
  /** Where the copy an earlier restore had kept there went, when it was not the journal replaced. */
  earlierAs: string | undefined;
  journal: Journal;
}

/** What `rel doctor --restore` would do, worked out before it asks (see Store.previewRestore). */
export interface RestorePreview {
  /** The backup it brings back, and when that was saved. */
  backup: string;
  savedAt: Date;
  /**
   * When the journal is a valid journal (a restore is not needed to read it): the version of the
   * file (a restore made on the strength of this preview goes ahead only over that very file),
   * and what changed since the backup, which the restore drops: the records, and in words.
   */
  healthy?: { version: string; dropped: number; what: string };
  /**
   * The changes rel's undo data records as made after the backup, which the restore drops, in
   * words, newest first; and whether the file the restore replaces (which it keeps) holds them
   * all, as far as rel can tell (a damaged file is looked at line by line); when it does not,
   * where a copy an earlier restore kept that does is (as named once this restore is made).
   */
  lost: { summaries: string[]; kept: boolean; inEarlier: string | undefined };
  /** Where the copy an earlier restore kept goes, when it is not the journal as it is now. */
  earlierAs: string | undefined;
  /** Whether rel undo could take back the newest change instead (the journal is read, the undo data leads up to it). */
  undoable: boolean;
}

export class Store {
  readonly target: string;
  private readonly db: JournalDb;
  private readonly summary: DueSummary | undefined;
  private readonly statsSummary: StatsSummary | undefined;

  constructor(
    readonly file: string,
    private readonly options: StoreOptions,
  ) {
    this.target = resolveTarget(file);
    const { keyring, warn } = options;
    this.summary = DueSummary.of(options, file, this.target);
    // Kept where the due summary is (a store opened for a command).
    this.statsSummary = this.summary && new StatsSummary(options.stateFolder!, this.target);
    const lockTimeoutMs = options.lockTimeoutMs ?? 30_000;
    const sealedStamp = SealedStamp.of(options.stateFolder, this.target);
    this.db = new JournalDb(this.target, file, {
      keyring,
      warn,
      lockTimeoutMs,
      summary: this.summary,
      sealedStamp,
      statsSummary: this.statsSummary,
    });
  }

  /**
   * The journal as it is now; an empty one when the file does not exist. Never creates it.
   * Treat it as read-only: update() reuses it, instead of parsing the file again, when the file
   * is still the version it came from. `tag`: the tag of its text is wanted (readJournal).
   * `toChange`: an update() follows, which may write what it keeps of a file rel wrote from that
   * file's bytes: they are kept until then (the file's size more memory).
   */
  async read({
    tag = false,
    toChange = false,
  }: {
    tag?: boolean;
    toChange?: boolean;
  } = {}): Promise<Journal> {
    await this.settlePending();
    const parsed = await this.db.read(tag, toChange);
    if (!parsed) return emptyJournal();
    for (const w of warningsOnRead(this.file, this.target, parsed.journal.schema)) this.options.warn(w);
    return parsed.journal;
  }

  /**
   * The journal as a report reads it: each view.read(needs) gives the lists it names, only in
   * part when the file is a version rel wrote or checked itself (partial.ts), else the whole
   * journal as read() gives it; an empty one when there is no file. Never reused by a write.
   */
  async view(): Promise<JournalView> {
    await this.settlePending();
    const view = await this.db.view();
    if (!view) {
      const empty = emptyJournal();
      return { schema: empty.schema, read: async () => empty, whole: async () => empty };
    }
    for (const w of warningsOnRead(this.file, this.target, view.schema)) this.options.warn(w);
    return view;
  }

  /**
   * The journal for rel due and rel people: the summary when it stands for the file
   * (due-summary.ts), else read().
   */
  readForDue(): Promise<DueRead> {
    // A summary written after a full read keeps the tag of the text read.
    return readDue(this.summary, async () => [
      await this.read({ tag: this.summary !== undefined }),
      this.db.lastParsed,
    ]);
  }

  /**
   * The journal for rel stats: its summary (stats-summary.ts: the journal without its texts)
   * when that stands for the file, else read(); `save()`, once the command's output is written,
   * writes the summary of that read (removed at once for an encrypted journal or one the read
   * upgraded), as rel due's is.
   */
  async readForStats(): Promise<{ journal: Journal; save: () => void }> {
    const summary = this.statsSummary;
    if (summary && !hasPendingForget(this.target)) {
      const found = summary.read();
      if (found) {
        for (const w of warningsOnRead(this.file, this.target, found.schema)) this.options.warn(w);
        return { journal: found, save: () => {} };
      }
    }
    const journal = await this.read();
    const read = this.db.lastParsed;
    if (!summary) return { journal, save: () => {} };
    if (!read || read.parsed.sealing || read.parsed.migratedFrom !== undefined) {
      summary.remove();
      return { journal, save: () => {} };
    }
    return { journal, save: () => summary.write(journal, read.version) };
  }

  /** The key of the last journal read or written: null when it is plain. */
  get encryption(): Sealing | null {
    return this.db.sealing;
  }

  /** Lock, re-read, change, write. The change may throw: then nothing is written. */
  async update<T>(change: (journal: Journal) => T, options: UpdateOptions<T> = {}): Promise<T> {
    // A change that fails on an empty journal must not leave a new, empty folder behind.
    const folder = path.dirname(this.target);
    const newFolder = !fs.existsSync(folder);
    if (newFolder) change(emptyJournal());
    await this.settlePending();
    const done = await this.db.write(async (found) => {
      const appending = options.appendsTo && new Set(options.appendsTo);
      const { loaded, result, changes, texts, distinct } = await this.tracked(
        found,
        change,
        options.stamp,
        false,
        appending,
      );
      const resealing = options.reseal !== undefined;
      if (changes.length === 0 && loaded.migratedFrom === undefined && !resealing)
        return { result: () => result };
      // Undo data written under the old key is read before anything is written with the new one.
      const undoEntries = entriesLeadingTo(await this.undoData(), loaded);
      const sealing = resealing ? (options.reseal ?? null) : loaded.sealing;
      const entry: UndoEntry | undefined = changes.length
        ? {
            at: this.now().toISOString(),
            summary: options.summary?.(result) ?? describeChanges(changes, loaded.journal),
            changes,
          }
        : undefined;
      const undo = entry ? [...undoEntries, entry] : undoEntries;
      return {
        write: { over: loaded, plan: { texts, distinct, undo, sealing } },
        // The journal's rename was the moment of the new key; the copies follow. A rel killed
        // between the two leaves copies under the old key (or plain), which the next write of an
        // encrypted journal, rel encrypt and rel doctor --fix finish (finishSealing). Only the
        // copies not yet in the new form: the undo data was just written under the new key, and
        // reading it back would ask for a passphrase the keyring has not been given.
        result: async () => {
          if (resealing || sealing) await this.resealCopies(sealing);
          return result;
        },
      };
    });
    if (newFolder && fs.existsSync(this.target)) this.options.newFolder?.(this.file, folder);
    return done;
  }

  /**
   * Reverts the newest change still kept for undo, unless what it made has changed since. When a
   * rel forget came after it, or a sync made it, only with `consent` (else PastForget or
   * SyncBrought says so).
   */
  async undo(consent: UndoConsent = false): Promise<Undone> {
    if (!fs.existsSync(this.target)) throw nothingToUndo(this.file);
    await this.settlePending();
    return this.db.write(async (read) => {
      refuseNewer(this.file, read.journal);
      const undo = await this.undoData();
      const { entries } = undo;
      const entry = entries.at(-1);
      if (typeof consent === 'object' && (entry?.at !== consent.at || entry.summary !== consent.summary))
        throw notTheChangeConfirmed(entry);
      if (!entry) throw nothingToUndo(this.file);
      // Never made in this journal (a restore brought back a backup from before it): said before
      // any question about it; the copy the restore kept is read only then.
      if (notMade(read.journal as unknown as Record<string, unknown>, entry.changes))
        throw notInJournal(entry, this.file, read.journal, await this.restoreCopy());
      if (entry.summary.startsWith(JOINED)) throw joinNotUndone(entry, path.dirname(this.target));
      if (undo.forgotAt && consent === false) throw new PastForget(entry, undo.forgotAt);
      if (bySync(entry) && consent === false) throw new SyncBrought(entry);
      // Stamped like any change, so that a synced copy takes the undo too.
      const { loaded, texts, distinct } = await this.tracked(read, (current) =>
        takeBack(current, read.text, undo, entry, this.file),
      );
      return {
        write: { over: loaded, plan: { undo: entries.slice(0, -1), texts, distinct } },
        result: () => ({ entry, remaining: entries.length - 1, pastForget: undo.forgotAt !== undefined }),
      };
    });
  }

  /**
   * Refuses (StoreError, exit 1) a journal made read-only, as every write does: for a command to
   * say so before it asks anything a write would need (a new passphrase, whether to drop changes).
   */
  refuseReadOnly(): void {
    refuseReadOnly(this.target, this.file);
  }

  /**
   * What a restore would do now: the backup it would bring back and, when the journal is healthy,
   * what that drops. Reads only; a StoreError when there is no backup to restore.
   */
  async previewRestore(): Promise<RestorePreview> {
    if (listBackups(this.target).length === 0) throw noBackup(this.file);
    // A forget left pending is finished first (as restore() does): the preview is of what is left.
    await this.settlePending().catch(() => undefined);
    const accept = (label: string, bytes: Buffer) => restorableJournal(label, bytes, this.options.keyring);
    const { backup, found } = await newestRestorable(this.target, this.file, accept);
    const savedAt = fs.statSync(backup).mtime;
    const current = readVersioned(this.target);
    const journal =
      current && (await decodeJournal(this.file, current.bytes, this.options.keyring).catch(() => undefined));
    const undo = await this.undoData().catch((): UndoData => ({ entries: [] }));
    const holdsIn = (copy: Journal) => (changes: Change[]) =>
      conflicts(copy as unknown as Record<string, unknown>, changes).length === 0;
    // Newest first: what the undo data says was made after the backup, which it does not hold.
    // A healthy journal that never had one of them (an earlier restore dropped it) loses nothing by it.
    const missing = entriesNotHeld(undo.entries, holdsIn(found.journal)).filter(
      (entry) => !journal || !notMade(journal.journal as unknown as Record<string, unknown>, entry.changes),
    );
    const text = current && !isEncrypted(current.bytes) ? current.bytes.toString('utf8') : '';
    const kept =
      current !== undefined &&
      allHeld(missing, journal ? holdsIn(journal.journal) : (changes) => linesHold(text, changes));
    const earlierAs = current ? earlierRestoreCopy(this.target, current.bytes) : undefined;
    // Else a copy an earlier restore kept may be where they still are (the one in place is
    // renamed to earlierAs by this restore).
    const inEarlier = missing.length && !kept ? await this.keptCopyHolding(missing, earlierAs) : undefined;
    const newest = undo.entries.at(-1);
    const common = {
      backup,
      savedAt,
      lost: { summaries: missing.map((e) => e.summary), kept, inEarlier },
      earlierAs,
      undoable:
        journal !== undefined &&
        newest !== undefined &&
        belongsTo(undo, journal) &&
        holdsIn(journal.journal)(newest.changes),
    };
    if (!current || !journal) return common;
    const since = diff(snapshot(found.journal), snapshot(journal.journal));
    const what = describeChanges(since, journal.journal);
    return { ...common, healthy: { version: current.version, dropped: since.length, what } };
  }

  /**
   * Replaces the journal with the newest backup that is a valid journal, keeping the replaced
   * file (valid or not) as .journal.json.before-restore, and the copy an earlier restore kept
   * there, when it differs, as .journal.json.before-restore-N. The only write that touches a
   * corrupt file. `over`: the version of the journal a preview was confirmed for; a journal
   * changed since is not restored over.
   */
  async restore(over?: string): Promise<Restored> {
    if (listBackups(this.target).length === 0) throw noBackup(this.file);
    // A forget left pending is finished before (when the journal can be read) and after: the
    // backup brought back must not hold the person.
    await this.settlePending().catch(() => undefined);
    const accept = (label: string, bytes: Buffer) => restorableJournal(label, bytes, this.options.keyring);
    const restored = await this.db.write(
      async (current) => {
        if (over !== undefined && fileVersion(this.target) !== over) throw changedSincePreview(this.file);
        const { backup, bytes, found } = await newestRestorable(this.target, this.file, accept);
        const { journal, sealing } = found;
        let { text } = found;
        let content: CommitPlan['content'] = { content: bytes, tag: () => journalTag(text) };
        // A backup from before a forget (one a sync brought, say) must not bring the person back:
        // the journal's forget tombstones stay, and remove what they name from the backup.
        const now = current.exists
          ? await decodeJournal(this.file, current.bytes()!, this.options.keyring).catch(() => undefined)
          : undefined;
        const forgets = (now?.journal.tombstones ?? []).filter((s) => s.forgotten);
        if (forgets.length && keepForgets(journal, forgets)) {
          content = encodeTaggedJournal(journal, sealing);
          text = serializeJournal(journal);
        }
        const earlier = current.exists ? earlierRestoreCopy(this.target, current.bytes()) : undefined;
        return {
          write: {
            over: { ...current, journal, text, sealing },
            plan: { content, previous: 'before-restore', earlier },
          },
          result: () => ({
            backup,
            savedAs: current.exists ? beforeRestorePath(this.target) : undefined,
            earlierAs: earlier,
            journal,
          }),
        };
      },
      () => this.db.unparsed(),
    );
    await this.settlePending();
    return restored;
  }

  /**
   * Changes the journal AND every copy rel keeps of it (backups, undo data, restore and upgrade
   * copies) through the same transformation, keeping no backup of the version before: for
   * changes that must leave no trace, such as forgetting a person. Not undoable. `resumed` is
   * what a forget stopped part-way had planned (pending-forget.ts): after its journal's rename the
   * journal shows none of the records it changed, and the undo data still leads up to the
   * journal before it.
   */
  async rewriteAll(
    transform: (journal: Journal) => void,
    marker?: PendingMarker,
    resumed?: Planned,
    /** Records ("key/id") the transformation changed before this journal (Store.forget's `received`). */
    changedBefore: string[] = [],
    /** Paths the journal had before a move (former-places.ts): the copies kept there go through it too. */
    formerPaths: string[] = [],
  ): Promise<RewriteReport> {
    let rewritten = false;
    const former = resumed?.former ?? formerPaths;
    try {
      return await this.db.write(async (read) => {
        const { loaded, changes, texts } = await this.tracked(read, transform, true, true);
        const touched = new Set([
          ...changes.map((c) => `${c.key}/${c.id}`),
          ...(resumed?.touched ?? []),
          ...changedBefore,
        ]);
        const written = encodeTaggedJournal(loaded.journal, loaded.sealing, texts);
        const before = journalTag(loaded.text);
        // Its content is digested as it is written: the pending record needs the tag before.
        if (marker) {
          const after = journalTagOf(loaded.journal, texts);
          marker.record({ touched: [...touched], before, after, former }, loaded.sealing);
        }
        // Undo data that led up to the journal before the stopped forget leads up to this one,
        // when nothing changed the journal since that forget's rename.
        const leadUp = resumed && resumed.after === before ? [before, resumed.before] : [before];
        return {
          write: { over: loaded, plan: { content: written, previous: 'nothing' } },
          // Cached calendars name the people in the meetings: they go, and the next rel inbox fetches anew.
          result: async () => {
            rewritten = true;
            if (marker || resumed) changeSaved(FORGET_LEFT);
            const copiesOf = (target: string) =>
              rewriteKeptCopies(
                target,
                (journal) => transform(journal as unknown as Journal),
                touched,
                keptCodec(this.options.keyring, loaded.sealing),
                {
                  journal: loaded.journal,
                  before: leadUp,
                  after: written.tag(),
                  remove: calendarCopies(this.options.stateFolder, target, true),
                  at: this.now().toISOString(),
                },
              );
            const report = await copiesOf(this.target);
            for (const place of former) await scrubFormerPlace(report, place, copiesOf);
            return report;
          },
        };
      });
    } catch (error) {
      // The commit throws only before the journal's rename: then the journal is as it was, and
      // so must the folder be. After the rename the marker stays for the next rel to finish.
      if (!rewritten) marker?.clear();
      throw marker ? marker.failed(error, rewritten) : error;
    }
  }

  /**
   * Forgets people from the journal and every copy rel keeps (see pending-forget.ts). `received`:
   * the journal before a sync whose merge already took them out (a forget made on another
   * machine): what the forget would have changed in it counts as changed here, so that the undo
   * steps about those records go as they go on the machine that forgot.
   */
  async forget(ids: string[], received?: Journal): Promise<Forget> {
    const before = received ? await touchedByForget(received, ids) : [];
    // Read before the journal's write, which removes the summaries that tell of them.
    const places = formerPlaces(this.options.stateFolder, this.target);
    // Before the journal's rename, which leaves its other names with the file as it was.
    const links = { count: otherLinks(this.target), inode: inodeOf(this.target) };
    const done = await forgetEverywhere(this.target, ids, (t, marker) =>
      this.rewriteAll(t, marker, undefined, before, places.moved),
    );
    return { ...done, otherNames: places.otherNames, maybe: places.maybe, links };
  }

  /** Finishes a forget a killed rel left pending; every way into the journal calls it first. */
  settlePending(): Promise<void> {
    return finishPendingForget(
      this.target,
      (label, bytes) => this.decodeKept(label, bytes),
      (t, marker, resumed) => this.rewriteAll(t, marker, resumed),
    );
  }

  /** Writes an older-schema journal in this rel's schema now (`rel doctor --fix`). */
  async upgrade(): Promise<number | undefined> {
    return this.db.write(async (loaded) => {
      const from = loaded.migratedFrom;
      if (from === undefined) return { result: () => undefined };
      const undo = entriesLeadingTo(await this.undoData(), loaded);
      return { write: { over: loaded, plan: { undo } }, result: () => from };
    });
  }

  /**
   * Runs `work` holding the journal's lock: nothing else writes the journal meanwhile, and the
   * store's own writes inside it (update, adopt) take no second lock. For rel sync.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.db.hold(work);
  }

  /**
   * Puts `bytes` in place as the journal, as they are (a version that sync found already merged
   * and committed, so that git sees the very file it has), keeping a backup like any write. What
   * it changed is kept for undo like any change, named by `summary` (the journal before, after):
   * undo data carried on without it would lead up to the new version, and `rel undo` would step
   * over the sync to take back the change before it.
   */
  async adopt(
    bytes: Buffer,
    options: {
      overConflict?: boolean;
      summary?: (before: Journal, after: Journal) => string;
      /** The bytes as the caller decoded them already (a sync's remote journal): not decoded again. */
      decoded?: JournalOnDisk;
    } = {},
  ): Promise<void> {
    // A journal, or refused.
    const parsed = options.decoded ?? (await decodeJournal(this.file, bytes, this.options.keyring));
    // `overConflict`: the file is git's conflict markers (a merge by hand), not a journal, and
    // `bytes` are the version last committed: it replaces that file, of which nothing is kept
    // (both sides are in git), and the undo data goes on if it led up to that version.
    const { overConflict } = options;
    const read = overConflict ? () => this.db.unparsed() : undefined;
    await this.db.write(async (loaded) => {
      refuseNewer(this.file, loaded.journal);
      const kept = entriesLeadingTo(await this.undoData(), overConflict ? parsed : loaded);
      // A journal that was not there (a machine joining) has nothing to take back.
      const changes =
        overConflict || !loaded.exists ? [] : diff(snapshot(loaded.journal), snapshot(parsed.journal));
      const undo = changes.length
        ? [
            ...kept,
            {
              at: this.now().toISOString(),
              summary:
                options.summary?.(loaded.journal, parsed.journal) ?? describeChanges(changes, loaded.journal),
              changes,
            },
          ]
        : kept;
      const content = { content: bytes, tag: () => journalTag(parsed.text) };
      const plan: CommitPlan = {
        undo,
        content,
        sealing: parsed.sealing,
        ...(overConflict ? { previous: 'nothing' as const } : {}),
      };
      return { write: { over: { ...loaded, journal: parsed.journal }, plan }, result: () => undefined };
    }, read);
  }

  /**
   * Re-encrypts, with the journal's key, the kept copies that are not under it: plain ones (an
   * encryption that was interrupted) and ones under an older key (an interrupted passphrase
   * change), which cannot be read with this passphrase and are removed. Returns what was done.
   */
  async finishSealing(): Promise<{ resealed: string[]; removed: string[] }> {
    return this.db.locked(async () => {
      const { sealing } = await this.db.load();
      return sealing ? this.resealCopies(sealing) : { resealed: [], removed: [] };
    });
  }

  /** A kept file's text, decrypted with whatever key it was written with. */
  async decodeKept(label: string, bytes: Buffer): Promise<string> {
    return (await decodeText(label, bytes, this.options.keyring)).text;
  }

  /** A text to keep beside the journal, encrypted as the journal last read or written is. */
  encodeKept(text: string): string | Buffer {
    return encodeText(text, this.db.sealing);
  }

  private tracked<T>(
    read: Loaded,
    work: (journal: Journal) => T,
    stamp?: boolean,
    forget = false,
    appendsTo?: ReadonlySet<string>,
  ): Promise<Tracked<T>> {
    return trackChange(read, work, {
      file: this.file,
      now: this.now(),
      stamp: stamp !== false,
      forget,
      reload: () => this.db.load(false),
      appendsTo,
    });
  }

  /**
   * Where, after a restore that renames the copy in place to `earlierAs`, a copy an earlier
   * restore kept holds all these entries: the copy in place (when renamed), then the numbered
   * ones, newest first. undefined when none does.
   */
  private async keptCopyHolding(
    entries: UndoEntry[],
    earlierAs: string | undefined,
  ): Promise<string | undefined> {
    const numbered = keptCopies(this.target)
      .map((file) => ({ file, n: Number(/before-restore-(\d+)$/.exec(file)?.[1]) }))
      .filter(({ n }) => Number.isInteger(n))
      .sort((a, b) => b.n - a.n)
      .map(({ file }) => ({ file, shown: file }));
    const inPlace = earlierAs ? [{ file: beforeRestorePath(this.target), shown: earlierAs }] : [];
    for (const { file, shown } of [...inPlace, ...numbered]) {
      const copy = await this.restoreCopy(file);
      if (copy && allHeld(entries, copy.holds)) return shown;
    }
    return undefined;
  }

  /** The copy the last restore kept of the journal it replaced, read as it can be (see copyHolds). */
  private async restoreCopy(
    copy = beforeRestorePath(this.target),
  ): Promise<{ path: string; holds: (changes: Change[]) => boolean } | undefined> {
    const bytes = readStoreFile(copy);
    if (!bytes) return undefined;
    const text = await this.decodeKept(copy, bytes).catch(() => '');
    return { path: copy, holds: copyHolds(text) };
  }

  private undoData(): Promise<UndoData> {
    const decode = (bytes: Buffer) => this.decodeKept(`the undo data of ${this.file}`, bytes);
    return readOwnUndoData(this.target, decode, this.db.sealing !== null);
  }

  /** The kept copies, and the calendars cached for this journal, re-encoded as `sealing` says. */
  private resealCopies(sealing: Sealing | null) {
    const calendars = calendarCopies(this.options.stateFolder, this.target, false);
    return resealKeptCopies(this.target, keptCodec(this.options.keyring, sealing), sealing, calendars);
  }

  private now(): Date {
    return this.options.now ?? new Date();
  }
}

/** What Store.forget did, and where it knows copies may be that it did not scrub. */
export interface Forget {
  forgotten: Forgotten;
  report: RewriteReport;
  /** Other names of the journal's file that rel knows (hard links): they keep the journal as it was. */
  otherNames: string[];
  /** Copies beside places where a journal was that may have been this one (former-places.ts). */
  maybe: FormerPlaces['maybe'];
  /** How many other names the file had (st_nlink - 1), and its inode, for finding them. */
  links: { count: number; inode: number | undefined };
}

/**
 * The copies kept beside a path the journal had before a move, rewritten into `report`. A folder
 * rel may not write (or a disk mounted read-only) is listed as not scrubbed rather than failing
 * the forget: no retry would reach it, and a forget left pending for it would hold up every rel
 * command; the user is told which files to remove. Any other failure (a full disk) fails as a
 * failure beside the journal does: the pending record names the place, and the next rel finishes.
 */
async function scrubFormerPlace(
  report: RewriteReport,
  place: string,
  copiesOf: (target: string) => Promise<RewriteReport>,
): Promise<void> {
  const copies = keptCopies(place);
  if (!copies.length) return;
  try {
    fs.accessSync(path.dirname(place), fs.constants.W_OK);
  } catch {
    report.notScrubbed.push(...copies);
    return;
  }
  const there = await copiesOf(place);
  report.rewritten.push(...there.rewritten);
  report.removed.push(...there.removed);
  report.undoDropped += there.undoDropped;
  report.former.push(place);
}

/** What a forget stopped after the journal's rename leaves to the next rel (pending-forget.ts). */
const FORGET_LEFT = 'The next rel command finishes the forget, scrubbing the copies rel keeps.';

function changedSincePreview(file: string): StoreError {
  return new StoreError(
    `${file} changed after rel said what a restore would drop; nothing was restored.`,
    'Run rel doctor --restore again to see what it drops now.',
  );
}

/** The records ("key/id") forgetting `ids` changes in `journal`, which is left as it is. */
async function touchedByForget(journal: Journal, ids: string[]): Promise<string[]> {
  const { forgetPerson } = await import('../core/people.js');
  const copy = structuredClone(journal);
  for (const id of ids) forgetPerson(copy, id);
  return diff(snapshot(journal), snapshot(copy)).map((c) => `${c.key}/${c.id}`);
}
