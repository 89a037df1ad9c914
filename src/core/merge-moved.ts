// A person one side merged into another (rel merge) while the other side went on changing them.
// The tombstone takes the duplicate out of the merged journal; what the other side gave them
// meanwhile (a role, tags, an alias, a skill) belongs to the person kept, and is put there,
// field by field, as rel merge fills the person kept. What cannot be placed (the person kept has a
// value of their own) is said, never dropped in silence. And when each side merged the one
// duplicate into a different person, the merge the tombstones keep stands: the other side's
// merge is taken back before the sides are merged (its duplicate put back as the ancestor had
// them, with that side's changes since), so that the duplicate's records go to one person only.
import type { Tombstone } from './journal.js';
import { isRecordList, type Json, type JsonObject, type JsonRecord } from './json-records.js';
import { FILLED_ON_MERGE, OWN_ON_MERGE, PERSON_REFERENCES } from './record-fields.js';
import { normalize } from './text.js';
import { stoneCovers, tombstoneKey } from './tombstones.js';

/** What a merge of journals did with a person merged away on one side and changed on the other. */
export type MovedPerson =
  | {
      kind: 'changed';
      /** The duplicate's name, and the person kept. */
      name: string;
      keeper: { id: string; name: string };
      /** The side that changed the duplicate: 0 "ours", 1 "theirs" (the other side merged them). */
      changedBy: 0 | 1;
      /** The fields of the duplicate's changes that the person kept took. */
      taken: string[];
      /** Changes the person kept could not take: they have a value of their own. */
      notPlaced: { field: string; value: Json | undefined; keeper: Json | undefined }[];
    }
  | {
      kind: 'twoKeepers';
      name: string;
      /** The merge kept, and the one taken back; `side` made the one taken back. */
      kept: { id: string; name: string };
      other: { id: string; name: string };
      side: 0 | 1;
      /** The merge kept is the one made first; false: that one would have gone round in a circle. */
      first: boolean;
      /** What the merge taken back had given `other` that goes to `kept`, by kind. */
      moved: { conversations: number; followUps: number; facts: number };
    };

/** Merges one record that both places hold (merge.ts mergeRecord, with its sides' stamps). */
export type MergeNested = (
  base: JsonRecord | undefined,
  ours: JsonRecord,
  theirs: JsonRecord,
  stamps: [string, string],
) => JsonRecord;

/** Fields rel merge fills in the person kept when theirs is empty (people.ts mergePeople). */
const FILLED = new Set<string>(FILLED_ON_MERGE);
/** Fields that say who the record is, not what is known of them (and an undo's mark). */
const OWN = new Set<string>([...OWN_ON_MERGE, 'restores']);

const peopleOf = (side: JsonObject): JsonRecord[] =>
  isRecordList(side.people ?? []) ? ((side.people ?? []) as JsonRecord[]) : [];

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function blank(value: Json | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
}

const nameOf = (record: JsonRecord | undefined, id: string) =>
  typeof record?.name === 'string' ? record.name : id;

/** Where a person went by these tombstones: themselves, whom they were merged into, or null. */
function fateIn(stones: Map<string, Tombstone>, id: string): string | null {
  let current = id;
  for (let hops = 0; hops < 100; hops++) {
    const stone = stones.get(tombstoneKey('people', current));
    if (!stone) return current;
    if (!stone.mergedInto) return null;
    current = stone.mergedInto;
  }
  return null;
}

const mergesOf = (stones: Tombstone[]) =>
  new Map(stones.filter((s) => s.collection === 'people').map((s) => [s.idHash, s]));

/**
 * Takes back, on its side, a merge of a person the other side merged into someone else (`stones`:
 * the merged tombstones, which keep one merge for the person). The duplicate comes back on that
 * side as `base` had them, with the records of theirs that side still holds (its changes since),
 * and that side's records re-pointed by its merge point at them again. Changes `sides` in place
 * (the merge's copies). Needs the ancestor: without one there is nothing to put back.
 */
