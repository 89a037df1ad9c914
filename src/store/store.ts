// The store's public face, the only module that changes the journal. Reads never create it.
// Every write takes the lock, re-reads the file, applies the change (tracking.ts) and commits it
// through lowdb's Low over rel's adapter (adapter.ts: undo data, backups, atomic write,
// encryption). The file codec is codec.ts, the undo data undo.ts, the backups backups.ts.
import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { emptyJournal, type Journal, SCHEMA_VERSION } from '../core/journal.js';
import type { Forgotten } from '../core/people.js';
import { type CommitPlan, commit, type Destination, JournalAdapter, refuseDuplicateIds } from './adapter.js';
import { listBackups, noBackup, restoreNewest } from './backups.js';
import { calendarCopies } from './calendar-cache.js';
import {
  decodeJournal,
  decodeText,
  encodeTaggedJournal,
  encodeText,
  type JournalOnDisk,
  journalTag,
  keptCodec,
  type Loaded,
  loadJournal,
  resolveTarget,
  restorableJournal,
} from './codec.js';
import type { Keyring, Sealing } from './crypto.js';
import { fileVersion, looseMode, readStoreFile, readVersioned, writeStoreFile } from './files.js';
import { type RewriteReport, resealKeptCopies, rewriteKeptCopies } from './kept.js';
import { JournalLock } from './lock.js';
import { finishPendingForget, forgetEverywhere } from './pending-forget.js';
import { describeChanges } from './summaries.js';
import { refuseNewer, type Tracked, trackChange } from './tracking.js';
import {
  entriesLeadingTo,
  nothingToUndo,
  readOwnUndoData,
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
}

export interface Undone {
  entry: UndoEntry;
  /** Changes that can still be undone after this one. */
  remaining: number;
}

export interface Restored {
  backup: string;
  /** Where the replaced journal was kept, when there was one. */
  savedAs: string | undefined;
  journal: Journal;
}

export class Store {
  readonly file: string;
  readonly target: string;
  /** What the last read() parsed, and the version of the file it came from. */
  private lastRead: { version: string; parsed: JournalOnDisk } | undefined;
  private sealing: Sealing | null = null;
  private readonly lock: JournalLock;

  constructor(
    file: string,
    private readonly options: StoreOptions,
  ) {
    this.file = file;
    this.target = resolveTarget(file);
    this.lock = new JournalLock(this.target, options.lockTimeoutMs ?? 30_000);
  }

  /**
   * The journal as it is now; an empty one when the file does not exist. Never creates it.
   * Treat it as read-only: update() reuses it, instead of parsing the file again, when the file
   * is still the version it came from.
   */
  async read(): Promise<Journal> {
    await this.settlePending();
    const read = readVersioned(this.target);
    if (!read) return emptyJournal();
    const parsed = await decodeJournal(this.file, read.bytes, this.options.keyring);
    this.lastRead = { version: read.version, parsed };
    this.sealing = parsed.sealing;
    if (parsed.journal.schema > SCHEMA_VERSION) {
      this.options.warn(
        `${this.file} was written by a newer rel (schema ${parsed.journal.schema}); showing what this rel understands. Upgrade rel to change it.`,
      );
    }
    const mode = looseMode(this.target);
    if (mode !== undefined) {
      this.options.warn(
        `${this.file} can be read by other users (mode ${mode.toString(8).padStart(3, '0')}). To make it private: chmod 600 ${JSON.stringify(this.target)}`,
      );
    }
    return parsed.journal;
  }

  /** The key of the last journal read or written: null when it is plain. */
  get encryption(): Sealing | null {
    return this.sealing;
  }

