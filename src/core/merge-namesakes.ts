// Two records with one person id that are not one person. Ids are slugs of names, so two machines
// that each added a "Sam Lee" made two people with the id sam-lee, and a person added on one
// machine can have the id of someone another machine forgot. Merged field by field, the first two
// would become one person with half of each one's fields; the last would be removed by the forget.
// Before the sides are merged, the later record takes another id on its side, and so do its side's
// conversations and follow-ups: both people are kept whole, and the merge says so.
import type { Tombstone } from './journal.js';
import { isRecordList, type Json, type JsonObject, type JsonRecord } from './json-records.js';
import { freePersonId, personSlug } from './new-person.js';
import { PERSON_ID_FIELDS } from './record-fields.js';
import { sha256Hex } from './sha256.js';
import { tombstoneKey } from './tombstones.js';

/** A person given another id by a merge, and why. */
export interface Separated {
  /** The id both records had, and the one the later record has now. */
  from: string;
  to: string;
  name: string;
  /** A namesake on the other side, or the id of a person forgotten on the other side. */
  reason: 'namesake' | 'forgotten';
  /** The moved record's `createdAt`: which side's it was. */
  createdAt: string;
}

function peopleOf(side: JsonObject | undefined): JsonRecord[] {
  const people = side?.people;
  return isRecordList(people ?? []) ? ((people ?? []) as JsonRecord[]) : [];
}

function createdOf(record: JsonRecord): string {
  return typeof record.createdAt === 'string' ? record.createdAt : '';
}

/**
 * Gives another id, on its side, to each person who shares an id with a different record: one made
 * apart on the other side (not in `base`, another `createdAt`), or the id of a person the other
 * side forgot (a forget by id, Tombstone.byId) that this side made after `base`. `base` undefined:
 * no common ancestor (a fold), where a record made after the forget is taken for a new one.
 * `stones`: the merged tombstones. Changes `ours` and `theirs` in place (the merge's copies);
 * the same inputs give the same ids whichever side is "ours".
 */
export function separateNamesakes(
  base: JsonObject | undefined,
  ours: JsonObject,
  theirs: JsonObject,
  stones: Tombstone[],
): Separated[] {
  const inBase = new Set(peopleOf(base).map((p) => p.id));
  const sides = [ours, theirs].map((side) => new Map(peopleOf(side).map((p) => [p.id, p])));
  const moves: { side: number; person: JsonRecord; reason: Separated['reason'] }[] = [];
  for (const [id, o] of sides[0]!) {
    const t = sides[1]!.get(id);
    if (!t || inBase.has(id) || createdOf(o) === createdOf(t)) continue;
    // The later one moves; the same createdAt on both is one record, merged as such.
    const later = createdOf(o) > createdOf(t) ? 0 : 1;
    moves.push({ side: later, person: later === 0 ? o : t, reason: 'namesake' });
  }
  const forgets = stones.filter((s) => s.collection === 'people' && s.forgotten && s.byId);
  if (forgets.length) {
    const heldBy = [ours, theirs, base].map(
      (side) => new Set(((side?.tombstones ?? []) as unknown as Tombstone[]).map((s) => s.idHash)),
    );
    for (const stone of forgets) {
      for (const side of [0, 1]) {
        const other = 1 - side;
        if (heldBy[side]!.has(stone.idHash) || !heldBy[other]!.has(stone.idHash)) continue;
        for (const [id, person] of sides[side]!) {
          if (sides[other]!.has(id) || inBase.has(id) || tombstoneKey('people', id) !== stone.idHash)
            continue;
          // With an ancestor, a record this side made since it is not the one the other side
          // forgot, whatever the clocks say; without one, the clocks are all there is to go by.
          const apart = base ? !heldBy[2]!.has(stone.idHash) : createdOf(person) > stone.deletedAt;
          if (apart) moves.push({ side, person, reason: 'forgotten' });
        }
      }
    }
  }
  if (!moves.length) return [];
  const taken = new Set([...inBase, ...sides[0]!.keys(), ...sides[1]!.keys()]);
  const dead = new Set(stones.filter((s) => s.collection === 'people').map((s) => s.idHash));
  const free = (id: string) => !taken.has(id) && !dead.has(tombstoneKey('people', id));
  const separated: Separated[] = [];
  moves.sort((a, b) => (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : a.side - b.side));
  for (const { side, person, reason } of moves) {
    const from = person.id;
    const to = movedId(person, free);
    taken.add(to);
    person.id = to;
    repointSide(side === 0 ? ours : theirs, from, to);
    separated.push({
      from,
      to,
      name: typeof person.name === 'string' ? person.name : to,
      reason,
      createdAt: createdOf(person),
    });
  }
  return separated;
}

/**
 * The id a person kept apart takes: the one rel add would give them (the slug of their name, or
 * with it taken, the slug and six letters and digits), its "random" part drawn from the record itself (its id, name and
 * createdAt), so that both machines, merging apart, give the same id.
 */
function movedId(person: JsonRecord, free: (id: string) => boolean): string {
  const name = typeof person.name === 'string' ? person.name : '';
  const aliases = Array.isArray(person.aliases)
    ? person.aliases.filter((a): a is string => typeof a === 'string')
    : [];
  const seed = `${String(person.id)}\0${name}\0${createdOf(person)}`;
  let draw = 0;
  return freePersonId(personSlug(name, aliases), free, () => sha256Hex(`${seed}\0${draw++}`));
}

/** Every person reference to `from` in one side's records, other than the people, becomes `to`. */
function repointSide(side: JsonObject, from: string, to: string): void {
  for (const [collection, value] of Object.entries(side)) {
    if (collection === 'people' || collection === 'tombstones' || !isRecordList(value)) continue;
    for (const record of value) {
      for (const field of PERSON_ID_FIELDS) {
        const held: Json | undefined = record[field];
        if (held === from) record[field] = to;
        else if (Array.isArray(held) && held.includes(from))
          record[field] = held.map((v) => (v === from ? to : v));
      }
    }
  }
}
