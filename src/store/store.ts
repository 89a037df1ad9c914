// The only module that changes the journal. Reads never create it. Every write takes the lock,
// re-reads the file, applies the change, keeps the previous version as a backup, writes the new
// one atomically (files.ts), encrypted when the journal is, and records what changed for `rel undo`.
import fs from 'node:fs';
import path from 'node:path';
import { duplicateIds } from '../core/integrity.js';
import { emptyJournal, type Journal, SCHEMA_VERSION, withRecordDefaults } from '../core/journal.js';
import { type Forgotten, forgetPerson } from '../core/people.js';
import { stampChanges } from '../core/tombstones.js';
import { StoreError } from '../errors.js';
import {
  type Change,
  conflicts,
  diff,
  LayoutMismatch,
  recordTexts,
  revert,
  settle,
  snapshot,
  snapshotFromLines,
} from './changes.js';
import { isEncrypted, type Keyring, type Sealing, sealedWith } from './crypto.js';
import {
  discard,
  fileVersion,
  makePrivateFolder,
  type Prepared,
  prepareStoreFile,
  putInPlace,
  readStoreFile,
  readVersioned,
  syncFolder,
  writeStoreFile,
} from './files.js';

export { makePrivateFolder };

import { Low } from 'lowdb';
import { JournalAdapter } from './adapter.js';
import { cachedCalendars, nudgePath } from './calendar-cache.js';
import { type RecordText, recordLines } from './format.js';
import {
  beforeRestorePath,
  holdBackup,
  journalTag,
  type KeptCodec,
  listBackups,
  lockPath,
  migrationCopyPath,
  prepareUndoEntries,
  pulsePath,
  type RewriteReport,
  readUndoData,
  removeLeftovers,
  resealKeptCopies,
  rewriteKeptCopies,
  rotateBackups,
  type UndoData,
  type UndoEntry,
  undoPath,
} from './history.js';
import { withLock } from './lock.js';
import {
  clearPendingForget,
  hasPendingForget,
  readPendingForget,
  recordPendingForget,
} from './pending-forget.js';

export {
  decodeJournal,
  type JournalOnDisk,
  type Parsed,
  parseJournal,
  readJournalFile,
  recoveryHint,
  resolveTarget,
  writeJournalFile,
} from './codec.js';
export { describeChanges } from './summaries.js';

import {
  decodeJournal,
  decodeText,
  encodeJournal,
  encodeTaggedJournal,
  encodeText,
  type JournalOnDisk,
  type Parsed,
  resolveTarget,
} from './codec.js';
import { describeChanges, describeRecords } from './summaries.js';

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

/** The file as read: its journal, and its bytes, fetched only when a backup needs copying. */
interface Loaded extends JournalOnDisk {
  exists: boolean;
  bytes: () => Buffer | undefined;
}

/** What a change did: its result, the records it changed, and their JSON for the write to reuse. */
interface Tracked<T> {
  result: T;
  changes: Change[];
  texts: RecordText;
}

/** What a commit writes besides the journal, and how. */
interface CommitOptions {
  /** The undo entries to keep with it, tagged with the journal written (none: left as they are). */
  undo?: UndoEntry[];
  /** Records' JSON as the change left them: unchanged records' lines are reused. */
  texts?: RecordText;
  /** The journal's bytes as they are to be written, and their text (sync's adopted version). */
  content?: { bytes: Buffer; text: string };
}

export class Store {
  readonly file: string;
  readonly target: string;
  /** What the last read() parsed, and the version of the file it came from. */
  private lastRead: { version: string; parsed: JournalOnDisk } | undefined;
  private sealing: Sealing | null = null;