  /** Lock, re-read, change, write. The change may throw: then nothing is written. */
  async update<T>(change: (journal: Journal) => T, options: UpdateOptions<T> = {}): Promise<T> {
    // A change that fails on an empty journal must not leave a new, empty folder behind.
    if (!fs.existsSync(path.dirname(this.target))) change(emptyJournal());
    await this.settlePending();
    return this.lock.run(async () => {
      // lowdb's Low over rel's adapter: read() the file fresh under the lock, apply the change to
      // `data` (tracked, for undo), write() it through the adapter's commit.
      const adapter = new JournalAdapter(() => this.load(), this.destination());
      const db = new Low<Journal>(adapter, emptyJournal());
      await db.read();
      const { loaded, result, changes, texts } = await this.tracked(adapter.found!, change, options.stamp);
      adapter.found = loaded; // a layout mismatch re-reads the file: the write goes over that read
      db.data = loaded.journal;
      const resealing = options.reseal !== undefined;
      if (changes.length === 0 && loaded.migratedFrom === undefined && !resealing) return result;
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
      adapter.plan = { texts, undo: entry ? [...undoEntries, entry] : undoEntries, sealing };
      await db.write();
      this.sealing = sealing;
      // The journal's rename was the moment of the new key; the copies follow. A rel killed
      // between the two leaves copies under the old key (or plain), which the next write of an
      // encrypted journal, rel encrypt and rel doctor --fix finish (finishSealing).
      // Only the copies not yet in the new form: the undo data was just written under the new key,
      // and reading it back would ask for a passphrase the keyring has not been given.
      if (resealing || sealing) await this.resealCopies(sealing);
      return result;
    });
  }

  /** Reverts the newest change still kept for undo, unless what it made has changed since. */
  async undo(): Promise<Undone> {
    if (!fs.existsSync(this.target)) throw nothingToUndo(this.file);
    await this.settlePending();
    return this.locked(async (read) => {
      refuseNewer(this.file, read.journal);
      const undo = await this.undoData();
      const { entries } = undo;
      const entry = entries.at(-1);
      if (!entry) throw nothingToUndo(this.file);
      // Stamped like any change, so that a synced copy takes the undo too.
      const { loaded, texts } = await this.tracked(read, (current) =>
        takeBack(current, read.text, undo, entry, this.file),
      );
      this.commitOver(loaded, { undo: entries.slice(0, -1), texts });
      return { entry, remaining: entries.length - 1 };
    });
  }

  /**
   * Replaces the journal with the newest backup that is a valid journal, keeping the replaced
   * file (valid or not) as .journal.json.before-restore. The only write that touches a corrupt file.
   */
  async restore(): Promise<Restored> {
    if (listBackups(this.target).length === 0) throw noBackup(this.file);
    // A forget left pending is finished before (when the journal can be read) and after: the
    // backup brought back must not hold the person.
    await this.settlePending().catch(() => undefined);
    const accept = (label: string, bytes: Buffer) => restorableJournal(label, bytes, this.options.keyring);
    const restored = await this.lock.run(() => restoreNewest(this.target, this.file, accept));
    await this.settlePending();
    return restored;
  }

  /**
   * Changes the journal AND every copy rel keeps of it (backups, undo data, restore and upgrade
   * copies) through the same transformation, keeping no backup of the version before: for
   * changes that must leave no trace, such as forgetting a person. Not undoable.
   */
  async rewriteAll(transform: (journal: Journal) => void): Promise<RewriteReport> {
    return this.locked(async (read) => {
      const { loaded, changes, texts } = await this.tracked(read, transform);
      const touched = new Set(changes.map((c) => `${c.key}/${c.id}`));
      refuseDuplicateIds(this.file, loaded.journal);
      const written = encodeTaggedJournal(loaded.journal, loaded.sealing, texts);
      writeStoreFile(this.target, written.content);
      // Cached calendars name the people in the meetings: they go, and the next rel inbox fetches anew.
      return rewriteKeptCopies(
        this.target,
        (journal) => transform(journal as unknown as Journal),
        touched,
        keptCodec(this.options.keyring, loaded.sealing),
        {
          journal: loaded.journal,
          before: journalTag(loaded.text),
          after: written.tag(),
          remove: calendarCopies(this.options.stateFolder, this.target, true),
        },
      );
    });
  }

  /** Forgets people from the journal and every copy rel keeps (see pending-forget.ts). */
  async forget(ids: string[]): Promise<{ forgotten: Forgotten; report: RewriteReport }> {
    const sealing = this.sealing;
    return forgetEverywhere(
      this.target,
      ids,
      (text) => encodeText(text, sealing),
      (t) => this.rewriteAll(t),
    );
  }

