// The summary `rel stats` reads instead of the journal, when it still stands for it:
// $XDG_STATE_HOME/rel/stats-<journal>.json (<journal> as for the due summary), mode 0600. It is
// derived (core/stats-summary.ts: the journal without its texts) and can be deleted at any time:
// the next rel stats reads the journal in full and writes it again. It is written after such a
// full read, never by a change: every write of the journal removes it first (adapter.ts), so
// that what a change took out (rel forget) does not stay here, and the first rel stats after a
// change reads in full. Written without fsync (files.ts writeDerivedFile): cut short by a power
// cut, it does not parse and is read past.
//
// It is used only when it names the journal's exact version (device, inode, size, modification
// and change times to the nanosecond, as the due summary is keyed), this summary format and this
// rel. Only a plain journal in this rel's schema has one: for an encrypted journal none is kept
// (it would hold names in the clear), nor for one that a read upgrades.
import path from 'node:path';
import { type Journal, SCHEMA_VERSION } from '../core/journal.js';
import { statsJournalJson } from '../core/stats-summary.js';
import { fileVersion, keepDerivedFile, removeDerivedFile } from './files.js';
import { stateKey } from './paths.js';
import { readSummary } from './summary-file.js';

/** package.json's version, put in at build time. */
declare const REL_VERSION: string;

/** Changed whenever what the summary keeps changes: a summary of another format is rebuilt. */
const FORMAT = 1;

export function statsSummaryPath(stateFolder: string, target: string): string {
  return path.join(stateFolder, `stats-${stateKey(target)}.json`);
}

function* pieces(head: string, body: Iterable<string>, tail: string): Generator<string> {
  yield head;
  yield* body;
  yield tail;
}

export class StatsSummary {
  readonly file: string;

  constructor(
    stateFolder: string,
    private readonly target: string,
  ) {
    this.file = statsSummaryPath(stateFolder, target);
  }

  /** The journal cut down for stats when the summary stands for the file as it is now; undefined on any doubt. */
  read(): Journal | undefined {
    const version = fileVersion(this.target);
    if (version === undefined || version === 'missing') return undefined;
    return readSummary(this.file, FORMAT, version, ['people', 'conversations'])?.data;
  }

  /**
   * Writes the summary of `journal`, read in full from the file in `version`, or removes the one
   * there when that cannot be done. Never throws: a summary not written only means that the next
   * rel stats reads the journal in full.
   */
  write(journal: Journal, version: string): void {
    keepDerivedFile(this.file, () => {
      if (version === 'missing' || journal.schema !== SCHEMA_VERSION) throw new Error('no summary');
      // A SummaryFile, written a piece at a time: the journal's objects are all still held here.
      const head = `{"format":${FORMAT},"rel":${JSON.stringify(REL_VERSION)},"journal":{"version":${JSON.stringify(version)}},"path":${JSON.stringify(this.target)},"data":`;
      return pieces(head, statsJournalJson(journal), '}\n');
    });
    // Written after a change made meanwhile removed it: taken back (as the due summary is).
    if (fileVersion(this.target) !== version) this.remove();
  }

  /** Removes the summary (every write of the journal); never throws. Whether it is gone. */
  remove(): boolean {
    return removeDerivedFile(this.file);
  }
}