export function undoLosingMerges(
  base: JsonObject,
  sides: [JsonObject, JsonObject],
  stones: Tombstone[],
  moved: MovedPerson[],
): void {
  const kept = new Map(stones.filter((s) => s.mergedInto).map((s) => [s.idHash, s]));
  if (!kept.size) return;
  let baseByHash: Map<string, JsonRecord> | undefined;
  for (const [index, side] of sides.entries()) {
    const own = mergesOf((side.tombstones ?? []) as unknown as Tombstone[]);
    for (const stone of own.values()) {
      const winner = kept.get(stone.idHash);
      if (!stone.mergedInto || !winner || winner.mergedInto === stone.mergedInto) continue;
      baseByHash ??= new Map(peopleOf(base).map((p) => [tombstoneKey('people', p.id), p]));
      const was = baseByHash.get(stone.idHash);
      const people = peopleOf(side);
      if (!was || people.some((p) => p.id === was.id)) continue;
      const keeperId = fateIn(own, stone.mergedInto);
      const keeper = people.find((p) => p.id === keeperId);
      if (!keeper || !keeperId) continue;
      const given = new Set(stone.moved ?? []);
      const back = putBack(was, keeper, given);
      people.push(back.person);
      side.people = people;
      const records = repointBack(base, side, was.id, keeperId, given, new Set(stone.movedBeside ?? []));
      const all = [...peopleOf(sides[0]), ...peopleOf(sides[1])];
      const named = (id: string) => ({
        id,
        name: nameOf(
          all.find((p) => p.id === id),
          id,
        ),
      });
      moved.push({
        kind: 'twoKeepers',
        name: nameOf(was, was.id),
        kept: named(winner.mergedInto!),
        other: named(stone.mergedInto),
        side: index as 0 | 1,
        first: winner.deletedAt <= stone.deletedAt,
        moved: { ...records, facts: back.facts },
      });
    }
  }
}

/**
 * The duplicate as the ancestor had them, their lists as the person kept holds them now: the
 * records the ancestor's duplicate had, and those `given` names (what this side's merge moved,
 * among them what was added to the duplicate here since the ancestor). How many of the person
 * kept's records go back.
 */
function putBack(
  was: JsonRecord,
  keeper: JsonRecord,
  given: Set<string>,
): { person: JsonRecord; facts: number } {
  const back = structuredClone(was);
  let facts = 0;
  for (const field of new Set([...Object.keys(back), ...Object.keys(keeper)])) {
    const value = back[field];
    const held = keeper[field];
    if (OWN.has(field) || !isRecordList(held ?? []) || !isRecordList(value ?? [])) continue;
    const holding = (held ?? []) as JsonRecord[];
    const ids = new Set([...((value ?? []) as JsonRecord[]).map((r) => r.id), ...given]);
    const taken = holding.filter((r) => ids.has(r.id));
    // A list the ancestor's duplicate had is theirs as the person kept holds it (deleted there
    // since: empty); one they did not have is given only what goes back.
    if (!(Array.isArray(value) && value.length) && !taken.length) continue;
    back[field] = taken;
    keeper[field] = holding.filter((r) => !ids.has(r.id));
    facts += taken.length;
  }
  return { person: back, facts };
}

/**
 * Records this side's merge re-pointed from `duplicate` to `keeper`, pointed at the duplicate
 * again: those the ancestor had with the duplicate, and those `given` names (logged with the
 * duplicate here since the ancestor). What was logged with the person kept after the merge is
 * theirs and stays. Of `given`, `beside` named the person kept too: the duplicate joins them,
 * and what was heard from the person kept stays theirs (the merge made the two one, so which
 * notes were the duplicate's cannot be told). How many conversations and follow-ups go back.
 */
function repointBack(
  base: JsonObject,
  side: JsonObject,
  duplicate: string,
  keeper: string,
  given: Set<string>,
  beside: Set<string>,
): { conversations: number; followUps: number } {
  const counts = { conversations: 0, followUps: 0 };
  for (const [collection, value] of Object.entries(side)) {
    const before = base[collection];
    if (collection === 'people' || collection === 'tombstones' || !isRecordList(value)) continue;
    if (!isRecordList(before ?? [])) continue;
    const was = new Map(((before ?? []) as JsonRecord[]).map((r) => [r.id, r]));
    for (const record of value) {
      const old = was.get(record.id);
      const changed = old
        ? repointAsBefore(record, old, duplicate, keeper)
        : given.has(record.id) && repointGiven(record, duplicate, keeper, beside.has(record.id));
      if (changed && collection in counts) counts[collection as keyof typeof counts]++;
    }
  }
  return counts;
}

