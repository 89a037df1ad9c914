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
import { withLock } from './lock.js';
import { schemaProblem, serializeJournal } from './schema.js';

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

function parseJournal(file: string, text: string): Journal {
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
  const problem = schemaProblem(data);
  if (problem) throw new StoreError(`${file} is not a rel journal: ${problem}.`, RECOVERY_HINT);
  return data as Journal;
}

/** lowdb adapter: a missing file reads as nothing; writes are atomic and durable. */
class JournalFile implements Adapter<Journal> {
  constructor(readonly file: string) {}

  async read(): Promise<Journal | null> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError(`Cannot read ${this.file}: ${(error as Error).message}`);
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

  /** The journal as it is now; an empty one when the file does not exist. Never creates it. */
  async read(): Promise<Journal> {
    const db = this.open();
    await db.read();
    this.checkReadable(db.data);
    return upgradeToSchema2(db.data);
  }

  /** Lock, re-read, change, write. The change may throw: then nothing is written. */
  async update<T>(change: (journal: Journal) => T): Promise<T> {
    const lockTimeoutMs = this.options.lockTimeoutMs ?? 30_000;
    makePrivateFolder(path.dirname(this.target));
    return withLock(
      `${this.target}.lock`,
      async () => {
        const db = this.open();
        await db.read();
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

  private open(): Low<Journal> {
    return new Low<Journal>(new JournalFile(this.target), emptyJournal());
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
