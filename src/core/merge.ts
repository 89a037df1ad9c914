// Merging journals that diverged (two machines, a conflict copy): a three-way merge that cannot
// conflict, and a two-way fold when no common ancestor is known.
//
// Every top-level list of records with an `id` is a collection (people, conversations, followUps
// and any added later). Records are matched by id; a record added on either side is kept; a field
// changed on one side is taken from that side; a field changed on both sides goes to the record
// with the later `updatedAt` (ties broken by comparing the values, so the result does not depend
// on which side is "ours"). Lists of records inside a record (a person's ambitions) merge the same
// way; lists of strings (tags, aliases) merge as sets. Neither is re-sorted: what the sides added
// follows what they shared, each side's in its order (recordOrder, mergeSet). Two people made apart with one id (two
// "Sam Lee") are kept apart: the later one takes another id first. Deletions travel as tombstones: a
// tombstoned record never comes back, and a person merged into another re-points the other
// side's conversations and follow-ups to the person they went into.
import type { Journal, Tombstone } from './journal.js';
import { isRecordList, type Json, type JsonObject, type JsonRecord } from './json-records.js';
import { type MovedPerson, placeChangesToMerged, undoLosingMerges } from './merge-moved.js';
import { type Separated, separateNamesakes } from './merge-namesakes.js';
import { applyTombstones, breakMergeCycles, mergeTombstones } from './merge-tombstones.js';

/** symmetric: a three-way merge whose result is the same whichever side is "ours". */
type Mode = 'symmetric' | 'fold';

/**
 * The three-way merge of two journals that share the ancestor `base`. With `base` null it is the
 * two-way fold (a conflict copy): nothing can be known to be deleted except by tombstones, so both
 * sides' records are kept and fields that differ go to the later `updatedAt`.
 */
export function mergeJournals(
  base: Journal | null,
  ours: Journal,
  theirs: Journal,
  /** Filled with the people given another id (merge-namesakes.ts), for the caller to tell. */
  separated: Separated[] = [],
  /** Filled with the people merged away on one side and changed on the other (merge-moved.ts). */
  moved: MovedPerson[] = [],
): Journal {
  const mode: Mode = base ? 'symmetric' : 'fold';
  // Copies: the result shares no object with the inputs, which stay as they were.
  const b = structuredClone(base ?? {}) as unknown as JsonObject;
  const o = structuredClone(ours) as unknown as JsonObject;
  const t = structuredClone(theirs) as unknown as JsonObject;
  const tombstones = breakMergeCycles(
    mergeTombstones(
      (ours.tombstones ?? []) as Tombstone[],
      (theirs.tombstones ?? []) as Tombstone[],
      (base?.tombstones ?? []) as Tombstone[],
    ),
  );
  if (base) undoLosingMerges(b, [o, t], tombstones, moved);
  separated.push(...separateNamesakes(base ? b : undefined, o, t, tombstones));
  const result: JsonObject = {};
  for (const key of keyOrder(base ? b : undefined, o, t, mode)) {
    if (key === 'tombstones') continue;
    if (key === 'schema') {
      result.schema = Math.max(Number(o.schema ?? 0), Number(t.schema ?? 0));
      continue;
    }
    const [bv, ov, tv] = [b[key], o[key], t[key]];
    if (isRecordList(ov ?? []) && isRecordList(tv ?? []) && (ov || tv)) {
      result[key] = mergeCollection(
        base ? ((bv ?? []) as JsonRecord[]) : undefined,
        (ov ?? []) as JsonRecord[],
        (tv ?? []) as JsonRecord[],
        mode,
        'top-level',
      );
      if (key === 'conversations')
        keepSomeoneIn(result[key] as JsonRecord[], [bv, ov, tv] as (JsonRecord[] | undefined)[]);
    } else {
      const value = mergeField(base ? bv : undefined, ov, tv, Boolean(base), mode, ['', '']);
      if (value !== undefined) result[key] = value;
    }
  }
  result.tombstones = tombstones as unknown as Json;
  const nested = (bb: JsonRecord | undefined, oo: JsonRecord, tt: JsonRecord, stamps: [string, string]) =>
    mergeRecord(bb, oo, tt, bb !== undefined, mode, stamps);
  placeChangesToMerged(base ? b : null, [o, t], result, tombstones, nested, moved);
  return applyTombstones(result as unknown as Journal);
}