/** A record the ancestor had: each reference the merge changed from the duplicate goes back. */
function repointAsBefore(record: JsonRecord, old: JsonRecord, duplicate: string, keeper: string): boolean {
  const before = JSON.stringify(record);
  for (const [field, held] of Object.entries(record)) {
    const had = old[field];
    if (had === duplicate && held === keeper) record[field] = duplicate;
    else if (Array.isArray(had) && Array.isArray(held) && had.includes(duplicate)) {
      if (field === 'heardFrom' && had.length === held.length)
        record[field] = held.map((id, i) => (had[i] === duplicate && id === keeper ? duplicate : id));
      else if (field !== 'heardFrom' && held.includes(keeper) && !had.includes(keeper))
        record[field] = [...new Set(held.map((id) => (id === keeper ? duplicate : id)))];
    }
  }
  return JSON.stringify(record) !== before;
}

/** A record made here since the ancestor that the merge gave the person kept (Tombstone.moved). */
function repointGiven(record: JsonRecord, duplicate: string, keeper: string, beside: boolean): boolean {
  const before = JSON.stringify(record);
  const swap = (id: Json) => (id === keeper ? duplicate : id);
  for (const field of [...PERSON_REFERENCES, 'heardFrom']) {
    const held = record[field];
    if (held === keeper && !beside) record[field] = duplicate;
    else if (Array.isArray(held) && held.includes(keeper)) {
      if (field === 'heardFrom') {
        if (!beside) record[field] = held.map(swap);
      } else record[field] = beside ? [...held, duplicate] : [...new Set(held.map(swap))];
    }
  }
  // A follow-up for the two of them lost its list of people to the merge (people.ts mergePeople).
  if (beside && record.personId === keeper && !Array.isArray(record.personIds) && 'personId' in record)
    record.personIds = [keeper, duplicate];
  return JSON.stringify(record) !== before;
}

/**
 * Puts into the person kept what one side changed about a person the other side merged away
 * (`result`: the merged journal before its tombstones are applied, which still holds the
 * duplicate as the side that changed them has them). `base` null: no ancestor (a fold), where
 * every value of the duplicate may be new: only empty fields are filled and lists added to.
 */
export function placeChangesToMerged(
  base: JsonObject | null,
  sides: [JsonObject, JsonObject],
  result: JsonObject,
  stones: Tombstone[],
  mergeNested: MergeNested,
  moved: MovedPerson[],
): void {
  const merges = mergesOf(stones);
  if (![...merges.values()].some((s) => s.mergedInto)) return;
  const people = peopleOf(result);
  const byId = new Map(people.map((p) => [p.id, p]));
  const baseById = new Map((base ? peopleOf(base) : []).map((p) => [p.id, p]));
  const held = sides.map((side) => new Set(peopleOf(side).map((p) => p.id)));
  for (const person of people) {
    const stone = merges.get(tombstoneKey('people', person.id));
    // A person added again under the id after the merge is another person (merge-tombstones.ts).
    if (!stone?.mergedInto || !stoneCovers(stone, String(person.createdAt ?? ''))) continue;
    const was = baseById.get(person.id);
    if (was && same(was, person)) continue;
    const keeperId = fateIn(merges, person.id);
    const keeper = keeperId ? byId.get(keeperId) : undefined;
    if (!keeper) continue;
    // The side that still holds the duplicate changed them; on both (an undo there) is no one's.
    const changedBy = held[0]!.has(person.id) ? (held[1]!.has(person.id) ? -1 : 0) : 1;
    if (changedBy < 0) continue;
    const placed = place(was ?? null, person, keeper, baseById.get(keeper.id), base !== null, mergeNested);
    if (!placed.taken.length && !placed.notPlaced.length) continue;
    moved.push({
      kind: 'changed',
      name: nameOf(person, person.id),
      keeper: { id: keeper.id, name: nameOf(keeper, keeper.id) },
      changedBy: changedBy as 0 | 1,
      ...placed,
    });
  }
}

