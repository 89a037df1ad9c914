// Merging journals that diverged (two machines, a conflict copy): a three-way merge that cannot
// conflict, and a two-way fold when no common ancestor is known.
//
// Every top-level list of records with an `id` is a collection (people, conversations, followUps
// and any added later). Records are matched by id; a record added on either side is kept; a field
// changed on one side is taken from that side; a field changed on both sides goes to the record
// with the later `updatedAt` (ties broken by comparing the values, so the result does not depend
// on which side is "ours"). Lists of records inside a record (a person's ambitions) merge the same
// way; lists of strings (tags, aliases) merge as sets. Deletions travel as tombstones: a
// tombstoned record never comes back, and a person merged into another re-points the other
// side's conversations and follow-ups to the person they went into.
import type { Journal, Tombstone } from './journal.js';
import { tombstoneKey } from './tombstones.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type JournalRecord = JsonObject & { id: string };

/** symmetric: a three-way merge whose result is the same whichever side is "ours". */
type Mode = 'symmetric' | 'fold';

/**
 * The three-way merge of two journals that share the ancestor `base`. With `base` null it is the
 * two-way fold (a conflict copy): nothing can be known to be deleted except by tombstones, so both
 * sides' records are kept and fields that differ go to the later `updatedAt`.
 */
export function mergeJournals(base: Journal | null, ours: Journal, theirs: Journal): Journal {
  const mode: Mode = base ? 'symmetric' : 'fold';
  // Copies: the result shares no object with the inputs, which stay as they were.
  const b = structuredClone(base ?? {}) as unknown as JsonObject;
  const o = structuredClone(ours) as unknown as JsonObject;
  const t = structuredClone(theirs) as unknown as JsonObject;
  const tombstones = breakMergeCycles(
    mergeTombstones((ours.tombstones ?? []) as Tombstone[], (theirs.tombstones ?? []) as Tombstone[]),
  );
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
        base ? ((bv ?? []) as JournalRecord[]) : undefined,
        (ov ?? []) as JournalRecord[],
        (tv ?? []) as JournalRecord[],
        mode,
        'top-level',
      );
    } else {
      const value = mergeField(base ? bv : undefined, ov, tv, Boolean(base), mode, ['', '']);
      if (value !== undefined) result[key] = value;
    }
  }
  result.tombstones = tombstones as unknown as Json;
  return applyTombstones(result as unknown as Journal);
}

/** The two-way fold of a conflict copy into a journal. */
export function foldJournals(ours: Journal, theirs: Journal): Journal {
  return mergeJournals(null, ours, theirs);
}

function stampOf(record: JsonObject): string {
  const stamp = record.updatedAt ?? record.createdAt;
  return typeof stamp === 'string' ? stamp : '';
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRecordList(value: Json | undefined): value is JournalRecord[] {
  return Array.isArray(value) && value.every((item) => isObject(item) && typeof item.id === 'string');
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
    return mergeSet(hasBase ? (base ?? []) : undefined, ours, theirs, mode);
  }
  const [ourStamp, theirStamp] = stamps;
  if (ourStamp !== theirStamp) return ourStamp > theirStamp ? ours : theirs;
  return compareValues(ours, theirs) >= 0 ? ours : theirs;
}