  constructor(
    file: string,
    private readonly options: StoreOptions,
  ) {
    this.file = file;
    this.target = resolveTarget(file);
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
    this.warnIfReadableByOthers();
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
    return this.underLock(async () => {
      // lowdb's Low over rel's adapter: read() the file fresh under the lock, apply the change to
      // `data` (tracked, for undo), write() it through the store's commit.
      let plan: CommitOptions = {};
      const adapter = new JournalAdapter<Loaded>({
        read: () => this.load(),
        write: async (loaded, journal) => this.commit({ ...loaded, journal }, plan),
      });
      const db = new Low<Journal>(adapter, emptyJournal());
      await db.read();
      const { loaded, result, changes, texts } = await this.tracked(
        adapter.found!,
        change,
        options.stamp !== false,
      );
      adapter.found = loaded; // a layout mismatch re-reads the file: the write goes over that read
      db.data = loaded.journal;
      const resealing = options.reseal !== undefined;
      if (changes.length === 0 && loaded.migratedFrom === undefined && !resealing) return result;
      // Undo data written under the old key is read before anything is written with the new one.
      const undoEntries = await this.undoEntriesOf(loaded);
      if (resealing) loaded.sealing = options.reseal ?? null;
      const entry: UndoEntry | undefined = changes.length
        ? {
            at: this.now().toISOString(),
            summary: options.summary?.(result) ?? describeChanges(changes, loaded.journal),
            changes,
          }
        : undefined;
      plan = { texts, undo: entry ? [...undoEntries, entry] : undoEntries };
      await db.write();
      // The journal's rename was the moment of the new key; the copies follow. A rel killed
      // between the two leaves copies under the old key (or plain), which the next write of an
      // encrypted journal, rel encrypt and rel doctor --fix finish (finishSealing).
      // Only the copies not yet in the new form: the undo data was just written under the new key,
      // and reading it back would ask for a passphrase the keyring has not been given.
      if (resealing) await this.resealCopies(loaded.sealing, (head) => !inForm(head, loaded.sealing));
      else if (loaded.sealing) await this.finishSealing(loaded.sealing);
      return result;
    });
  }

  /** Reverts the newest change still kept for undo, unless what it made has changed since. */
  async undo(): Promise<Undone> {
    if (!fs.existsSync(this.target)) throw nothingToUndo(this.file);
    await this.settlePending();
    return this.locked(async (read) => {
      this.refuseNewer(read.journal);
      const undo = await this.undoData();
      const { entries } = undo;
      const entry = entries.at(-1);
      if (!entry) throw nothingToUndo(this.file);
      // Stamped like any change, so that a synced copy takes the undo too.
      const { loaded, texts } = await this.tracked(read, (current) => {
        const journal = current as unknown as Record<string, unknown>;
        const changed = conflicts(journal, entry.changes);
        if (changed.length) {
          throw new StoreError(
            `Cannot undo "${entry.summary}": ${describeRecords(changed, current)} changed since then (by hand, or by a restore), and undoing would lose that. Nothing was changed.`,
            'To go back further, restore a backup: rel doctor --restore',
          );
        }
        if (!belongsTo(undo, read)) throw changedSince(entry, this.file);
        revert(journal, entry.changes);
      });
      this.commit(loaded, { undo: entries.slice(0, -1), texts });
      return { entry, remaining: entries.length - 1 };
    });
  }

