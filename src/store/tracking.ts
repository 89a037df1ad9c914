// Change tracking: a change runs on the journal as read under the lock and comes back with what
// it changed, record by record (for undo and its summary), its records stamped (updatedAt,
// tombstones: a synced copy takes the change too), and the records' JSON for the write to reuse.
import { type Journal, SCHEMA_VERSION, withRecordDefaults } from '../core/journal.js';
import { keepForgets } from '../core/merge-tombstones.js';
import { stampChanges } from '../core/tombstones.js';
import { StoreError } from '../errors.js';
import {
  type Change,
  diff,
  LayoutMismatch,
  recordTexts,
  settle,
  snapshot,
  snapshotFromLines,
} from './changes.js';
import type { Loaded } from './codec.js';
import { type RecordText, recordLines } from './format.js';

/** What a change did: its result, the records it changed, and their JSON for the write to reuse. */
export interface Tracked<T> {
  result: T;
  changes: Change[];
  texts: RecordText;
  /** The top-level lists of records whose ids it found distinct (the commit need not look again). */
  distinct: ReadonlySet<string>;
  /** The journal it ran on: the one given, or the file parsed afresh (see trackChange). */
  loaded: Loaded;
}

export interface Tracking {
  /** The journal's name in messages. */
  file: string;
  now: Date;
  /** false for a merge: its records keep the stamps they came with. */
  stamp: boolean;
  /** A forget: the tombstones it leaves say so. */
  forget?: boolean;
  /** The file parsed afresh, not from the lines of the last read. */
  reload: () => Promise<Loaded>;
}

/**
 * Runs `work` on the journal read under the lock, stamps `updatedAt` and tombstones (unless told
 * not to) and says what changed. Records' texts before the change come from the file's lines when
 * it is laid out as rel writes it; when a line turns out not to hold its record, the file is
 * parsed afresh and `work` runs again on that, with a snapshot taken the slow way.
 */
export async function trackChange<T>(
  read: Loaded,
  work: (journal: Journal) => T,
  how: Tracking,
): Promise<Tracked<T>> {
  try {
    return track(read, work, how, true);
  } catch (error) {
    if (!(error instanceof LayoutMismatch)) throw error;
    return track(await how.reload(), work, how, false);
  }
}

function track<T>(
  loaded: Loaded,
  work: (journal: Journal) => T,
  how: Tracking,
  fromLines: boolean,
): Tracked<T> {
  const { journal } = loaded;
  refuseNewer(how.file, journal);
  const lines =
    fromLines && loaded.migratedFrom === undefined ? recordLines(loaded.text, journal) : undefined;
  const before = lines ? snapshotFromLines(journal, lines) : snapshot(journal);
  const held = (journal.tombstones ?? []).filter((s) => s.forgotten);
  const result = work(journal);
  // No change takes back a forget: an undo, or a merge with a copy from before it, that brings
  // back what a forget removed (or drops its tombstones) is made to keep the forget.
  if (held.length) {
    const texts = recordTexts(before);
    keepForgets(journal, held, (collection, id) => !texts.get(collection)?.has(id));
  }
  const after = settle(before, journal, withRecordDefaults, lines !== undefined && loaded.ownLines === true);
  const textOf = (collection: string, record: { id?: unknown }) => {
    const field = after.get(collection);
    return field?.kind === 'records' && typeof record.id === 'string'
      ? field.texts.get(record.id)
      : undefined;
  };
  if (how.stamp) {
    const stamped = stampChanges(
      recordTexts(before),
      journal,
      how.now,
      (collection, record) => textOf(collection, record) ?? JSON.stringify(record),
      how.forget,
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
  const distinct = new Set<string>();
  for (const [key, field] of after) if (field.kind === 'records') distinct.add(key);
  return { result, changes: diff(before, after), texts: textOf, distinct, loaded };
}

/** A journal of a newer schema is read as far as this rel understands it, and never written. */
export function refuseNewer(file: string, journal: Journal): void {
  if (journal.schema > SCHEMA_VERSION) {
    throw new StoreError(
      `${file} was written by a newer rel (schema ${journal.schema}); this rel knows schema ${SCHEMA_VERSION} and will not change it.`,
      'Upgrade rel to write to this journal.',
    );
  }
}