/**
 * A conversation of two where each side took out a different one (each forgot one, or merged
 * them in opposite directions) merges, as a set, to no one, which no journal can hold. It gets
 * everyone either side had instead; the tombstones then do what each side did: the forgotten
 * leave (a conversation left with no one known goes, as a forget here would drop it) and the
 * merged-away are re-pointed to their keeper.
 */
function keepSomeoneIn(merged: JsonRecord[], sides: (JsonRecord[] | undefined)[]): void {
  const emptied = merged.filter((c) => Array.isArray(c.with) && c.with.length === 0);
  if (!emptied.length) return;
  const ids = new Set(emptied.map((c) => c.id));
  const everyone = new Map<string, string[]>();
  for (const side of sides)
    for (const c of side ?? []) {
      if (!ids.has(c.id) || !Array.isArray(c.with)) continue;
      const list = everyone.get(c.id) ?? [];
      for (const id of c.with) if (typeof id === 'string' && !list.includes(id)) list.push(id);
      everyone.set(c.id, list);
    }
  for (const c of emptied) c.with = everyone.get(c.id) ?? [];
}

/** The two-way fold of a conflict copy into a journal. */
export function foldJournals(
  ours: Journal,
  theirs: Journal,
  separated: Separated[] = [],
  moved: MovedPerson[] = [],
): Journal {
  return mergeJournals(null, ours, theirs, separated, moved);
}

function stampOf(record: JsonObject): string {
  const stamp = record.updatedAt ?? record.createdAt;
  return typeof stamp === 'string' ? stamp : '';
}

function isScalarList(value: Json | undefined): value is (string | number | boolean | null)[] {
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && deepEqual(ao[k], bo[k]));
}