  /**
   * Replaces the journal with the newest backup that is a valid journal, keeping the replaced
   * file (valid or not) as .journal.json.before-restore. The only write that touches a corrupt file.
   */
  async restore(): Promise<Restored> {
    const candidates = listBackups(this.target);
    if (candidates.length === 0) throw noBackup(this.file);
    // A forget left pending is finished before (when the journal can be read) and after: the
    // backup brought back must not hold the person.
    await this.settlePending().catch(() => undefined);
    const restored = await withLock(
      lockPath(this.target),
      async () => {
        for (const backup of listBackups(this.target)) {
          const bytes = readStoreFile(backup);
          if (!bytes) continue;
          let parsed: Parsed;
          try {
            parsed = await decodeJournal(backup, bytes, this.options.keyring);
          } catch {
            continue;
          }
          if (parsed.journal.schema > SCHEMA_VERSION) continue;
          const current = readStoreFile(this.target);
          const savedAs = current ? beforeRestorePath(this.target) : undefined;
          if (current && savedAs) writeStoreFile(savedAs, current);
          writeStoreFile(this.target, bytes);
          return { backup, savedAs, journal: parsed.journal };
        }
        throw noBackup(this.file, candidates.length);
      },
      { timeoutMs: this.lockTimeoutMs() },
    );
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
      this.refuseDuplicateIds(loaded.journal);
      const written = encodeTaggedJournal(loaded.journal, loaded.sealing, texts);
      writeStoreFile(this.target, written.content);
      const codec: KeptCodec = {
        parseJournal: async (label, bytes) =>
          (await decodeJournal(label, bytes, this.options.keyring)).journal as unknown as Record<
            string,
            unknown
          >,
        serializeJournal: (journal) => encodeJournal(journal as unknown as Journal, loaded.sealing),
        decode: (label, bytes) => this.decode(label, bytes),
        encode: (text) => encodeText(text, loaded.sealing),
      };
      const report = await rewriteKeptCopies(
        this.target,
        (journal) => transform(journal as unknown as Journal),
        touched,
        codec,
        { before: journalTag(loaded.text), after: written.tag() },
      );
      // The stored pulse names people too; loaded only here, so other commands do not pay for it.
      const { pruneStoredPulse } = await import('./pulse-file.js');
      const pulse = await pruneStoredPulse(this.target, loaded.journal, codec.decode, codec.encode);
      if (pulse) report[pulse].push(pulsePath(this.target));
      // Cached calendars name the people in the meetings: they go, and the next rel inbox fetches anew.
      for (const file of this.calendarCopies(true)) {
        fs.rmSync(file, { force: true });
        report.removed.push(file);
      }
      return report;
    });
  }

  /**
   * Forgets people: from the journal and every copy rel keeps (rewriteAll), recorded as pending
   * first so that a rel killed half-way is finished by the next one (see pending-forget.ts).
   */
  async forget(ids: string[]): Promise<{ forgotten: Forgotten; report: RewriteReport }> {
    const sealing = this.sealing;
    recordPendingForget(this.target, ids, (text) => encodeText(text, sealing));
    let forgotten: Forgotten | undefined;
    const report = await this.rewriteAll((journal) => {
      for (const id of ids) {
        const result = forgetPerson(journal, id);
        // The first call is the journal itself; later ones are the kept copies.
        forgotten ??= result;
      }
    });
    clearPendingForget(this.target);
    return { forgotten: forgotten ?? { conversations: 0, sharedKept: 0, followUps: 0 }, report };
  }

  /** Finishes a forget a killed rel left pending; every way into the journal calls it first. */
  async settlePending(): Promise<void> {
    if (!hasPendingForget(this.target)) return;
    const ids = await readPendingForget(this.target, (label, bytes) => this.decode(label, bytes));
    if (ids.length) {
      await this.rewriteAll((journal) => {
        for (const id of ids) forgetPerson(journal, id);
      });
    }
    clearPendingForget(this.target);
  }

  /** Writes an older-schema journal in this rel's schema now (`rel doctor --fix`). */
  async upgrade(): Promise<number | undefined> {
    return this.locked(async (loaded) => {
      if (loaded.migratedFrom === undefined) return undefined;
      this.commit(loaded, { undo: await this.undoEntriesOf(loaded) });
      return loaded.migratedFrom;
    });
  }

  /**
   * Runs `work` on the journal read under the lock, stamps `updatedAt` and tombstones (unless
   * told not to: a merge keeps its records' stamps) and says what changed, for undo. Records'
   * texts before the change come from the file's lines when it is laid out as rel writes it;
   * when a line turns out not to hold its record, the file is parsed afresh and `work` runs
   * again on that, with a snapshot taken the slow way.
   */
  private async tracked<T>(
    read: Loaded,
    work: (journal: Journal) => T,
    stamp = true,
  ): Promise<Tracked<T> & { loaded: Loaded }> {
    try {
      return { loaded: read, ...this.track(read, work, stamp, true) };
    } catch (error) {
      if (!(error instanceof LayoutMismatch)) throw error;
      const loaded = await this.load(false);
      return { loaded, ...this.track(loaded, work, stamp, false) };
    }
  }

  private track<T>(
    loaded: Loaded,
    work: (journal: Journal) => T,
    stamp: boolean,
    fromLines: boolean,
  ): Tracked<T> {
    const { journal } = loaded;
    this.refuseNewer(journal);
    const lines =
      fromLines && loaded.migratedFrom === undefined ? recordLines(loaded.text, journal) : undefined;
    const before = lines ? snapshotFromLines(journal, lines) : snapshot(journal);
    const result = work(journal);
    const after = settle(before, journal, withRecordDefaults);
    const textOf = (collection: string, record: { id?: unknown }) => {
      const field = after.get(collection);
      return field?.kind === 'records' && typeof record.id === 'string'
        ? field.texts.get(record.id)
        : undefined;
    };
    if (stamp) {
      const stamped = stampChanges(
        recordTexts(before),
        journal,
        this.now(),
        (collection, record) => textOf(collection, record) ?? JSON.stringify(record),
      );
      const restamped = new Set<string>();
      for (const [collection, record] of stamped) {
        const field = after.get(collection);
        if (field?.kind === 'records') field.texts.set(record.id, JSON.stringify(record));
        else restamped.add(collection);
      }
      // A list kept whole (two records with one id, say) is taken again with its new stamps.
      const fields = journal as unknown as Record<string, unknown>;
      for (const key of restamped) after.set(key, { kind: 'value', text: JSON.stringify(fields[key]) });
    }
    return { result, changes: diff(before, after), texts: textOf };
  }

  /** The journal under the lock: the one the caller last read when the file is still that one. */
  private async load(reuse = true): Promise<Loaded> {
    // The file as the caller last read it needs no second parse; anything newer does.
    const cached = this.lastRead;
    this.lastRead = undefined;
    if (reuse && cached && cached.version === fileVersion(this.target)) {
      return { ...cached.parsed, exists: true, bytes: () => readStoreFile(this.target) };
    }
    const read = readVersioned(this.target);
    if (!read)
      return { journal: emptyJournal(), text: '', sealing: null, exists: false, bytes: () => undefined };
    const parsed = await decodeJournal(this.file, read.bytes, this.options.keyring);
    this.sealing = parsed.sealing;
    return { ...parsed, exists: true, bytes: () => read.bytes };
  }

  private async locked<T>(work: (loaded: Loaded) => T | Promise<T>): Promise<T> {
    return this.underLock(async () => work(await this.load()));
  }

  private async underLock<T>(work: () => Promise<T>): Promise<T> {
    if (this.held) return work();
    makePrivateFolder(path.dirname(this.target));
    return withLock(lockPath(this.target), work, { timeoutMs: this.lockTimeoutMs() });
  }

  /** True while exclusive() runs: the lock is this process's already. */
  private held = false;

  /**
   * Runs `work` holding the journal's lock, with the store's one timeout: nothing else writes the
   * journal meanwhile, and the store's own writes inside it (update, adopt) take no second lock.
   * For rel sync, which holds it from the first git step to the last.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.held) return work();
    makePrivateFolder(path.dirname(this.target));
    return withLock(
      lockPath(this.target),
      async () => {
        this.held = true;
        try {
          return await work();
        } finally {
          this.held = false;
        }
      },
      { timeoutMs: this.lockTimeoutMs() },
    );
  }

  /**
   * Puts `bytes` in place as the journal, as they are (a version that sync found already merged
   * and committed, so that git sees the very file it has), keeping a backup like any write.
   */
  async adopt(bytes: Buffer): Promise<void> {
    const parsed = await decodeJournal(this.file, bytes, this.options.keyring); // a journal, or refused
    await this.locked(async (loaded) => {
      this.refuseNewer(loaded.journal);
      const undo = await this.undoEntriesOf(loaded);
      loaded.sealing = parsed.sealing;
      this.commit(loaded, { undo, content: { bytes, text: parsed.text } });
    });
  }

  /**
   * Writes the journal (and the undo data with it, when given), keeping what is there now: a
   * backup, and before an upgrade a copy of the old schema. The order makes every message true:
   * whatever can fail for want of space (the new journal, then the undo data tagged with that
   * journal's version, each written in full and fsynced beside its file) fails before anything is
   * in place, and then nothing was saved, the backups untouched. The journal's rename is the
   * moment the change is saved; what follows (the undo data and the backups taking their places)
   * is said as such if it fails. Undo data that could not follow is removed, and undo data that a
   * kill kept from following still carries the version before, so that `rel undo` never takes
   * back an earlier change in this one's place (belongsTo).
   */
  private commit(loaded: Loaded, { undo, texts, content }: CommitOptions = {}): void {
    this.refuseDuplicateIds(loaded.journal);
    const encode = (text: string) => encodeText(text, loaded.sealing);
    if (loaded.exists && loaded.migratedFrom !== undefined) {
      const bytes = loaded.bytes();
      if (bytes) writeStoreFile(migrationCopyPath(this.target, loaded.migratedFrom), bytes);
    }
    const encoded = content
      ? { content: content.bytes, tag: () => journalTag(content.text) }
      : encodeTaggedJournal(loaded.journal, loaded.sealing, texts);
    let journal: Prepared | undefined;
    let undoFile: Prepared | undefined;
    let backup: Prepared | undefined;
    try {
      journal = prepareStoreFile(this.target, encoded.content);
      if (undo) undoFile = prepareUndoEntries(this.target, { entries: undo, journal: encoded.tag() }, encode);
      backup = loaded.exists ? holdBackup(this.target, loaded.bytes) : undefined;
      putInPlace(journal);
    } catch (error) {
      discard(undoFile);
      discard(journal);
      discard(backup);
      throw error;
    }
    this.sealing = loaded.sealing;
    const problems: string[] = [];
    if (undoFile) {
      try {
        putInPlace(undoFile);
      } catch (error) {
        fs.rmSync(undoPath(this.target), { force: true });
        problems.push(`rel undo cannot take it back (${(error as Error).message})`);
      }
    }
    try {
      syncFolder(path.dirname(this.target));
    } catch (error) {
      problems.push((error as Error).message);
    }
    if (backup) {
      try {
        rotateBackups(this.target, backup);
      } catch (error) {
        problems.push(`no backup of the version before it was kept (${(error as Error).message})`);
      }
    }
    removeLeftovers(this.target);
    if (problems.length) this.options.warn(`The change was saved, but ${problems.join('; ')}.`);
  }

  /**
   * The undo entries. Undo data under another key than the journal's (a `rel passphrase` killed
   * before it could follow) cannot be read with this passphrase, and it is not what was just
   * typed that is wrong (the journal opened): it is treated as none, and replaced on the next write.
   */
  private async undoData(): Promise<UndoData> {
    try {
      return await readUndoData(this.target, (bytes) => this.decode(undoLabel(this.file), bytes));
    } catch (error) {
      if (this.sealing && error instanceof StoreError && /^Wrong passphrase/.test(error.message))
        return { entries: [] };
      throw error;
    }
  }

  /**
   * The undo entries that lead up to the journal as loaded, for a write to keep: none when the
   * undo data belongs to another version of it (a change made by hand, a restore, or a rel
   * stopped between the journal and its undo data), since undoing them would step over that change.
   */
  private async undoEntriesOf(loaded: Loaded): Promise<UndoEntry[]> {
    const undo = await this.undoData();
    return belongsTo(undo, loaded) ? undo.entries : [];
  }

  /**
   * Re-encrypts, with the journal's key, the kept copies that are not under it: plain ones (an
   * encryption that was interrupted) and ones under an older key (an interrupted passphrase
   * change), which cannot be read with this passphrase and are removed. Returns what was done.
   */
  async finishSealing(sealing?: Sealing): Promise<{ resealed: string[]; removed: string[] }> {
    if (!sealing) {
      return this.locked(async (loaded) =>
        loaded.sealing
          ? this.resealCopies(loaded.sealing, (head) => !sealedWith(head, loaded.sealing!))
          : { resealed: [], removed: [] },
      );
    }
    return this.resealCopies(sealing, (head) => !sealedWith(head, sealing));
  }

  private resealCopies(sealing: Sealing | null, only: (head: Buffer) => boolean) {
    return resealKeptCopies(
      this.target,
      (label, bytes) => this.decode(label, bytes),
      (text) => encodeText(text, sealing),
      only,
      this.calendarCopies(false),
    );
  }

  /** The calendars rel cached for this journal, and (with `nudge`) the inbox's nudge file. */
  private calendarCopies(nudge: boolean): string[] {
    const folder = this.options.stateFolder;
    if (!folder) return [];
    const files = cachedCalendars(folder, this.target);
    const file = nudgePath(folder, this.target);
    return nudge && fs.existsSync(file) ? [...files, file] : files;
  }

  /** A kept file's text, decrypted with whatever key it was written with. */
  decodeKept(label: string, bytes: Buffer): Promise<string> {
    return this.decode(label, bytes);
  }

  /** A text to keep beside the journal, encrypted as the journal last read or written is. */
  encodeKept(text: string): string | Buffer {
    return encodeText(text, this.sealing);
  }

  /** A kept file's text, decrypted with whatever key it was written with. */
  private async decode(label: string, bytes: Buffer): Promise<string> {
    return (await decodeText(label, bytes, this.options.keyring)).text;
  }

  private refuseNewer(journal: Journal): void {
    if (journal.schema > SCHEMA_VERSION) {
      throw new StoreError(
        `${this.file} was written by a newer rel (schema ${journal.schema}); this rel knows schema ${SCHEMA_VERSION} and will not change it.`,
        'Upgrade rel to write to this journal.',
      );
    }
  }

  /** A journal with one id on two records is never written: a change could land on either. */
  private refuseDuplicateIds(journal: Journal): void {
    const found = duplicateIds(journal)[0];
    if (found) {
      throw new StoreError(
        `${this.file} has ids used by more than one of the ${found.what} (${found.ids.slice(0, 3).join(', ')}); rel will not write it until that is fixed. Nothing was changed.`,
        'rel doctor shows every such id and how to fix it.',
      );
    }
  }

  private warnIfReadableByOthers(): void {
    try {
      const mode = fs.statSync(this.target).mode & 0o777;
      if (mode & 0o077) {
        this.options.warn(
          `${this.file} can be read by other users (mode ${mode.toString(8).padStart(3, '0')}). To make it private: chmod 600 ${JSON.stringify(this.target)}`,
        );
      }
    } catch {
      // A missing file is an empty journal.
    }
  }

  private lockTimeoutMs(): number {
    return this.options.lockTimeoutMs ?? 30_000;
  }

  private now(): Date {
    return this.options.now ?? new Date();
  }
}

