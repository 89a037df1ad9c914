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
  type Snapshot,
  settle,
  snapshot,
  snapshotFromLines,
} from './changes.js';
import type { Loaded } from './codec.js';
import {
  type KeptLines,
  type LinesRegion,
  linesOf,
  type RecordText,
  recordLines,
  recordRegions,
  regionBytes,
} from './format.js';
import { refuseMalformed } from './well-formed.js';

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
  /**
   * Lists the change only adds records to (store.ts UpdateOptions appendsTo): over a file rel
   * wrote, their records are frozen while it runs instead of turned into JSON to be compared after.
   */
  appendsTo?: ReadonlySet<string> | undefined;
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
  let tracked: Tracked<T>;
  try {
    tracked = track(read, work, how, true);
  } catch (error) {
    if (error instanceof FrozenRecordChanged)
      // It changed a record in place after all: run again on a journal of its own, compared after.
      tracked = track(await how.reload(), work, { ...how, appendsTo: undefined }, true);
    else if (error instanceof LayoutMismatch) tracked = track(await how.reload(), work, how, false);
    else throw error;
  }
  await refuseMalformed(how.file, tracked.loaded.journal, tracked.changes);
  return tracked;
}

function track<T>(
  loaded: Loaded,
  work: (journal: Journal) => T,
  how: Tracking,
  fromLines: boolean,
): Tracked<T> {
  const { journal } = loaded;
  refuseNewer(how.file, journal);
  if (fromLines && loaded.migratedFrom === undefined && loaded.ownLines) {
    const regions = recordRegions(loaded.text, journal);
    const held = (journal.tombstones ?? []).some((s) => s.forgotten);
    if (regions && !held) return trackOwn(loaded, regions, work, how);
  }
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
  const textOf = recordTextIn(after);
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

/**
 * The lists rel's own lines can stand for as they are (codec.ts ownLines): every top-level list of
 * records whose ids rel never writes twice (integrity.ts duplicateIds), so that a file it wrote
 * holds each of them once.
 */
const DISTINCT_LISTS = new Set(['people', 'conversations', 'followUps', 'dismissals']);

/** The lists that can be frozen for a change (freezeRecord): those whose records reading never fills in. */
const FREEZABLE = new Set(['conversations']);

/**
 * A list before the change, in a file rel wrote: its records' ids, and where their lines are.
 * `frozen`: its records, frozen for the change (Tracking.appendsTo).
 */
interface OwnList {
  ids: unknown[];
  region: LinesRegion;
  frozen?: readonly unknown[];
}

/** A change tried to change a record frozen for it (a TypeError in strict code, which rel's is). */
class FrozenRecordChanged extends Error {}

/**
 * Freezes a record read from the file, and everything in it: an assignment, push, sort or delete
 * of any part of it then throws (every module of rel is strict code), so that a record still the
 * same object after the change is still what its line says. Conversations are never filled in on
 * reading (core/journal.ts withRecordDefaults), so a line rel wrote is JSON.stringify of the record
 * parsed from it.
 */
function freezeRecord(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  for (const key in value) freezeRecord((value as Record<string, unknown>)[key]);
}

/**
 * track() on a file rel wrote itself, in one pass over each list instead of several: a list whose
 * records are still those of the file, in its order (the change added some at its end, or none),
 * is turned into JSON in one piece and compared with its lines in one piece (the lines without
 * their layout); when they are the same, the file's lines are written as they are and only the
 * records added are stamped and kept for undo. Any other list, and every other field, is tracked
 * as track() does, with its lines cut from the file. The outcome is track()'s to the byte.
 */
function trackOwn<T>(
  loaded: Loaded,
  regions: Map<string, LinesRegion>,
  work: (journal: Journal) => T,
  how: Tracking,
): Tracked<T> {
  const { journal, text } = loaded;
  const fields = journal as unknown as Record<string, unknown>;
  const own = new Map<string, OwnList>();
  /** The fields tracked as track() does: their snapshot before the change. */
  const before: Snapshot = new Map();
  const beforeKeys: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'tombstones') continue;
    beforeKeys.push(key);
    const region = regions.get(key);
    if (region && DISTINCT_LISTS.has(key) && Array.isArray(value)) {
      const ids = value.map((r) => (r as { id?: unknown } | null)?.id);
      const frozen = how.appendsTo?.has(key) && FREEZABLE.has(key) ? value.slice() : undefined;
      for (const record of frozen ?? []) freezeRecord(record);
      own.set(key, frozen ? { ids, region, frozen } : { ids, region });
      continue;
    }
    const lines = region ? new Map([[key, linesOf(text, region)]]) : new Map<string, string[]>();
    for (const [k, field] of snapshotFromLines({ [key]: value }, lines)) before.set(k, field);
  }
  let result: T;
  try {
    result = work(journal);
  } catch (error) {
    const froze = [...own.values()].some((list) => list.frozen);
    throw froze && error instanceof TypeError ? new FrozenRecordChanged(error.message) : error;
  }

  /** The lists whose lines stay, and the records added after them. */
  const kept = new Map<string, KeptLines>();
  const added = new Map<string, Map<string, string>>();
  const afterKeys = Object.keys(fields).filter((key) => key !== 'tombstones');
  for (const key of afterKeys) {
    const list = own.get(key);
    if (!list) continue;
    const count = keptCount(text, list, fields[key]);
    if (count === undefined) {
      // Tracked record by record, with the lines it had before the change.
      before.set(key, linesField(text, list));
      continue;
    }
    const value = fields[key] as { id: string }[];
    const { from, to } = list.region;
    const bytes = loaded.source && regionBytes(text, loaded.source, list.region);
    kept.set(key, { text: text.slice(from, to), count, bytes });
    const texts = new Map<string, string>();
    for (let i = count; i < value.length; i++) texts.set(value[i]!.id, JSON.stringify(value[i]));
    added.set(key, texts);
  }
  // Lists that are gone: what their records were is kept for undo.
  for (const [key, list] of own) if (!(key in fields)) before.set(key, linesField(text, list));

  // The rest as track() goes through it: the fields in the order the journal has them.
  const rest: Record<string, unknown> = {};
  for (const key of afterKeys) if (!kept.has(key)) rest[key] = fields[key];
  const settled = settle(before, rest, withRecordDefaults, true);
  const after: Snapshot = new Map();
  for (const key of afterKeys) {
    const texts = added.get(key);
    const field = texts ? ({ kind: 'records', texts } as const) : settled.get(key);
    if (field) after.set(key, field);
  }
  const textOf = recordTextIn(after);
  if (how.stamp) {
    // The kept records are unchanged: only the rest, and the records added to kept lists (new to
    // their list, so that nothing in it is taken for removed), can be stamped.
    const stamping: Record<string, unknown> = {};
    const previous = new Map<string, Map<string, string>>();
    for (const key of afterKeys) {
      const count = kept.get(key)?.count;
      stamping[key] = count === undefined ? fields[key] : (fields[key] as unknown[]).slice(count);
      if (count !== undefined) previous.set(key, new Map());
    }
    for (const [key, texts] of recordTexts(before)) previous.set(key, texts);
    stamping.tombstones = journal.tombstones;
    const stamped = stampChanges(
      previous,
      stamping as unknown as Journal,
      how.now,
      (collection, record) => textOf(collection, record) ?? JSON.stringify(record),
      how.forget,
    );
    journal.tombstones = (stamping as unknown as Journal).tombstones;
    const restamped = new Set<string>();
    for (const [collection, record] of stamped) {
      const field = after.get(collection);
      if (field?.kind === 'records') field.texts.set(record.id, JSON.stringify(record));
      else restamped.add(collection);
    }
    for (const key of restamped) after.set(key, { kind: 'value', text: JSON.stringify(fields[key]) });
  }
  const distinct = new Set<string>();
  for (const [key, field] of after) if (field.kind === 'records') distinct.add(key);
  for (const key of kept.keys()) distinct.add(key);
  // The changes in the order a diff of every field finds them: the fields as they were, then new ones.
  const from: Snapshot = new Map();
  for (const key of beforeKeys) {
    const field = before.get(key);
    if (field) from.set(key, field);
    else if (added.has(key)) from.set(key, { kind: 'records', texts: new Map() });
  }
  for (const [key, field] of before) if (!from.has(key)) from.set(key, field);
  const texts: RecordText = Object.assign(textOf, { kept: (key: string) => kept.get(key) });
  return { result, changes: diff(from, after), texts, distinct, loaded };
}

