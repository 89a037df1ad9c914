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
import { isEncrypted, type Keyring, type Sealing, seal, unseal } from './crypto.js';
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

/** A journal as found on disk, with the key it was encrypted with (null for a plain file). */
export interface JournalOnDisk {
  journal: Journal;
  sealing: Sealing | null;
}

/**
 * Reads and, when it is encrypted, decrypts a journal file; null when it does not exist.
 * `identity` is the version of the file read, taken from the open file so that it matches.
 */
export async function readJournalFile(
  file: string,
  keyring: Keyring | undefined,
): Promise<(JournalOnDisk & { identity: string }) | null> {
  let bytes: Buffer;
  let identity: string;
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, 'r');
    identity = identityOf(await handle.stat({ bigint: true }));
    bytes = await handle.readFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError(`Cannot read ${file}: ${(error as Error).message}`);
  } finally {
    await handle?.close();
  }
  return { ...(await decodeJournal(file, bytes, keyring)), identity };
}

/** A journal from the bytes of a file (or a git blob) named `label` in messages. */
export async function decodeJournal(
  label: string,
  bytes: Buffer,
  keyring: Keyring | undefined,
): Promise<JournalOnDisk> {
  if (!isEncrypted(bytes))
    return { journal: await parseJournal(label, bytes.toString('utf8')), sealing: null };
  if (!keyring) throw new StoreError(`${label} is encrypted and no passphrase can be had here.`);
  const { text, sealing } = await unseal(label, bytes, keyring);
  return { journal: await parseJournal(label, text), sealing };
}

/**
 * The one way bytes of a journal reach the disk: encrypted when a sealing is given, into a 0600
 * temp file in the same folder, fsynced, renamed over the file, folder fsynced.
 */
export function writeJournalFile(file: string, journal: Journal, sealing: Sealing | null): void {
  const dir = path.dirname(file);
  makePrivateFolder(dir);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    const text = serializeJournal(journal);
    const bytes = sealing ? seal(text, sealing) : text;
    fd = fs.openSync(temp, 'wx', 0o600);
    fs.fchmodSync(fd, 0o600); // the umask may have narrowed or widened nothing; be exact
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
    syncFolder(dir);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw new StoreError(
      `Cannot write ${file}: ${(error as Error).message}`,
      'Nothing was saved. Check free space and permissions.',
    );
  }
}

/** lowdb adapter: a missing file reads as nothing; remembers the key the file was sealed with. */
class JournalFile implements Adapter<Journal> {
  sealing: Sealing | null = null;

  constructor(
    readonly file: string,
    private readonly keyring: Keyring | undefined,
  ) {}

  /** Which version of the file the last read() saw: taken from the open file, so it matches the text. */
  identity: string | undefined;

  async read(): Promise<Journal | null> {
    const found = await readJournalFile(this.file, this.keyring);
    this.identity = found?.identity ?? MISSING;
    this.sealing = found?.sealing ?? null;
    return found?.journal ?? null;
  }

  async write(journal: Journal): Promise<void> {
    writeJournalFile(this.file, journal, this.sealing);
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
export function makePrivateFolder(dir: string): void {
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
  /** Keys for an encrypted store; the passphrase is asked for only when one is met. */
  keyring?: Keyring;
}

export interface UpdateOptions {
  /** Write with this key from now on (encrypt, change the passphrase), or null to write plain. */
  reseal?: Sealing | null;
  /** false for a merge: its records keep the stamps they came with. */
  stamp?: boolean;
}

export class Store {
  readonly file: string;
  /** The real file behind a symlinked store. */
  readonly target: string;
  private sealing: Sealing | null = null;

  constructor(
    file: string,
    private readonly options: StoreOptions,
  ) {
    this.file = file;
    this.target = resolveTarget(file);
  }

  /** What the last read() returned, and the version of the file it came from. */
  private lastRead: { identity: string; journal: Journal; sealing: Sealing | null } | undefined;

  /**
   * The journal as it is now; an empty one when the file does not exist. Never creates it.
   * Treat it as read-only: update() reuses it, instead of parsing the file again, when the file
   * is still the version it came from.
   */
  async read(): Promise<Journal> {
    const { db, file } = this.open();
    await db.read();
    this.sealing = file.sealing;
    this.checkReadable(db.data);
    const journal = upgradeToSchema2(db.data);
    this.lastRead = file.identity ? { identity: file.identity, journal, sealing: file.sealing } : undefined;
    return journal;
  }

  /** The key of the last journal read or written: null when it is plain. */
  get encryption(): Sealing | null {
    return this.sealing;
  }

  /** Lock, re-read, change, write. The change may throw: then nothing is written. */
  async update<T>(change: (journal: Journal) => T, options: UpdateOptions = {}): Promise<T> {
    const lockTimeoutMs = this.options.lockTimeoutMs ?? 30_000;
    makePrivateFolder(path.dirname(this.target));
    return withLock(
      `${this.target}.lock`,
      async () => {
        const { db, file } = this.open();
        // The file as the caller last read it needs no second parse; anything newer does.
        const cached = this.lastRead;
        this.lastRead = undefined;
        if (cached && cached.identity === currentIdentity(this.target)) {
          db.data = cached.journal;
          file.sealing = cached.sealing;
        } else await db.read();
        if (db.data.schema > SCHEMA_VERSION) {
          throw new StoreError(
            `${this.file} was written by a newer rel (schema ${db.data.schema}); this rel knows schema ${SCHEMA_VERSION} and will not change it.`,
            'Upgrade rel to write to this journal.',
          );
        }
        db.data = upgradeToSchema2(db.data);
        const before = snapshotRecords(db.data);
        const result = change(db.data);
        if (options.stamp !== false) stampChanges(before, db.data, this.options.now ?? new Date());
        if (options.reseal !== undefined) file.sealing = options.reseal;
        await db.write();
        this.sealing = file.sealing;
        return result;
      },
      { timeoutMs: lockTimeoutMs },
    );
  }

  private open(): { db: Low<Journal>; file: JournalFile } {
    const file = new JournalFile(this.target, this.options.keyring);
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
