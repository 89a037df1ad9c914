// Change tracking for merges: every record carries `updatedAt`, every deletion leaves a tombstone.
// The store calls stampChanges() around each change, so operations need not know about either.
import { createHash } from 'node:crypto';
import type { Journal, Tombstone } from './journal.js';

/**
 * Whether a tombstone stands for a record with its id made at `createdAt`: a forget by id
 * (Tombstone.byId) whenever the record was made, any other only for what was made before it (a
 * record made after it is a new one, with the id in use again).
 */
export function stoneCovers(stone: Tombstone, createdAt: string): boolean {
  return stone.byId === true || createdAt <= stone.deletedAt;
}

/** A tombstone names its record by hash: a person's id is a slug of their name. */
export function tombstoneKey(collection: string, id: string): string {
  return createHash('sha256').update(`${collection}\0${id}`).digest('hex').slice(0, 32);
}

/**
 * When a record read from a file (an import) was forgotten here (rel forget): the time of the
 * forget, which no write lets it come back from; undefined when it was not. A record made after
 * the forget (a person added again) is a new one, as the journal's tombstones have it.
 */
export function forgottenIn(
  journal: Journal,
): (collection: string, record: { id: string; createdAt?: string }) => string | undefined {
  const forgets = new Map<string, Tombstone>();
  for (const s of journal.tombstones ?? []) if (s.forgotten) forgets.set(`${s.collection}\0${s.idHash}`, s);
  if (forgets.size === 0) return () => undefined;
  return (collection, record) => {
    const stone = forgets.get(`${collection}\0${tombstoneKey(collection, record.id)}`);
    if (!stone) return undefined;
    return stoneCovers(stone, record.createdAt ?? '') ? stone.deletedAt : undefined;
  };
}

export type JournalRecord = {
  id: string;
  updatedAt?: string;
  /** Set when an undo brought the record back: the `deletedAt` of the deletion it took back. */
  restores?: string;
} & Record<string, unknown>;

/** The top-level lists of records with ids: people, conversations, followUps and any added later. */
export function recordCollections(journal: Journal): [string, JournalRecord[]][] {
  const out: [string, JournalRecord[]][] = [];
  for (const [key, value] of Object.entries(journal)) {
    if (key === 'tombstones' || !Array.isArray(value)) continue;
    if (value.every((r) => typeof r === 'object' && r !== null && typeof r.id === 'string'))
      out.push([key, value as JournalRecord[]]);
  }
  return out;
}

/** Each record as text, by collection and id: what stampChanges compares against. */
export type Snapshot = Map<string, Map<string, string>>;

export function snapshotRecords(journal: Journal): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const [collection, records] of recordCollections(journal)) {
    snapshot.set(collection, new Map(records.map((r) => [r.id, JSON.stringify(r)])));
  }
  return snapshot;
}

/**
 * After a change: records that are new or differ from the snapshot get `updatedAt` = now; records
 * that vanished get a tombstone (unless the change left one, e.g. a person merge); a record that
 * comes back (an undo) loses its tombstone. `textOf` gives a record's JSON (the store passes the
 * texts it has already made). `forgotten`: the change is a forget, and its tombstones say so (a
 * forget is never taken back). Returns the records stamped, by collection.
 */
export function stampChanges(
  before: Snapshot,
  journal: Journal,
  now: Date,
  textOf: (collection: string, record: JournalRecord) => string = (_, record) => JSON.stringify(record),
  forgotten = false,
): [string, JournalRecord][] {
  const stamp = now.toISOString();
  const stamped: [string, JournalRecord][] = [];
  if (!Array.isArray(journal.tombstones)) journal.tombstones = [];
  const stoneKeys = new Map(journal.tombstones.map((s) => [`${s.collection}\0${s.idHash}`, s]));
  const revived = new Set<string>();
  for (const [collection, records] of recordCollections(journal)) {
    const previous = before.get(collection) ?? new Map<string, string>();
    const present = new Set<string>();
    for (const record of records) {
      present.add(record.id);
      const old = previous.get(record.id);
      if (old === undefined && stoneKeys.size) {
        const key = `${collection}\0${tombstoneKey(collection, record.id)}`;
        const stone = stoneKeys.get(key);
        if (stone) {
          revived.add(key);
          // The very record deleted, brought back (an undo): the merge must not let that deletion,
          // which the other machine may hold, remove it again (merge-tombstones.ts).
          const created = typeof record.createdAt === 'string' ? record.createdAt : '';
          if (created <= stone.deletedAt) record.restores = stone.deletedAt;
        }
      }
      if (old === undefined || old !== textOf(collection, record)) {
        record.updatedAt = stamp;
        stamped.push([collection, record]);
      }
    }
    for (const id of previous.keys()) {
      if (present.has(id)) continue;
      const idHash = tombstoneKey(collection, id);
      const key = `${collection}\0${idHash}`;
      const held = stoneKeys.get(key);
      if (held) {
        if (forgotten) {
          held.forgotten = true;
          held.byId = true;
        }
        continue;
      }
      const stone: Tombstone = {
        collection,
        idHash,
        deletedAt: stamp,
        ...(forgotten ? { forgotten, byId: true as const } : {}),
      };
      stoneKeys.set(key, stone);
      journal.tombstones.push(stone);
    }
  }
  if (revived.size) {
    journal.tombstones = journal.tombstones.filter((s) => !revived.has(`${s.collection}\0${s.idHash}`));
  }
  return stamped;
}

/** What a merge of people gave the person kept, by record id (Tombstone.moved, movedBeside). */
export interface MovedRecords {
  ids: string[];
  /** Of those, the conversations and follow-ups that named the person kept too. */
  withKeeper: string[];
}

/**
 * Records that `duplicateId` was merged into `keepId`, so that a journal synced from elsewhere
 * re-points its conversations and follow-ups with the duplicate instead of orphaning them.
 * Call it in the same change that removes the duplicate.
 */
export function recordPersonMerge(
  journal: Journal,
  duplicateId: string,
  keepId: string,
  now: Date,
  moved?: MovedRecords,
): void {
  const idHash = tombstoneKey('people', duplicateId);
  const stone: Tombstone = { collection: 'people', idHash, deletedAt: now.toISOString(), mergedInto: keepId };
  if (moved?.ids.length) stone.moved = moved.ids;
  if (moved?.withKeeper.length) stone.movedBeside = moved.withKeeper;
  journal.tombstones = [
    ...(journal.tombstones ?? []).filter((s) => !(s.collection === 'people' && s.idHash === idHash)),
    stone,
  ];
}

/** Schema 1 to 2: tombstones start empty; `updatedAt` appears on records as they change. */
export function upgradeToSchema2(journal: Journal): Journal {
  if (journal.schema >= 2) return journal;
  return { ...journal, schema: 2, tombstones: journal.tombstones ?? [] };
}