  /** Finishes a forget a killed rel left pending; every way into the journal calls it first. */
  settlePending(): Promise<void> {
    return finishPendingForget(
      this.target,
      (label, bytes) => this.decodeKept(label, bytes),
      (t) => this.rewriteAll(t),
    );
  }

  /** Writes an older-schema journal in this rel's schema now (`rel doctor --fix`). */
  async upgrade(): Promise<number | undefined> {
    return this.locked(async (loaded) => {
      if (loaded.migratedFrom === undefined) return undefined;
      this.commitOver(loaded, { undo: entriesLeadingTo(await this.undoData(), loaded) });
      return loaded.migratedFrom;
    });
  }

  /**
   * Runs `work` holding the journal's lock: nothing else writes the journal meanwhile, and the
   * store's own writes inside it (update, adopt) take no second lock. For rel sync.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.hold(work);
  }

  /**
   * Puts `bytes` in place as the journal, as they are (a version that sync found already merged
   * and committed, so that git sees the very file it has), keeping a backup like any write.
   */
  async adopt(bytes: Buffer): Promise<void> {
    const parsed = await decodeJournal(this.file, bytes, this.options.keyring); // a journal, or refused
    await this.locked(async (loaded) => {
      refuseNewer(this.file, loaded.journal);
      const undo = entriesLeadingTo(await this.undoData(), loaded);
      const content = { content: bytes, tag: () => journalTag(parsed.text) };
      this.commitOver(loaded, { undo, content, sealing: parsed.sealing });
    });
  }

  /**
   * Re-encrypts, with the journal's key, the kept copies that are not under it: plain ones (an
   * encryption that was interrupted) and ones under an older key (an interrupted passphrase
   * change), which cannot be read with this passphrase and are removed. Returns what was done.
   */
  async finishSealing(): Promise<{ resealed: string[]; removed: string[] }> {
    return this.locked(async (loaded) =>
      loaded.sealing ? this.resealCopies(loaded.sealing) : { resealed: [], removed: [] },
    );
  }

  /** A kept file's text, decrypted with whatever key it was written with. */
  async decodeKept(label: string, bytes: Buffer): Promise<string> {
    return (await decodeText(label, bytes, this.options.keyring)).text;
  }

  /** A text to keep beside the journal, encrypted as the journal last read or written is. */
  encodeKept(text: string): string | Buffer {
    return encodeText(text, this.sealing);
  }

  private commitOver(loaded: Loaded, plan: CommitPlan): void {
    commit(this.destination(), loaded, plan);
    this.sealing = plan.sealing === undefined ? loaded.sealing : plan.sealing;
  }

  private destination(): Destination {
    return { target: this.target, file: this.file, warn: this.options.warn };
  }

  private tracked<T>(read: Loaded, work: (journal: Journal) => T, stamp?: boolean): Promise<Tracked<T>> {
    return trackChange(read, work, {
      file: this.file,
      now: this.now(),
      stamp: stamp !== false,
      reload: () => this.load(false),
    });
  }

  /** The journal under the lock: the one the caller last read when the file is still that one. */
  private async load(reuse = true): Promise<Loaded> {
    // The file as the caller last read it needs no second parse; anything newer does.
    const cached = this.lastRead;
    this.lastRead = undefined;
    if (reuse && cached && cached.version === fileVersion(this.target)) {
      return { ...cached.parsed, exists: true, bytes: () => readStoreFile(this.target) };
    }
    const loaded = await loadJournal(this.target, this.file, this.options.keyring);
    if (loaded.exists) this.sealing = loaded.sealing;
    return loaded;
  }

  private async locked<T>(work: (loaded: Loaded) => T | Promise<T>): Promise<T> {
    return this.lock.run(async () => work(await this.load()));
  }

  private undoData(): Promise<UndoData> {
    const decode = (bytes: Buffer) => this.decodeKept(`the undo data of ${this.file}`, bytes);
    return readOwnUndoData(this.target, decode, this.sealing !== null);
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
