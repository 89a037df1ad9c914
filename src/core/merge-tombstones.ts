// Deletions in a merge of journals: both sides' tombstones joined (one per record), cycles of
// merged people broken, then tombstoned records removed and references to people merged into
// others re-pointed.

import type { Conversation, Journal, Tombstone } from './journal.js';
import { isRecordList, type JsonObject, type JsonRecord } from './json-records.js';
import { forgetOfMerged, leaveConversation } from './people.js';
import { PERSON_REFERENCES } from './record-fields.js';
import { asciiSlug } from './text.js';
import { stoneCovers, tombstoneKey } from './tombstones.js';

/**
 * Both sides' tombstones; the same record tombstoned twice keeps one, chosen deterministically.
 * `forgets`: the ancestor's forget tombstones, which stay even when both sides lost them (a
 * backup from before the forget put back): a forget is never taken back.
 */
export function mergeTombstones(
  ours: Tombstone[],
  theirs: Tombstone[],
  forgets: Tombstone[] = [],
): Tombstone[] {
  const byKey = new Map<string, Tombstone>();
  /** Every deletion's time, by record: two machines may have deleted one record apart. */
  const times = new Map<string, Set<string>>();
  /** Records a forget deleted, on any side: the stone kept for them says so. */
  const forgotten = new Set<string>();
  /** Of those, the ones a forget removes by id alone (Tombstone.byId). */
  const byId = new Set<string>();
  /** A person merged into different people on the two sides: each merge, for avoidCircles. */
  const merges = new Map<string, Tombstone[]>();
  for (const stone of [...ours, ...theirs, ...forgets.filter((s) => s.forgotten)]) {
    const key = `${stone.collection}\0${stone.idHash}`;
    const held = byKey.get(key);
    if (!held || preferStone(stone, held)) byKey.set(key, stone);
    if (stone.collection === 'people' && stone.mergedInto)
      merges.set(key, [...(merges.get(key) ?? []), stone]);
    if (stone.forgotten) forgotten.add(key);
    if (stone.forgotten && stone.byId) byId.add(key);
    const seen = times.get(key) ?? new Set<string>();
    seen.add(stone.deletedAt);
    if (stone.alsoDeletedAt) seen.add(stone.alsoDeletedAt);
    times.set(key, seen);
  }
  avoidCircles(byKey, merges);
  for (const [key, stone] of byKey) {
    const others = [...times.get(key)!].filter((t) => t !== stone.deletedAt).sort();
    const also = others.at(-1);
    let kept = also && also !== stone.alsoDeletedAt ? { ...stone, alsoDeletedAt: also } : stone;
    if (forgotten.has(key) && !kept.forgotten) kept = { ...kept, forgotten: true };
    if (byId.has(key) && !kept.byId) kept = { ...kept, byId: true };
    if (kept !== stone) byKey.set(key, kept);
  }
  return [...byKey.values()].sort((a, b) => {
    const ka = `${a.deletedAt}\0${a.collection}\0${a.idHash}`;
    const kb = `${b.deletedAt}\0${b.collection}\0${b.idHash}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/**
 * A person merged into one person on one side and into another on the other keeps the merge made
 * first, unless that merge goes round in a circle with the other merges kept and another of its
 * merges does not. One machine merged Eli into Bo and then Bo into Cy, the other Bo into Eli: by
 * time Bo would go into Eli and Eli into Bo, a circle whose breaking (below) keeps Bo, whom neither
 * machine still has; Bo into Cy keeps everyone with the person the first machine kept. Changes
 * `byKey` in place; the same whichever side is which.
 */
function avoidCircles(byKey: Map<string, Tombstone>, merges: Map<string, Tombstone[]>): void {
  const into = (stone: Tombstone | undefined) => (stone?.mergedInto ? stone : undefined);
  const inCircle = (key: string): boolean => {
    const seen = new Set<string>([key]);
    let stone = into(byKey.get(key));
    while (stone) {
      const next = `people\0${tombstoneKey('people', stone.mergedInto!)}`;
      if (next === key) return true;
      if (seen.has(next)) return false;
      seen.add(next);
      stone = into(byKey.get(next));
    }
    return false;
  };
  const choices = [...merges].filter(([, stones]) => new Set(stones.map((s) => s.mergedInto)).size > 1);
  for (let changed = true, rounds = 0; changed && rounds <= choices.length; rounds++) {
    changed = false;
    for (const [key, stones] of choices) {
      if (!inCircle(key)) continue;
      const held = byKey.get(key)!;
      const ordered = [...stones].sort((a, b) => (preferStone(a, b) ? -1 : preferStone(b, a) ? 1 : 0));
      for (const stone of ordered) {
        if (stone.mergedInto === held.mergedInto) continue;
        byKey.set(key, stone);
        if (!inCircle(key)) {
          changed = true;
          break;
        }
        byKey.set(key, held);
      }
    }
  }
}

/**
 * Two machines that merged the same two people in opposite directions (x into y here, y into x
 * there) would leave nobody: the person with the smallest id in such a cycle stays.
 */
export function breakMergeCycles(stones: Tombstone[]): Tombstone[] {
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

/** When a record was made: a record made after a tombstone is another record with the same id. */
function createdOf(record: JsonRecord): string {
  const at = record.createdAt;
  return typeof at === 'string' ? at : '';
}

/**
 * Removes tombstoned records and re-points references to people merged into others. A person
 * deleted outright (forgotten) takes with them the records that were only about them.
 *
 * Ids repeat (a person's is a slug of their name): a record created after its tombstone's
 * `deletedAt` (the name added again) is not the one deleted. It stays, with the records about it,
 * and the stale tombstone leaves the journal; records about the person made before the deletion
 * still go (or move) as the tombstone says. An edit after the deletion does not count: the
 * record is still the one deleted. A forget's tombstone marked `byId` removes every record with its
 * id, whenever it was made.
 */
export function applyTombstones(journal: Journal): Journal {
  let allStones = journal.tombstones ?? [];
  if (!allStones.length) return journal;
  const data = journal as unknown as JsonObject;
  if (allStones.some((s) => s.forgotten && s.byId && s.collection === 'people'))
    allStones = forgetMerged(journal);
  const stoneKey = (s: Tombstone) => `${s.collection}\0${s.idHash}`;
  let byKey = new Map<string, Tombstone>(allStones.map((s) => [stoneKey(s), s]));
  // A deletion an undo took back (the record carries its time in `restores`) is void, as if it
  // had never been, unless the record was also deleted apart elsewhere (alsoDeletedAt), or the
  // deletion was a forget: those no undo takes back.
  const voided = new Set<string>();
  for (const [collection, value] of Object.entries(data)) {
    if (collection === 'tombstones' || !isRecordList(value)) continue;
    for (const record of value) {
      if (typeof record.restores !== 'string') continue;
      const key = `${collection}\0${tombstoneKey(collection, record.id)}`;
      const stone = byKey.get(key);
      if (stone && stone.deletedAt === record.restores && !stone.alsoDeletedAt && !stone.forgotten)
        voided.add(key);
    }
  }
  if (voided.size) {
    allStones = allStones.filter((s) => !voided.has(stoneKey(s)));
    journal.tombstones = allStones;
    byKey = new Map<string, Tombstone>(allStones.map((s) => [stoneKey(s), s]));
  }
  /** Tombstones of ids in use again, by key: they apply only to what was made before them. */
  const superseded = new Map<string, Tombstone>();
  for (const [collection, value] of Object.entries(data)) {
    if (collection === 'tombstones' || !isRecordList(value)) continue;
    for (const record of value) {
      const key = `${collection}\0${tombstoneKey(collection, record.id)}`;
      const stone = byKey.get(key);
      // A forget by id is never superseded: whatever the clocks said, a record with its id is the
      // person forgotten (rel gives a person added again another id).
      if (stone && !stoneCovers(stone, createdOf(record))) superseded.set(key, stone);
    }
  }
  const stones = superseded.size ? allStones.filter((s) => !superseded.has(stoneKey(s))) : allStones;
  if (superseded.size) journal.tombstones = stones;
  const dead = new Map<string, Tombstone>(stones.map((s) => [stoneKey(s), s]));
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
  /**
   * Where the person records made at `madeAt` meant belong now: themselves, the person they were
   * merged into, or nobody. A record made before a name's tombstone meant the person deleted.
   */
  const personFate = (id: string, madeAt: string): string | null => {
    let current = id;
    for (let hops = 0; hops < 100; hops++) {
      let stone = stoneOf('people', current);
      if (!stone && superseded.size) {
        const old = superseded.get(`people\0${tombstoneKey('people', current)}`);
        if (old && madeAt < old.deletedAt) stone = old;
      }
      if (!stone) return current;
      if (!stone.mergedInto) return null;
      current = stone.mergedInto;
    }
    return null; // a cycle of merges: nobody left to point at
  };

  const people = isRecordList(data.people) ? data.people : [];
  const survivors = new Map(people.filter((p) => !stoneOf('people', p.id)).map((p) => [p.id, p]));
  // Records inside a merged-away person that the other side added after the merge move along.
  for (const person of people) {
    const stone = stoneOf('people', person.id);
    if (!stone?.mergedInto) continue;
    const fate = personFate(person.id, createdOf(person));
    const keeper = fate ? survivors.get(fate) : undefined;
    if (!keeper) continue;
    for (const [field, value] of Object.entries(person)) {
      const kept = keeper[field];
      if (!isRecordList(value) || !isRecordList(kept ?? [])) continue;
      const have = new Set((kept as JsonRecord[] | undefined)?.map((r) => r.id));
      const moved = value.filter((r) => !have.has(r.id));
      if (moved.length) keeper[field] = [...((kept as JsonRecord[] | undefined) ?? []), ...moved];
    }
  }

  for (const [collection, value] of Object.entries(data)) {
    if (collection === 'tombstones' || !isRecordList(value)) continue;
    const kept: JsonRecord[] = [];
    for (const record of value) {
      if (stoneOf(collection, record.id)) continue;
      if (collection === 'conversations') leaveDeleted(record, personFate);
      if (collection !== 'people' && !repoint(record, personFate)) continue;
      kept.push(record);
    }
    data[collection] = kept;
  }
  return journal;
}

/**
 * A forget received in a merge reaches what a merge on the other side kept of them. Someone
 * merged into a person forgotten is that person: the merge's record, which names the forgotten
 * id in `mergedInto`, becomes a forget of its own id (forgetOfMerged, as a forget here does). A
 * person forgotten after being merged into someone kept leaves nothing in the keeper's aliases
 * that is their name (an alias whose slug is the forgotten id; the merge made their name one).
 * Returns the journal's tombstones as they now are.
 */
function forgetMerged(journal: Journal): Tombstone[] {
  const forgets = new Set(
    (journal.tombstones ?? [])
      .filter((s) => s.forgotten && s.byId && s.collection === 'people')
      .map((s) => s.idHash),
  );
  const stones = (journal.tombstones ?? []).map((s) =>
    s.mergedInto && forgets.has(tombstoneKey('people', s.mergedInto)) ? forgetOfMerged(s) : s,
  );
  journal.tombstones = stones;
  for (const person of journal.people) {
    const aliases = person.aliases.filter((a) => !forgets.has(tombstoneKey('people', asciiSlug(a))));
    if (aliases.length !== person.aliases.length) person.aliases = aliases;
  }
  return stones;
}

/**
 * A conversation with others too loses the people deleted outright (forgotten) exactly as a
 * forget here takes them out (leaveConversation: it keeps its size, and what was heard from them
 * goes); one that was only about them goes with them (repoint). People merged into others are
 * re-pointed by repoint, and so is what was heard from them.
 */
function leaveDeleted(record: JsonRecord, fateAt: (id: string, madeAt: string) => string | null): void {
  const people = record.with;
  if (!Array.isArray(people) || !people.every((v) => typeof v === 'string')) return;
  const madeAt = createdOf(record);
  const gone = (people as string[]).filter((id) => fateAt(id, madeAt) === null);
  if (gone.length && gone.length < people.length)
    for (const id of gone) leaveConversation(record as unknown as Conversation, id);
  const from = record.heardFrom;
  if (!Array.isArray(from)) return;
  const heardFrom = from.map((id) => (typeof id === 'string' ? (fateAt(id, madeAt) ?? id) : id));
  if (heardFrom.some((id, i) => id !== from[i])) record.heardFrom = heardFrom;
}

/** Re-points a record's person references; false when the record was only about deleted people. */
function repoint(record: JsonRecord, fateAt: (id: string, madeAt: string) => string | null): boolean {
  const personFate = (id: string) => fateAt(id, createdOf(record));
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

/**
 * Keeps a journal's forget tombstones through a change that would lose them (an undo, a restore
 * of a backup from before the forget): those in `held` that `journal` lacks are put back, and
 * every forget tombstone removes what it names made before it, as a merge would. Whether it
 * changed anything: nothing when nothing is lost or back. `added`: which records may be back (those
 * the change added), so that a change need not look at every record.
 */
export function keepForgets(
  journal: Journal,
  held: Tombstone[],
  added: (collection: string, id: string) => boolean = () => true,
): boolean {
  const stones = journal.tombstones ?? [];
  const keyOf = (s: Tombstone) => `${s.collection}\0${s.idHash}`;
  const forgets = new Map<string, Tombstone>();
  for (const s of [...stones, ...held]) if (s.forgotten && !forgets.has(keyOf(s))) forgets.set(keyOf(s), s);
  if (!forgets.size) return false;
  const data = journal as unknown as JsonObject;
  const lost = stones.filter((s) => s.forgotten && forgets.has(keyOf(s))).length < forgets.size;
  const back = Object.entries(data).some(
    ([collection, value]) =>
      collection !== 'tombstones' &&
      isRecordList(value) &&
      value.some(
        (r) => added(collection, r.id) && forgets.has(`${collection}\0${tombstoneKey(collection, r.id)}`),
      ),
  );
  if (!lost && !back) return false;
  const others = stones.filter((s) => !forgets.has(keyOf(s)));
  // Applied alone: the journal's other tombstones are the change's own business (an undo brings
  // back what a plain deletion removed).
  journal.tombstones = [...forgets.values()];
  applyTombstones(journal);
  journal.tombstones = [...others, ...journal.tombstones];
  return true;
}

/**
 * The people a merge removed by a forget `before` did not hold: ids from `before` whose forget
 * tombstone is in `after` (and not in `before`) and who are gone from it. The machine that
 * received the forget scrubs its own copies of them.
 */
export function forgetsReceived(before: Journal, after: Journal): string[] {
  const had = new Set((before.tombstones ?? []).filter((s) => s.forgotten).map((s) => s.idHash));
  const stones = new Set(
    (after.tombstones ?? [])
      .filter((s) => s.forgotten && s.collection === 'people' && !had.has(s.idHash))
      .map((s) => s.idHash),
  );
  if (!stones.size) return [];
  const still = new Set(after.people.map((p) => p.id));
  return before.people
    .filter((p) => !still.has(p.id) && stones.has(tombstoneKey('people', p.id)))
    .map((p) => p.id);
}

/**
 * The records `committed` holds that `current` lacks with no tombstone to say they were deleted:
 * every deletion rel makes leaves one, so these were lost some other way (a backup put back, an
 * edit by hand), and a sync must not carry that loss to the other machines. By collection, with
 * where each stood.
 */
export function lostWithoutTrace(
  committed: Journal,
  current: Journal,
): { collection: string; record: JsonRecord; index: number }[] {
  const stones = new Set((current.tombstones ?? []).map((s) => `${s.collection}\0${s.idHash}`));
  const now = current as unknown as JsonObject;
  const lost: { collection: string; record: JsonRecord; index: number }[] = [];
  for (const [collection, value] of Object.entries(committed as unknown as JsonObject)) {
    const here = now[collection];
    if (collection === 'tombstones' || !isRecordList(value) || !isRecordList(here ?? [])) continue;
    const present = new Set(((here ?? []) as JsonRecord[]).map((r) => r.id));
    for (const [index, record] of value.entries()) {
      if (present.has(record.id)) continue;
      if (stones.has(`${collection}\0${tombstoneKey(collection, record.id)}`)) continue;
      lost.push({ collection, record, index });
    }
  }
  return lost;
}
