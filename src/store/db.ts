// The one write path to the journal, and the read it reuses. Every change takes the lock, reads
// the file through lowdb's Low over rel's adapter (db.read()), plans what to write from what it
// found, puts that journal in db.data and writes it (db.write(): the adapter's commit), then
// works out its result and releases the lock. Store (store.ts) says what each change is.
import { Low } from 'lowdb';
import { emptyJournal, type Journal, type JournalReading } from '../core/journal.js';
import { type CommitPlan, JournalAdapter } from './adapter.js';
import {
  decodeJournal,
  type JournalOnDisk,
  type Loaded,
  loadJournal,
  readJournal,
  type Stamps,
  stampOf,
} from './codec.js';
import { isEncrypted, type Keyring, type Sealing } from './crypto.js';
import type { DueSummary } from './due-summary.js';
import { fileVersion, readStoreFile, readVersioned } from './files.js';
import { JournalLock } from './lock.js';
import { Layout, type Needs } from './partial.js';
import type { SealedStamp } from './sealed-stamp.js';
import type { StatsSummary } from './stats-summary.js';

/** The journal as a report reads it, from the bytes of one version of the file. */
export interface JournalView {
  schema: number;
  /** The journal with its lists read as `needs` says: in part, or whole when the file is not vouched for. */
  read(needs: Needs): Promise<JournalReading>;
  /** The whole journal, parsed in full. */
  whole(): Promise<Journal>;
}

/**
 * A change planned under the lock: what to write (over which read, and how), none for no write,
 * and its result, worked out once the write is done (still under the lock).
 */
export interface Planned<T> {
  write?: { over: Loaded; plan: CommitPlan };
  result: () => T | Promise<T>;
}

export interface DbOptions {
  keyring: Keyring | undefined;
  warn: (message: string) => void;
  lockTimeoutMs: number;
  /** The summary rel due reads, which every commit writes (or removes) after the journal. */
  summary: DueSummary | undefined;
  /** An encrypted journal's stamp, which every commit of one writes (or removes) after it. */
  sealedStamp: SealedStamp | undefined;
  /** The summary rel stats reads, which every commit removes before the journal. */
  statsSummary?: StatsSummary | undefined;
}

export class JournalDb {
  /** What the last read() parsed, and the version of the file it came from. */
  private lastRead: { version: string; parsed: JournalOnDisk } | undefined;
  private key: Sealing | null = null;
  private readonly lock: JournalLock;

  constructor(
    /** The file written (a symlinked store's target) and the name said in messages. */
    readonly target: string,
    readonly file: string,
    private readonly options: DbOptions,
  ) {
    this.lock = new JournalLock(target, options.lockTimeoutMs);
  }

  /**
   * What rel recorded of the journal at its last write or full read (the summary's key), or of an
   * encrypted one at its last write (its sealed stamp, opened with the key it was read with).
   */
  private readonly stamp: Stamps = (sealed) =>
    sealed ? this.options.sealedStamp?.read(sealed) : this.options.summary?.stamp();

  /** The key of the last journal read or written: null when it is plain. */
  get sealing(): Sealing | null {
    return this.key;
  }

  /** What the last read() parsed, and the version of the file it came from, until a write takes it. */
  get lastParsed(): { version: string; parsed: JournalOnDisk } | undefined {
    return this.lastRead;
  }

  /**
   * The journal as it is now, without the lock, kept for the next write to reuse; undefined when
   * there is none. `tag`, `toChange`: as for readJournal (the summary written after this read keeps
   * the tag; the write after it, the bytes).
   */
  async read(tag = false, toChange = false): Promise<JournalOnDisk | undefined> {
    const read = await readJournal(this.target, this.file, this.options.keyring, this.stamp, tag, toChange);
    if (!read) return undefined;
    const { parsed, version } = read;
    this.lastRead = { version, parsed };
    this.key = parsed.sealing;
    return parsed;
  }

  /**
   * The journal as a report reads it: only what it needs (partial.ts) when the stamp vouches for
   * this very version of a plain file, else parsed in full as read() does. A part is never kept
   * as lastRead: no write can take it for the journal it writes over.
   */
  async view(): Promise<JournalView | undefined> {
    const full = (journal: Journal) => ({
      schema: journal.schema,
      read: async () => journal,
      whole: async () => journal,
    });
    if (!this.stamp()) {
      const parsed = await this.read();
      return parsed && full(parsed.journal);
    }
    const read = readVersioned(this.target);
    if (!read) return undefined;
    const stamped = stampOf(read.version, this.stamp) && !isEncrypted(read.bytes);
    const layout = stamped ? Layout.of(read.bytes) : undefined;
    if (!layout) return full((await this.decode(read)).journal);
    this.key = null;
    let parsed: Journal | undefined;
    const whole = async () => (parsed ??= (await this.decode(read)).journal);
    // A line that is not one record (a hand edit rel then checked): the same bytes, in full.
    return { schema: layout.schema, read: async (needs) => layout.read(needs) ?? whole(), whole };
  }

  private async decode(read: { bytes: Buffer; version: string }): Promise<JournalOnDisk> {
    const stamp = stampOf(read.version, this.stamp);
    const parsed = await decodeJournal(this.file, read.bytes, this.options.keyring, stamp);
    this.lastRead = { version: read.version, parsed };
    this.key = parsed.sealing;
    return parsed;
  }

  /**
   * The journal under the lock: what the last read() parsed when the file is still that version
   * (and `reuse` allows), else the file parsed afresh.
   */
  async load(reuse = true): Promise<Loaded> {
    const cached = this.lastRead;
    this.lastRead = undefined;
    if (reuse && cached && cached.version === fileVersion(this.target)) {
      const { source } = cached.parsed;
      return {
        ...cached.parsed,
        exists: true,
        bytes: () => source ?? readStoreFile(this.target),
        version: cached.version,
      };
    }
    const loaded = await loadJournal(this.target, this.file, this.options.keyring, this.stamp);
    if (loaded.exists) this.key = loaded.sealing;
    return loaded;
  }

  /** The file as it is, not parsed (it may not be a journal): what a restore writes over. */
  async unparsed(): Promise<Loaded> {
    const bytes = readStoreFile(this.target);
    return {
      journal: emptyJournal(),
      text: '',
      sealing: null,
      exists: bytes !== undefined,
      bytes: () => bytes,
    };
  }

  /**
   * The one write path: lock, db.read() (`read`: the file parsed, by default), `plan` from what
   * it found, db.data set to the journal planned, db.write(), the result, unlock. A plan that
   * throws, or plans no write, writes nothing.
   */
  write<T>(plan: (found: Loaded) => Promise<Planned<T>>, read = () => this.load()): Promise<T> {
    return this.lock.run(async () => {
      const { target, file } = this;
      const { warn, summary, sealedStamp, statsSummary } = this.options;
      const adapter = new JournalAdapter(read, { target, file, warn, summary, sealedStamp, statsSummary });
      const db = new Low<Journal>(adapter, emptyJournal());
      await db.read();
      const planned = await plan(adapter.found!);
      if (planned.write) {
        const { over, plan: how } = planned.write;
        adapter.found = over; // a layout mismatch re-reads the file: the write goes over that read
        adapter.plan = how;
        db.data = over.journal;
        await db.write();
        this.key = how.sealing === undefined ? over.sealing : how.sealing;
      }
      return planned.result();
    });
  }

  /** Runs `work` under the lock, writing nothing. */
  locked<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.run(work);
  }

  /** Holds the lock across `work`: writes inside it take no second lock (see JournalLock). */
  hold<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.hold(work);
  }
}
