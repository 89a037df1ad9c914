// The summary `rel due`, `rel people` and shell completion read instead of the journal, when it still stands for
// it: $XDG_STATE_HOME/rel/due-<journal>.json (<journal> as in calendar-cache.ts), mode 0600. It is
// derived (core/due-summary.ts: the journal cut down to what rel due reads) and can be deleted at
// any time; the next rel due reads the journal in full and writes it again. So it is written
// without fsync (files.ts writeDerivedFile): after a power cut it may be the one before, which
// names another version of the journal, or cut short, which does not parse (its key, at its head,
// is matched whole or not at all): either way it is read past and written again.
//
// It is used only when everything it is keyed to still holds: the journal's exact version (device,
// inode, size, and modification and change times to the nanosecond: an edit that keeps the size
// and puts the modification time back still moves the change time, which no one can set; on a
// file system of whole seconds only a version seen after its seconds were over, see settled()), the
// rules of time together it was cut under, this summary format and this rel. It records the
// content hash of the journal text it came from (the tag the undo data carries, history.ts), to
// name that version; it is not recomputed on a read, which would mean reading the whole file.
// Only a plain journal has one: for an encrypted journal none is kept (it would hold names and
// follow-ups in the clear), and the store removes it on rel encrypt.
import fs from 'node:fs';
import path from 'node:path';
import { type IsoDate, toIsoDate } from '../core/dates.js';
import { type DueJournal, dueHorizon, dueJournal, dueJournalAfter } from '../core/due-summary.js';
import { type Journal, SCHEMA_VERSION } from '../core/journal.js';
import type { TogetherRules } from '../core/together.js';
import { type JournalOnDisk, journalTag, warningsOnRead } from './codec.js';
import { fileVersion, headOf, keepDerivedFile, removeDerivedFile } from './files.js';
import { stateKey } from './paths.js';
import { hasPendingForget } from './pending-forget.js';
import type { JournalStamp } from './shared-types.js';
import { readSummary, type SummaryFile as SharedHead } from './summary-file.js';

/** package.json's version, put in at build time. */
declare const REL_VERSION: string;

/**
 * Changed whenever what the summary keeps changes, or the written-kinds rule that cut it (3: voice
 * is spoken, gchat and voice notes are written; 4: a conversation on a day not in the calendar
 * stops the cut, where 3 left it out): a summary of another format is rebuilt.
 */
const FORMAT = 4;

interface SummaryFile extends SharedHead {
  journal: { version: string; tag: string; lines?: true };
  rules: TogetherRules;
  horizon: IsoDate;
}

/** The summary's key as JSON.stringify writes it at the start of the file (see write()). */
const STAMP =
  /^\{"format":(\d+),"rel":("(?:[^"\\]|\\.)*"),"journal":\{"version":"([\d:]+)","tag":"([\w-]+)"(,"lines":true)?\}/;
const HEAD_BYTES = 512;

export function summaryPath(stateFolder: string, target: string): string {
  return path.join(stateFolder, `due-${stateKey(target)}.json`);
}

const sameRules = (a: TogetherRules, b: TogetherRules) =>
  a.cadenceCounts === b.cadenceCounts && JSON.stringify(a.writtenKinds) === JSON.stringify(b.writtenKinds);

/**
 * What rel due reads: the journal, cut down when it came from the summary or a full read that
 * writes one (then with its horizon, and for the latter the whole journal it was cut from).
 * `save()`, once the command's output is written: writes the summary of a full read (nothing
 * otherwise); it never throws. Writing it is no part of the report, so the report is not kept
 * waiting for it (it is written whole, or not at all: see write()).
 */
export type DueRead = { journal: Journal; horizon?: IsoDate; whole?: Journal; save: () => void };

const NOTHING_TO_SAVE = () => {};

/** The rules of time together in force, asked for only when a summary is read or written. */
export type DueRules = () => TogetherRules;

/** The journal as the store's read() gives it, with the version of the file and its text. */
type FullRead = () => Promise<[Journal, { version: string; parsed: JournalOnDisk } | undefined]>;

/** rel due's journal: from the summary when there is one that stands for the file, else read in full. */
export function readDue(summary: DueSummary | undefined, full: FullRead): Promise<DueRead> {
  return summary ? summary.readOr(full) : full().then(([journal]) => ({ journal, save: NOTHING_TO_SAVE }));
}

