// The only module that touches the journal file. Reads never create it; every write takes the
// lock, re-reads, applies the change, writes a 0600 temp file in the same folder, fsyncs it,
// renames it over the journal and fsyncs the folder.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Adapter, Low } from 'lowdb';
import { emptyJournal, type Journal, SCHEMA_VERSION } from '../core/journal.js';
import { snapshotRecords, stampChanges, upgradeToSchema2 } from '../core/tombstones.js';
import { StoreError } from '../errors.js';
import { serializeJournal } from './format.js';
import { withLock } from './lock.js';
import { isJournalShape } from './shape.js';

const RECOVERY_HINT = 'Fix the file by hand, or restore it from a backup.';

/** The file the journal really is: a symlinked store is written through to its target. */
function resolveTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      const link = fs.readlinkSync(file);
      return path.resolve(path.dirname(file), link);
    } catch {
      return file;
    }
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

async function parseJournal(file: string, text: string): Promise<Journal> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position
      ? lineAndColumn(text, Number(position[1]))
      : text.trim()
        ? 'the end of the file'
        : 'an empty file';
    throw new StoreError(`${file} is not valid JSON (${where}): ${message}`, RECOVERY_HINT);
  }
  if (isJournalShape(data)) return data as Journal;
  // Something is off: zod, loaded only now, decides and names the first problem.
  const { schemaProblem } = await import('./schema.js');
  const problem = schemaProblem(data);
  if (problem) throw new StoreError(`${file} is not a rel journal: ${problem}.`, RECOVERY_HINT);
  return data as Journal;
}

/** lowdb adapter: a missing file reads as nothing; writes are atomic and durable. */
class JournalFile implements Adapter<Journal> {
  constructor(readonly file: string) {}

  /** Which version of the file the last read() saw: taken from the open file, so it matches the text. */
  identity: string | undefined;

  async read(): Promise<Journal | null> {
    let text: string;
    let handle: fs.promises.FileHandle | undefined;
    try {
      handle = await fs.promises.open(this.file, 'r');
      this.identity = identityOf(await handle.stat({ bigint: true }));
      text = await handle.readFile('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.identity = MISSING;
        return null;
      }
      throw new StoreError(`Cannot read ${this.file}: ${(error as Error).message}`);
    } finally {
      await handle?.close();
    }
    return parseJournal(this.file, text);
  }

  async write(journal: Journal): Promise<void> {
    const dir = path.dirname(this.file);
    makePrivateFolder(dir);
    const temp = path.join(
      dir,
      `.${path.basename(this.file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    let fd: number | undefined;
    try {
      fd = fs.openSync(temp, 'wx', 0o600);
      fs.fchmodSync(fd, 0o600); // the umask may have narrowed or widened nothing; be exact
      fs.writeFileSync(fd, serializeJournal(journal));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(temp, this.file);
      syncFolder(dir);
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(temp, { force: true });
      throw new StoreError(
        `Cannot write ${this.file}: ${(error as Error).message}`,
        'Nothing was saved. Check free space and permissions.',
      );
    }
  }
}

const MISSING = 'missing';

/**
 * A file's version: rel replaces the journal by rename, so every write makes a new inode; size and
 * change times (in nanoseconds) catch editors that rewrite it in place.
 */
function identityOf(stat: fs.BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

function currentIdentity(file: string): string | undefined {
  try {
    return identityOf(fs.statSync(file, { bigint: true }));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? MISSING : undefined;
  }
}

/** Creates missing folders with mode 0700; an existing folder is left as it is. */
function makePrivateFolder(dir: string): void {
  const created = fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!created) return;
  for (let d = dir; d.length >= created.length; d = path.dirname(d)) fs.chmodSync(d, 0o700);
}

function syncFolder(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface StoreOptions {
  /** Called with messages worth showing the user (newer schema, loose permissions). */
  warn: (message: string) => void;
  lockTimeoutMs?: number;
  /** "Now" for the `updatedAt` and tombstone stamps of a write (REL_NOW in tests). */
  now?: Date;
}

export class Store {
  readonly file: string;
  private readonly target: string;

  constructor(
    file: string,
    private readonly options: StoreOptions,
  ) {
    this.file = file;
    this.target = resolveTarget(file);
  }

  /** What the last read() returned, and the version of the file it came from. */
  private lastRead: { identity: string; journal: Journal } | undefined;

  /**
   * The journal as it is now; an empty one when the file does not exist. Never creates it.
   * Treat it as read-only: update() reuses it, instead of parsing the file again, when the file
   * is still the version it came from.
   */
  async read(): Promise<Journal> {
    const { db, file } = this.open();
    await db.read();
    this.checkReadable(db.data);
    this.lastRead = file.identity ? { identity: file.identity, journal: db.data } : undefined;
    return upgradeToSchema2(db.data);
  }

  /** Lock, re-read, change, write. The change may throw: then nothing is written. */
  async update<T>(change: (journal: Journal) => T): Promise<T> {
    const lockTimeoutMs = this.options.lockTimeoutMs ?? 30_000;
    makePrivateFolder(path.dirname(this.target));
    return withLock(
      `${this.target}.lock`,
      async () => {
        const { db } = this.open();
        // The file as the caller last read it needs no second parse; anything newer does.
        const cached = this.lastRead;
        this.lastRead = undefined;
        if (cached && cached.identity === currentIdentity(this.target)) db.data = cached.journal;
        else await db.read();
        if (db.data.schema > SCHEMA_VERSION) {
          throw new StoreError(
            `${this.file} was written by a newer rel (schema ${db.data.schema}); this rel knows schema ${SCHEMA_VERSION} and will not change it.`,
            'Upgrade rel to write to this journal.',
          );
        }
        db.data = upgradeToSchema2(db.data);
        const before = snapshotRecords(db.data);
        const result = change(db.data);
        stampChanges(before, db.data, this.options.now ?? new Date());
        await db.write();
        return result;
      },
      { timeoutMs: lockTimeoutMs },
    );
  }

  private open(): { db: Low<Journal>; file: JournalFile } {
    const file = new JournalFile(this.target);
    return { db: new Low<Journal>(file, emptyJournal()), file };
  }

  private checkReadable(journal: Journal): void {
    if (journal.schema > SCHEMA_VERSION) {
      this.options.warn(
        `${this.file} was written by a newer rel (schema ${journal.schema}); showing what this rel understands. Upgrade rel to change it.`,
      );
    }
    try {
      const mode = fs.statSync(this.target).mode & 0o777;
      if (mode & 0o077) {
        this.options.warn(
          `${this.file} can be read by other users (mode ${mode.toString(8)}). Run: chmod 600 ${JSON.stringify(this.file)}`,
        );
      }
    } catch {
      // A missing file is an empty journal.
    }
  }
}