const undoLabel = (file: string) => `the undo data of ${file}`;

/** Whether undo data leads up to this journal (undo data of an older rel, untagged, is taken to). */
function belongsTo(undo: UndoData, loaded: { text: string }): boolean {
  return undo.journal === undefined || undo.journal === journalTag(loaded.text);
}

function changedSince(entry: UndoEntry, file: string): StoreError {
  return new StoreError(
    `Cannot undo "${entry.summary}": ${file} was changed after it in a way rel kept no undo data for (an edit by hand, a restore, or a rel stopped before it finished), and rel undo takes back only the newest change. Nothing was changed.`,
    'To go back further, restore a backup: rel doctor --restore (rel doctor shows the backups kept).',
  );
}

function nothingToUndo(file: string): StoreError {
  return new StoreError(
    `Nothing to undo in ${file}.`,
    'rel keeps the last 10 changes; older ones can be brought back from a backup with rel doctor --restore.',
  );
}

function noBackup(file: string, unreadable = 0): StoreError {
  return new StoreError(
    unreadable
      ? `None of the ${unreadable} backups of ${file} is a valid journal; nothing was restored.`
      : `There is no backup of ${file} to restore; nothing was restored.`,
    'rel keeps a backup before each change it makes. Fix the file by hand: rel doctor shows what is wrong.',
  );
}

/** Whether a kept file's first bytes are already written as `sealing` says (plain for null). */
function inForm(head: Buffer, sealing: Sealing | null): boolean {
  return sealing ? sealedWith(head, sealing) : !isEncrypted(head);
}