/** One duplicate's changes since `was` put into `keeper` (`keeperWas`: the keeper in the ancestor). */
function place(
  was: JsonRecord | null,
  duplicate: JsonRecord,
  keeper: JsonRecord,
  keeperWas: JsonRecord | undefined,
  known: boolean,
  mergeNested: MergeNested,
): Pick<Extract<MovedPerson, { kind: 'changed' }>, 'taken' | 'notPlaced'> {
  const taken: string[] = [];
  const notPlaced: { field: string; value: Json | undefined; keeper: Json | undefined }[] = [];
  for (const [field, value] of Object.entries(duplicate)) {
    if (OWN.has(field)) continue;
    const before = was?.[field];
    if (known && same(value, before)) continue;
    const current = keeper[field];
    if (field === 'name') {
      if (typeof value !== 'string') continue;
      const aliases = Array.isArray(keeper.aliases) ? (keeper.aliases as Json[]) : [];
      const key = normalize(value);
      const named = [keeper.name, ...aliases].some((n) => typeof n === 'string' && normalize(n) === key);
      if (!named) {
        keeper.aliases = [...aliases, value];
        taken.push('name');
      }
      continue;
    }
    const lists = [value, before, current].filter((v) => v !== undefined);
    if (
      lists.every((v) => Array.isArray(v)) &&
      lists.some((v) => isRecordList(v as Json) && (v as Json[]).length)
    ) {
      if (placeRecords(before, value, keeper, field, known, mergeNested, duplicate)) taken.push(field);
      continue;
    }
    if (lists.every((v) => Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))) {
      if (placeWords(before, value, keeper, field, keeperWas, known)) taken.push(field);
      continue;
    }
    if (same(value, current)) continue;
    if (FILLED.has(field) && (blank(current) || (known && same(current, before)))) {
      keeper[field] = value ?? null;
      taken.push(field);
    } else if (known) notPlaced.push({ field, value, keeper: current });
  }
  if (taken.length) {
    const stamps = [keeper.updatedAt, duplicate.updatedAt].filter((s) => typeof s === 'string').sort();
    if (stamps.length) keeper.updatedAt = stamps.at(-1)!;
  }
  return { taken, notPlaced };
}

/** A list of records (ambitions, skills, notes): added, changed and removed, by id. */
function placeRecords(
  before: Json | undefined,
  value: Json | undefined,
  keeper: JsonRecord,
  field: string,
  known: boolean,
  mergeNested: MergeNested,
  duplicate: JsonRecord,
): boolean {
  const mine = (isRecordList(value ?? []) ? (value ?? []) : []) as JsonRecord[];
  const had = new Map(
    ((known && isRecordList(before ?? []) ? (before ?? []) : []) as JsonRecord[]).map((r) => [r.id, r]),
  );
  const list = [...((isRecordList(keeper[field] ?? []) ? (keeper[field] ?? []) : []) as JsonRecord[])];
  let changed = false;
  const stamps: [string, string] = [String(keeper.updatedAt ?? ''), String(duplicate.updatedAt ?? '')];
  for (const record of mine) {
    const old = had.get(record.id);
    if (old && same(old, record)) continue;
    const at = list.findIndex((r) => r.id === record.id);
    if (at < 0) list.push(structuredClone(record));
    else if (same(list[at], record)) continue;
    else list[at] = mergeNested(old, list[at]!, record, stamps);
    changed = true;
  }
  const still = new Set(mine.map((r) => r.id));
  for (const [id, old] of had) {
    const at = list.findIndex((r) => r.id === id);
    if (still.has(id) || at < 0 || !same(list[at], old)) continue;
    list.splice(at, 1); // removed from the duplicate, and not changed in the person kept since
    changed = true;
  }
  if (changed) keeper[field] = list;
  return changed;
}

/** A list of words (tags, aliases, e-mails): what the duplicate gained is added, what it lost that came from it goes. */
function placeWords(
  before: Json | undefined,
  value: Json | undefined,
  keeper: JsonRecord,
  field: string,
  keeperWas: JsonRecord | undefined,
  known: boolean,
): boolean {
  const words = (v: Json | undefined) => (Array.isArray(v) ? v : []);
  const had = known ? words(before) : [];
  const mine = words(value);
  const theirsBefore = words(keeperWas?.[field]);
  const name = typeof keeper.name === 'string' ? normalize(keeper.name) : '';
  const list = [...words(keeper[field])];
  const has = (l: Json[], v: Json) => l.some((x) => same(x, v));
  let changed = false;
  for (const word of mine) {
    if (has(had, word) || has(list, word)) continue;
    if (field === 'aliases' && typeof word === 'string' && normalize(word) === name) continue;
    list.push(word);
    changed = true;
  }
  for (const word of had) {
    if (has(mine, word) || !has(list, word) || has(theirsBefore, word)) continue;
    list.splice(
      list.findIndex((x) => same(x, word)),
      1,
    );
    changed = true;
  }
  if (changed) keeper[field] = list;
  return changed;
}