/** The summary of one journal file: where it is kept, and what it is cut under. */
export class DueSummary {
  readonly file: string;

  private constructor(
    stateFolder: string,
    private readonly label: string,
    private readonly target: string,
    private readonly warn: (message: string) => void,
    private readonly rules: () => TogetherRules,
    private readonly now: Date,
  ) {
    this.file = summaryPath(stateFolder, target);
  }

  /** When this store was opened, by the real clock: every version it is given was seen after. */
  private readonly openedAt = Date.now();

  /** None without a state folder or the rules in force (a store opened outside a command). */
  static of(
    options: { stateFolder?: string; dueRules?: DueRules; now?: Date; warn: (message: string) => void },
    file: string,
    target: string,
  ): DueSummary | undefined {
    const { stateFolder, dueRules, warn } = options;
    if (!stateFolder || !dueRules) return undefined;
    return new DueSummary(stateFolder, file, target, warn, dueRules, options.now ?? new Date());
  }

  /**
   * rel due's journal: the summary when it stands for the journal as it is, else the full read,
   * and the summary written from it by save() (or removed now, for an encrypted or older journal).
   * The journal cut down for the summary is what the command then reads, as it would read the
   * summary: its report is the same (core/due-summary.ts), and works through a fraction of the
   * conversations.
   */
  async readOr(full: FullRead): Promise<DueRead> {
    if (!hasPendingForget(this.target)) {
      const found = this.read();
      if (found) {
        for (const w of warningsOnRead(this.label, this.target, found.journal.schema)) this.warn(w);
        return { ...found, save: NOTHING_TO_SAVE };
      }
    }
    const [journal, read] = await full();
    if (!read || read.parsed.sealing || read.parsed.migratedFrom !== undefined) {
      this.remove();
      return { journal, save: NOTHING_TO_SAVE };
    }
    const made = this.cut(journal, read.version);
    if (!made) {
      this.remove();
      return { journal, save: NOTHING_TO_SAVE };
    }
    // The tag was taken of the bytes as they were read (Store.readForDue), and is known by now.
    const of = { version: read.version, tag: () => journalTag(read.parsed.text) };
    return { ...made.cut, whole: journal, save: () => this.save(made, of) };
  }

  /**
   * What rel recorded of the journal when it last wrote it or read it in full (the version of the
   * file and the tag of its text), from the head of the summary alone (its key comes first, as
   * write() puts it); undefined on any doubt: no summary, another format or rel, any other form.
   * A journal read in this very version is one rel wrote or checked itself (journalStamp).
   */
  stamp(): JournalStamp | undefined {
    try {
      const found = STAMP.exec(headOf(this.file, HEAD_BYTES).toString('utf8'));
      if (!found || Number(found[1]) !== FORMAT || JSON.parse(found[2]!) !== REL_VERSION) return undefined;
      return { version: found[3]!, tag: found[4]!, ...(found[5] ? { lines: true as const } : {}) };
    } catch {
      return undefined;
    }
  }

  /** The cut-down journal when the summary stands for the file as it is now; undefined on any doubt. */
  read(): DueJournal | undefined {
    const version = fileVersion(this.target);
    if (version === undefined || version === 'missing') return undefined;
    return this.readOf(version);
  }

  /** The summary's cut-down journal when it stands for this version of the journal; undefined on any doubt. */
  private readOf(version: string): DueJournal | undefined {
    const summary = readSummary<SummaryFile>(this.file, FORMAT, version, [
      'people',
      'conversations',
      'followUps',
    ]);
    try {
      if (!summary?.rules || !sameRules(summary.rules, this.rules()) || typeof summary.horizon !== 'string')
        return undefined;
      return { journal: summary.data, horizon: summary.horizon };
    } catch {
      return undefined;
    }
  }

  /**
   * Writes the summary of `journal`, the journal now at the target in the version given, or
   * removes the one there when that cannot be done. Never throws: a summary not written only
   * means that the next rel due reads the journal in full. `after`: the journal is the version
   * `after.version` with `after.added` conversations put after its own, which are unchanged: its
   * conversations are cut from that version's summary and those added, when that summary stands
   * for it and was cut today under the same rules (else from the journal's, all of them).
   */
  write(
    journal: Journal,
    of: { version: string | undefined; tag: () => string; lines?: true },
    after?: { version: string; added: number },
  ): void {
    const made = this.cut(journal, of.version, after);
    if (made) this.save(made, { ...of, version: of.version! });
    else this.remove();
  }

