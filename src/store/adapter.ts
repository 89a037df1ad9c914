// rel's adapter for lowdb. lowdb's Low holds the journal as `data` and moves it through an
// adapter's read() and write(); rel's adapter does everything that makes that safe, which
// lowdb's own JSONFile does not (see the README's design notes): read() parses the file fresh
// under the store's lock (reusing the parse when the file is the version last read), write()
// hands the journal to the store's commit (undo data, temp file 0600, fsync, rename, folder
// fsync, backups, encryption). One adapter serves one locked change: what its read() found (the
// bytes for the backup, the key, the records' lines) is what its write() writes over.
import type { Adapter } from 'lowdb';
import type { Journal } from '../core/journal.js';

export interface JournalIo<Found extends { journal: Journal }> {
  /** The journal as it is on disk now, with what a write over it needs to know. */
  read(): Promise<Found>;
  /** Writes the journal in place of what read() found. */
  write(found: Found, journal: Journal): Promise<void>;
}

export class JournalAdapter<Found extends { journal: Journal }> implements Adapter<Journal> {
  /** What the last read() found; undefined before one. */
  found: Found | undefined;

  constructor(private readonly io: JournalIo<Found>) {}

  async read(): Promise<Journal> {
    this.found = await this.io.read();
    return this.found.journal;
  }

  async write(journal: Journal): Promise<void> {
    if (!this.found) throw new Error('JournalAdapter: write() before read()');
    await this.io.write(this.found, journal);
  }
}