/** A list's lines before the change, by the ids its records had then, to be tracked as track() does. */
function linesField(text: string, list: OwnList): Snapshot extends Map<string, infer F> ? F : never {
  const lines = linesOf(text, list.region);
  const texts = new Map<string, string>();
  for (const [i, id] of list.ids.entries()) texts.set(id as string, lines[i]!);
  return { kind: 'records', texts, fromFile: true };
}

/**
 * How many of a list's first records are still the file's lines as they are (all of its records
 * before the change, in their order, unchanged), when the records after them were added by the
 * change (ids new to the list and distinct); undefined when not so. A frozen list's records are
 * unchanged when they are the very objects frozen; any other list is turned into JSON to be
 * compared with its lines.
 */
function keptCount(text: string, list: OwnList, value: unknown): number | undefined {
  const { ids, region, frozen } = list;
  if (!Array.isArray(value) || value.length < ids.length) return undefined;
  for (let i = 0; i < ids.length; i++)
    if ((value[i] as { id?: unknown } | null)?.id !== ids[i]) return undefined;
  const same = frozen?.every((record, i) => value[i] === record) === true;
  if (value.length > ids.length) {
    // A few added (a conversation logged): looked for among the ids, not put in a set of them all.
    const few = value.length - ids.length <= 16;
    const known = few ? undefined : new Set(ids);
    for (let i = ids.length; i < value.length; i++) {
      const id = (value[i] as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return undefined;
      const seen = known
        ? known.has(id)
        : ids.includes(id) || value.slice(ids.length, i).some((r) => r.id === id);
      if (seen) return undefined;
      known?.add(id);
    }
  }
  if (same) return ids.length;
  const whole = JSON.stringify(value);
  const end = linesIn(whole, text, region);
  return end !== undefined && whole[end] === (value.length > ids.length ? ',' : ']') ? ids.length : undefined;
}

/**
 * Where the region's lines end in `whole`, a list's JSON, when it starts with them (after its
 * `[`), a `,` between each two, as JSON.stringify joins records; undefined when not. Line by line:
 * two short slices of flat strings compare at once, where taking the layout out of the whole region
 * first made a copy of it, as long as the list, to compare in one piece.
 */
function linesIn(whole: string, text: string, region: LinesRegion): number | undefined {
  let at = 1;
  let from = region.from;
  // A line holds no newline (JSON has none raw): the layout between lines is ",\n    ", nothing else.
  for (let i = 0; i < region.count; i++) {
    const last = i === region.count - 1;
    const to = last ? region.to : text.indexOf('\n', from) - 1;
    if (to < from || whole.slice(at, at + to - from) !== text.slice(from, to)) return undefined;
    at += to - from;
    if (last) return at;
    if (whole.charCodeAt(at) !== 0x2c) return undefined;
    at += 1;
    from = to + 6;
  }
  return undefined;
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

/** A record's text as a snapshot of the journal after the change holds it; undefined when not there. */
function recordTextIn(after: Snapshot): (collection: string, record: { id?: unknown }) => string | undefined {
  return (collection, record) => {
    const field = after.get(collection);
    return field?.kind === 'records' && typeof record.id === 'string'
      ? field.texts.get(record.id)
      : undefined;
  };
}
