// Types that several store modules share, apart from the modules that make them, so that a module
// naming one imports no more than its shape: codec.ts reads the stamps that due-summary.ts and
// sealed-stamp.ts keep, and they read journals with codec.ts; doctor-records.ts makes the
// findings that doctor.ts gathers. Only types: nothing here runs.
import type { Sealing } from './crypto.js';

/**
 * The version of a journal file (files.ts fileVersion) and the tag of its text (codec.ts journalTag).
 * `lines`: rel wrote that version itself, each record of its lists on a line of its own as
 * JSON.stringify made it (format.ts serializeJournal), not a version it only read in full.
 */
export interface JournalStamp {
  version: string;
  tag: string;
  lines?: true;
}

/** What a sealed journal read gives the stamp to match: the key it opened with, and its sealMark. */
export interface SealedRead {
  sealing: Sealing;
  mark: Buffer;
}

/** One thing `rel doctor` found (doctor.ts, doctor-records.ts). */
export interface Finding {
  /**
   * What was checked: parse, schema, passphrase (an encrypted journal with no passphrase to read
   * it), ids, people, dates, modes, lock, sync, temp-files, drafts, backups, undo, encryption, forget, summaries.
   */
  check: string;
  severity: 'error' | 'warning';
  message: string;
  /** The command (or step) that fixes it. */
  fix: string;
}