  /** The journal cut down for the summary, and the rules it was cut under; undefined when it has none. */
  private cut(
    journal: Journal,
    version: string | undefined,
    after?: { version: string; added: number },
  ): { cut: DueJournal; rules: TogetherRules } | undefined {
    try {
      // A journal of another schema is read in full (and upgraded, or refused) as before.
      if (version === undefined || version === 'missing' || journal.schema !== SCHEMA_VERSION)
        return undefined;
      const rules = this.rules();
      const today = toIsoDate(this.now);
      const earlier = after && this.readOf(after.version);
      const cut =
        earlier && after && earlier.horizon === dueHorizon(today)
          ? dueJournalAfter(earlier, journal, after.added, rules, today)
          : dueJournal(journal, rules, today);
      return { cut, rules };
    } catch {
      return undefined;
    }
  }

  /**
   * Writes the summary of a cut, keyed to the version of the journal it was cut from, or removes
   * the one there when that fails; never throws. The file takes its place by rename: a rel
   * stopped at any point leaves the summary there before (which names another version) or this one.
   */
  private save(
    { cut, rules }: { cut: DueJournal; rules: TogetherRules },
    of: { version: string; tag: () => string; lines?: true },
  ): void {
    keepDerivedFile(this.file, () => {
      if (!settled(of.version, this.openedAt)) throw new Error('a version not known for its content');
      const summary: SummaryFile = {
        format: FORMAT,
        rel: REL_VERSION,
        journal: { version: of.version, tag: of.tag(), ...(of.lines ? { lines: of.lines } : {}) },
        path: this.target,
        rules: { writtenKinds: rules.writtenKinds, cadenceCounts: rules.cadenceCounts },
        horizon: cut.horizon,
        data: cut.journal,
      };
      return `${JSON.stringify(summary)}\n`;
    });
    // A write of the journal since the version this was cut from (rel encrypt, rel forget run
    // meanwhile) removed the summary before and after its rename: one written after that is
    // taken back here, so that no summary of an older version (names, follow-ups) stays.
    if (fileVersion(this.target) !== of.version) this.remove();
  }

  /** Removes the summary (rel encrypt, rel forget, sync); never throws. Whether it is gone. */
  remove(): boolean {
    return removeDerivedFile(this.file);
  }
}

/**
 * Whether a version seen after `seenAfter` (ms since 1970) names one content of the file. Where
 * the file system keeps whole seconds (ext2 and ext3 with small inodes, HFS+, FAT with 2 s, many
 * network mounts), an edit in the same second as the version leaves its size and both times as
 * they were: such a version is only known once its seconds were over before it was seen, and a
 * journal written just now gets its summary from the next full read. With sub-second times an
 * edit moves the change time.
 */
function settled(version: string, seenAfter: number): boolean {
  const [, , , mtime, ctime] = version.split(':').map(BigInt);
  const second = 1_000_000_000n;
  if (mtime === undefined || ctime === undefined || mtime % second !== 0n || ctime % second !== 0n)
    return true;
  const seen = BigInt(Math.floor(seenAfter)) * 1_000_000n;
  return seen >= mtime + 2n * second && seen >= ctime + 2n * second;
}

/** What a journal written in `temp` is, before its rename: to know it is still the file after. */
export function writtenAs(temp: string): fs.BigIntStats | undefined {
  try {
    return fs.statSync(temp, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * The version of the file at `target` when it is still the one written (same inode, size and
 * modification time as the temp file renamed onto it): undefined when another writer came in
 * between, so that no summary is keyed to a version it was not made from.
 */
export function versionIfStill(target: string, written: fs.BigIntStats | undefined): string | undefined {
  const version = fileVersion(target);
  if (!written || !version) return undefined;
  const [, ino, size, mtime] = version.split(':');
  return ino === String(written.ino) && size === String(written.size) && mtime === String(written.mtimeNs)
    ? version
    : undefined;
}