/** A total order on values, for breaking ties the same way whichever side is which. */
function compareValues(a: Json | undefined, b: Json | undefined): number {
  const sa = JSON.stringify(a) ?? '';
  const sb = JSON.stringify(b) ?? '';
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Key order of a merged object: the sides' own order when they agree; otherwise the ancestor's
 * keys, then the rest sorted (so that the order does not depend on which side is which).
 */
function keyOrder(base: JsonObject | undefined, ours: JsonObject, theirs: JsonObject, mode: Mode): string[] {
  const ok = Object.keys(ours);
  const tk = Object.keys(theirs);
  if (ok.length === tk.length && ok.every((k, i) => k === tk[i])) return ok;
  if (mode === 'fold') return [...new Set([...ok, ...tk])];
  const first = base ? Object.keys(base).filter((k) => k in ours || k in theirs) : [];
  const rest = [...new Set([...ok, ...tk])].filter((k) => !first.includes(k)).sort();
  return [...first, ...rest];
}

/**
 * One field of a record present on both sides. `hasBase` says whether the ancestor's value is
 * known (it may be undefined because the field is new); stamps are the records' `updatedAt`.
 */
function mergeField(
  base: Json | undefined,
  ours: Json | undefined,
  theirs: Json | undefined,
  hasBase: boolean,
  mode: Mode,
  stamps: [string, string],
): Json | undefined {
  if (deepEqual(ours, theirs)) return ours;
  if (hasBase) {
    if (deepEqual(ours, base)) return theirs;
    if (deepEqual(theirs, base)) return ours;
  }
  // Changed on both sides (or no ancestor to tell).
  if (isRecordList(ours) && isRecordList(theirs) && (base === undefined || isRecordList(base))) {
    return mergeCollection(hasBase ? (base ?? []) : undefined, ours, theirs, mode, stamps);
  }
  if (isScalarList(ours) && isScalarList(theirs) && (base === undefined || isScalarList(base))) {
    return mergeSet(hasBase ? (base ?? []) : undefined, ours, theirs, mode, stamps);
  }
  const [ourStamp, theirStamp] = stamps;
  if (ourStamp !== theirStamp) return ourStamp > theirStamp ? ours : theirs;
  return compareValues(ours, theirs) >= 0 ? ours : theirs;
}

/**
 * Lists of plain values as sets: what either side added is kept, what either side removed goes.
 * In the order written: the ancestor's, then what each side added, in that side's order, first
 * from the side whose record changed earlier (`stamps`; a tie by the values added), so that the
 * result is the same whichever side is "ours" and no side's list is re-sorted.
 */
function mergeSet<T extends Json>(
  base: T[] | undefined,
  ours: T[],
  theirs: T[],
  mode: Mode,
  stamps: [string, string],
): T[] {
  const has = (list: T[], value: T) => list.some((item) => deepEqual(item, value));
  const had = base ?? [];
  const out = base ? base.filter((item) => has(ours, item) && has(theirs, item)) : [];
  const added = (side: T[]) => side.filter((item) => !has(had, item));
  const [ourAdded, theirAdded] = [added(ours), added(theirs)];
  const [ourStamp, theirStamp] = stamps;
  const oursFirst =
    mode === 'fold' ||
    (ourStamp !== theirStamp ? ourStamp < theirStamp : compareValues(ourAdded, theirAdded) <= 0);
  for (const item of oursFirst ? [...ourAdded, ...theirAdded] : [...theirAdded, ...ourAdded])
    if (!has(out, item)) out.push(item);
  return out;
}

/**
 * A list of records matched by id. `base` undefined: no ancestor (fold, or a list new on both
 * sides in a fold). `parentStamps`: for records inside a record, the parent's `updatedAt` decides
 * fields changed on both sides and a record missing on one side was deleted there. Top-level
 * records carry their own stamps, and their deletions are told by tombstones alone (applied
 * afterwards), so one missing on one side is kept.
 */
function mergeCollection(
  base: JsonRecord[] | undefined,
  ours: JsonRecord[],
  theirs: JsonRecord[],
  mode: Mode,
  parentStamps: [string, string] | 'top-level',
): JsonRecord[] {
  const byId = (list: JsonRecord[]) => new Map(list.map((r) => [r.id, r]));
  const [bMap, oMap, tMap] = [byId(base ?? []), byId(ours), byId(theirs)];
  const out: JsonRecord[] = [];
  for (const id of recordOrder(base, ours, theirs, mode, parentStamps)) {
    const [b, o, t] = [bMap.get(id), oMap.get(id), tMap.get(id)];
    if (o && t) {
      const stamps: [string, string] = parentStamps === 'top-level' ? [stampOf(o), stampOf(t)] : parentStamps;
      out.push(mergeRecord(b, o, t, base !== undefined, mode, stamps));
    } else if (o || t) {
      // On one side only: added there (kept), or deleted on the other side (gone).
      if (!b || parentStamps === 'top-level') out.push((o ?? t)!);
    }
  }
  return out;
}

function mergeRecord(
  base: JsonRecord | undefined,
  ours: JsonRecord,
  theirs: JsonRecord,
  hasBase: boolean,
  mode: Mode,
  stamps: [string, string],
): JsonRecord {
  const known = hasBase && base !== undefined;
  const out: JsonObject = {};
  const paired = mergePairedLists(known ? base : undefined, ours, theirs, known, mode, stamps);
  for (const key of keyOrder(base, ours, theirs, mode)) {
    if (key === 'updatedAt') {
      const latest = [ours.updatedAt, theirs.updatedAt].filter((v) => typeof v === 'string').sort();
      if (latest.length) out.updatedAt = latest[latest.length - 1]!;
      continue;
    }
    const value =
      paired && key in paired
        ? paired[key]
        : mergeField(known ? base[key] : undefined, ours[key], theirs[key], known, mode, stamps);
    if (value !== undefined) out[key] = value;
  }
  return out as JsonRecord;
}

/**
 * A conversation's listening notes (`heard`) and whom each was heard from (`heardFrom`) are one
 * list kept as two, matched by position. Merged apart, as two sets, they fall out of step when
 * both sides changed them (one note added on each side, or a second note from the same person,
 * which a set keeps once), and notes are then put in the mouth of someone else. So when the two
 * fields do not each come whole from one side in step, they are merged as one set of pairs, then
 * split again. Undefined: the record has no such pair, or the fields merge as before.
 */
function mergePairedLists(
  base: JsonRecord | undefined,
  ours: JsonRecord,
  theirs: JsonRecord,
  hasBase: boolean,
  mode: Mode,
  stamps: [string, string],
): Record<string, Json | undefined> | undefined {
  if (!('heardFrom' in ours || 'heardFrom' in theirs || (base && 'heardFrom' in base))) return undefined;
  const notes = [base?.heard, ours.heard, theirs.heard];
  if (!notes.every((list) => list === undefined || isScalarList(list))) return undefined;
  const fieldWise = (key: string) => mergeField(base?.[key], ours[key], theirs[key], hasBase, mode, stamps);
  const wholeFromOneSide = (key: string) =>
    deepEqual(ours[key], theirs[key]) ||
    (hasBase && (deepEqual(ours[key], base?.[key]) || deepEqual(theirs[key], base?.[key])));
  if (wholeFromOneSide('heard') && wholeFromOneSide('heardFrom')) {
    const heard = fieldWise('heard');
    const heardFrom = fieldWise('heardFrom');
    const length = (list: Json | undefined) => (Array.isArray(list) ? list.length : 0);
    if (heardFrom === undefined || length(heard) === length(heardFrom)) return { heard, heardFrom };
  }
  const pairs = (record: JsonRecord | undefined): Json[] | undefined => {
    if (!record || !Array.isArray(record.heard)) return record ? [] : undefined;
    const from = Array.isArray(record.heardFrom) ? record.heardFrom : [];
    return record.heard.map((note, i) => [note, from[i] ?? null]);
  };
  const merged = mergeSet(
    hasBase ? (pairs(base) ?? []) : undefined,
    pairs(ours) ?? [],
    pairs(theirs) ?? [],
    mode,
    stamps,
  );
  const split = merged as [Json, Json][];
  const heardFrom = split.map(([, from]) => from);
  const kept = 'heardFrom' in ours || 'heardFrom' in theirs || heardFrom.some((from) => from !== null);
  return { heard: split.map(([note]) => note), heardFrom: kept ? heardFrom : undefined };
}

/**
 * The ancestor's order for records it had, then the new ones in the order written: each side's
 * as that side has them (never re-sorted), the two taken in turn by when each was made
 * (`createdAt`, or the day of a person's note, ambition or thanks). Made at the same time (the
 * same day, for those that hold only a day): top-level records by id, as before; those inside a
 * record go first from the side that changed the record earlier (`parentStamps`), so that a
 * day's notes written on one machine stay together, in their order.
 */
function recordOrder(
  base: JsonRecord[] | undefined,
  ours: JsonRecord[],
  theirs: JsonRecord[],
  mode: Mode,
  parentStamps: [string, string] | 'top-level',
): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const take = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  };
  if (mode === 'fold') {
    for (const r of [...ours, ...theirs]) take(r.id);
    return order;
  }
  for (const r of base ?? []) take(r.id);
  const created = (r: JsonRecord) => {
    const c = r.createdAt ?? r.addedOn ?? r.on;
    return typeof c === 'string' ? c : '';
  };
  /** Whether ours' next record goes before theirs'; the same whichever side is which. */
  const oursFirst = (o: JsonRecord, t: JsonRecord): boolean => {
    const [co, ct] = [created(o), created(t)];
    if (co !== ct) return co < ct;
    if (parentStamps === 'top-level') return o.id < t.id;
    const [so, st] = parentStamps;
    if (so !== st) return so < st;
    return compareValues(o, t) <= 0;
  };
  const [o, t] = [ours.filter((r) => !seen.has(r.id)), theirs.filter((r) => !seen.has(r.id))];
  let [i, j] = [0, 0];
  while (i < o.length || j < t.length) {
    if (i < o.length && seen.has(o[i]!.id)) i++;
    else if (j < t.length && seen.has(t[j]!.id)) j++;
    else if (j >= t.length || (i < o.length && oursFirst(o[i]!, t[j]!))) take(o[i++]!.id);
    else take(t[j++]!.id);
  }
  return order;
}