/** Lists of plain values as sets: what either side added is kept, what either side removed goes. */
function mergeSet<T extends Json>(base: T[] | undefined, ours: T[], theirs: T[], mode: Mode): T[] {
  const has = (list: T[], value: T) => list.some((item) => deepEqual(item, value));
  if (!base) {
    const out = [...ours];
    for (const item of theirs) if (!has(out, item)) out.push(item);
    return mode === 'fold' ? out : [...out].sort(compareValues);
  }
  const kept = base.filter((item) => has(ours, item) && has(theirs, item));
  const added = [...ours, ...theirs].filter((item) => !has(base, item));
  const out = [...kept];
  for (const item of [...added].sort(compareValues)) if (!has(out, item)) out.push(item);
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
  base: JournalRecord[] | undefined,
  ours: JournalRecord[],
  theirs: JournalRecord[],
  mode: Mode,
  parentStamps: [string, string] | 'top-level',
): JournalRecord[] {
  const byId = (list: JournalRecord[]) => new Map(list.map((r) => [r.id, r]));
  const [bMap, oMap, tMap] = [byId(base ?? []), byId(ours), byId(theirs)];
  const out: JournalRecord[] = [];
  for (const id of recordOrder(base, ours, theirs, mode)) {
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
  base: JournalRecord | undefined,
  ours: JournalRecord,
  theirs: JournalRecord,
  hasBase: boolean,
  mode: Mode,
  stamps: [string, string],
): JournalRecord {
  const known = hasBase && base !== undefined;
  const out: JsonObject = {};
  for (const key of keyOrder(base, ours, theirs, mode)) {
    if (key === 'updatedAt') {
      const latest = [ours.updatedAt, theirs.updatedAt].filter((v) => typeof v === 'string').sort();
      if (latest.length) out.updatedAt = latest[latest.length - 1]!;
      continue;
    }
    const value = mergeField(known ? base[key] : undefined, ours[key], theirs[key], known, mode, stamps);
    if (value !== undefined) out[key] = value;
  }
  return out as JournalRecord;
}

/** The ancestor's order for records it had, then new records by creation time and id. */
function recordOrder(
  base: JournalRecord[] | undefined,
  ours: JournalRecord[],
  theirs: JournalRecord[],
  mode: Mode,
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
  const added = new Map<string, JournalRecord>();
  for (const r of [...ours, ...theirs]) if (!seen.has(r.id) && !added.has(r.id)) added.set(r.id, r);
  const created = (r: JournalRecord) => {
    const c = r.createdAt ?? r.addedOn;
    return typeof c === 'string' ? c : '';
  };
  const sorted = [...added.values()].sort((a, b) => {
    const ca = created(a);
    const cb = created(b);
    if (ca !== cb) return ca < cb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  for (const r of sorted) take(r.id);
  return order;
}

/** Both sides' tombstones; the same record tombstoned twice keeps one, chosen deterministically. */
export function mergeTombstones(ours: Tombstone[], theirs: Tombstone[]): Tombstone[] {
  const byKey = new Map<string, Tombstone>();
  for (const stone of [...ours, ...theirs]) {
    const key = `${stone.collection}\0${stone.idHash}`;
    const held = byKey.get(key);
    if (!held || preferStone(stone, held)) byKey.set(key, stone);
  }
  return [...byKey.values()].sort((a, b) => {
    const ka = `${a.deletedAt}\0${a.collection}\0${a.idHash}`;
    const kb = `${b.deletedAt}\0${b.collection}\0${b.idHash}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/**
 * Two machines that merged the same two people in opposite directions (x into y here, y into x
 * there) would leave nobody: the person with the smallest id in such a cycle stays.
 */
function breakMergeCycles(stones: Tombstone[]): Tombstone[] {
  const merges = new Map<string, Tombstone>();
  for (const s of stones) if (s.collection === 'people' && s.mergedInto) merges.set(s.idHash, s);
  const freed = new Set<Tombstone>();
  for (const start of merges.values()) {
    const path: string[] = [];
    let stone: Tombstone | undefined = start;
    while (stone?.mergedInto && !path.includes(stone.mergedInto) && path.length <= merges.size) {
      path.push(stone.mergedInto);
      stone = merges.get(tombstoneKey('people', stone.mergedInto));
      if (stone && freed.has(stone)) break;
    }
    if (!stone?.mergedInto || !path.includes(stone.mergedInto)) continue;
    const cycle = path.slice(path.indexOf(stone.mergedInto));
    const survivor = [...cycle].sort()[0]!;
    const survivorStone = merges.get(tombstoneKey('people', survivor));
    if (survivorStone) freed.add(survivorStone);
  }
  return freed.size ? stones.filter((s) => !freed.has(s)) : stones;
}

/** A merge (which re-points) beats a plain deletion; then the earlier one; then by value. */
function preferStone(candidate: Tombstone, held: Tombstone): boolean {
  if (Boolean(candidate.mergedInto) !== Boolean(held.mergedInto)) return Boolean(candidate.mergedInto);
  if (candidate.deletedAt !== held.deletedAt) return candidate.deletedAt < held.deletedAt;
  return JSON.stringify(candidate) < JSON.stringify(held);
}

/** Fields of records elsewhere that hold person ids; `personIds` before the `personId` it backs. */
const PERSON_REFERENCES = ['personIds', 'personId', 'with'] as const;

/**
 * Removes tombstoned records and re-points references to people merged into others. A person
 * deleted outright (forgotten) takes with them the records that were only about them.
 */
export function applyTombstones(journal: Journal): Journal {
  const stones = journal.tombstones ?? [];
  if (!stones.length) return journal;
  const dead = new Map<string, Tombstone>(stones.map((s) => [`${s.collection}\0${s.idHash}`, s]));
  const keyCache = new Map<string, string>();
  const stoneOf = (collection: string, id: string): Tombstone | undefined => {
    const cacheKey = `${collection}\0${id}`;
    let key = keyCache.get(cacheKey);
    if (key === undefined) {
      key = `${collection}\0${tombstoneKey(collection, id)}`;
      keyCache.set(cacheKey, key);
    }
    return dead.get(key);
  };
  /** Where a person's records belong now: themselves, the person they were merged into, or nobody. */
  const personFate = (id: string): string | null => {
    let current = id;
    for (let hops = 0; hops < 100; hops++) {
      const stone = stoneOf('people', current);
      if (!stone) return current;
      if (!stone.mergedInto) return null;
      current = stone.mergedInto;
    }
    return null; // a cycle of merges: nobody left to point at
  };

  const data = journal as unknown as JsonObject;
  const people = isRecordList(data.people) ? data.people : [];
  const survivors = new Map(people.filter((p) => !stoneOf('people', p.id)).map((p) => [p.id, p]));
  // Records inside a merged-away person that the other side added after the merge move along.
  for (const person of people) {
    const stone = stoneOf('people', person.id);
    if (!stone?.mergedInto) continue;
    const fate = personFate(person.id);
    const keeper = fate ? survivors.get(fate) : undefined;
    if (!keeper) continue;
    for (const [field, value] of Object.entries(person)) {
      const kept = keeper[field];
      if (!isRecordList(value) || !isRecordList(kept ?? [])) continue;
      const have = new Set((kept as JournalRecord[] | undefined)?.map((r) => r.id));
      const moved = value.filter((r) => !have.has(r.id));
      if (moved.length) keeper[field] = [...((kept as JournalRecord[] | undefined) ?? []), ...moved];
    }
  }

  for (const [collection, value] of Object.entries(data)) {
    if (collection === 'tombstones' || !isRecordList(value)) continue;
    const kept: JournalRecord[] = [];
    for (const record of value) {
      if (stoneOf(collection, record.id)) continue;
      if (collection !== 'people' && !repoint(record, personFate)) continue;
      kept.push(record);
    }
    data[collection] = kept;
  }
  return journal;
}

/** Re-points a record's person references; false when the record was only about deleted people. */
function repoint(record: JournalRecord, personFate: (id: string) => string | null): boolean {
  for (const field of PERSON_REFERENCES) {
    const value = record[field];
    if (typeof value === 'string') {
      const fate = personFate(value);
      // A follow-up made for a group goes on with the others (its personIds, re-pointed above).
      const others = field === 'personId' ? record.personIds : undefined;
      if (fate === null && Array.isArray(others) && typeof others[0] === 'string') {
        record[field] = others[0];
        continue;
      }
      if (fate === null) return false;
      if (fate !== value) record[field] = fate;
    } else if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'string')) {
      const fates = (value as string[]).map(personFate).filter((v): v is string => v !== null);
      const unique = [...new Set(fates)];
      if (!unique.length) return false;
      if (unique.length !== value.length || unique.some((v, i) => v !== value[i])) record[field] = unique;
    }
  }
  return true;
}
