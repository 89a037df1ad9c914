// What a merge of journals did not take from the other side: its records that the merge removed
// (deleted here) and its changes that the merge settled the other way (changed here later). A
// sync says so, so that "no changes" is never said of a merge that kept something out.
import { countRecords } from './diff.js';
import type { Journal } from './journal.js';
import { isRecordList, type Json, type JsonObject, type JsonRecord } from './json-records.js';
import { applyTombstones } from './merge-tombstones.js';
import { recordCollections } from './tombstones.js';

/** The same value, whatever the order of its objects' keys. */
function same(a: Json | undefined, b: Json | undefined): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: Json | undefined): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : v,
    ) ?? ''
  );
}

/** Whether the merged value holds what "theirs" changed from the base. */
function taken(base: Json | undefined, theirs: Json | undefined, merged: Json | undefined): boolean {
  if (same(base, theirs)) return true;
  if (Array.isArray(theirs) && isRecordList(theirs)) {
    const before = new Map(
      (isRecordList(base ?? []) ? ((base ?? []) as JsonRecord[]) : []).map((r) => [r.id, r]),
    );
    const after = new Map(
      (isRecordList(merged ?? []) ? ((merged ?? []) as JsonRecord[]) : []).map((r) => [r.id, r]),
    );
    return theirs.every((record) => {
      const was = before.get(record.id);
      if (was && same(was, record)) return true;
      const now = after.get(record.id);
      return now !== undefined && recordTaken(was, record, now);
    });
  }
  if (Array.isArray(theirs) && theirs.every((v) => v === null || typeof v !== 'object')) {
    // A list of words merges as a set: what theirs added must be there.
    const had = new Set((Array.isArray(base) ? base : []).map((v) => canonical(v)));
    const has = new Set((Array.isArray(merged) ? merged : []).map((v) => canonical(v)));
    return theirs.every((v) => had.has(canonical(v)) || has.has(canonical(v)));
  }
  if (
    theirs &&
    typeof theirs === 'object' &&
    !Array.isArray(theirs) &&
    merged &&
    typeof merged === 'object'
  ) {
    const b = base && typeof base === 'object' && !Array.isArray(base) ? base : undefined;
    return recordTaken(b, theirs, merged as JsonObject);
  }
  return same(theirs, merged);
}

function recordTaken(base: JsonObject | undefined, theirs: JsonObject, merged: JsonObject): boolean {
  const keys = new Set([...Object.keys(base ?? {}), ...Object.keys(theirs)]);
  keys.delete('updatedAt'); // the later stamp wins whichever side's fields do
  return [...keys].every((key) => taken(base?.[key], theirs[key], merged[key]));
}

/**
 * The records of `theirs` whose change since `base` (every record, when there is no base) the
 * merged journal does not hold, counted by collection ("1 person, 1 conversation"); '' for none.
 */
export function notTaken(baseAsIs: Journal | null, theirsAsIs: Journal, merged: Journal): string {
  // A record re-pointed to whom a person was merged into was taken, and so was a person merged
  // away whose changes went to the person kept (merge-moved.ts, which says what did not): both
  // sides are compared as the merges since the ancestor leave them.
  const held = new Set((baseAsIs?.tombstones ?? []).map((s) => `${s.collection}\0${s.idHash}`));
  const merges = (merged.tombstones ?? []).filter(
    (s) => s.mergedInto && !held.has(`${s.collection}\0${s.idHash}`),
  );
  const repointed = (journal: Journal) =>
    applyTombstones({ ...structuredClone(journal), tombstones: structuredClone(merges) });
  const theirs = merges.length ? repointed(theirsAsIs) : theirsAsIs;
  const base = merges.length && baseAsIs ? repointed(baseAsIs) : baseAsIs;
  const before = new Map(
    (base ? recordCollections(base) : []).map(([name, rs]) => [name, new Map(rs.map((r) => [r.id, r]))]),
  );
  const after = new Map(
    recordCollections(merged).map(([name, rs]) => [name, new Map(rs.map((r) => [r.id, r]))]),
  );
  const counts: string[] = [];
  for (const [name, records] of recordCollections(theirs)) {
    let missed = 0;
    for (const record of records) {
      const was = before.get(name)?.get(record.id) as JsonObject | undefined;
      const r = record as unknown as JsonObject;
      if (was && same(was, r)) continue;
      const now = after.get(name)?.get(record.id) as JsonObject | undefined;
      if (!now || !recordTaken(was, r, now)) missed++;
    }
    if (missed) counts.push(countRecords(name, missed));
  }
  return counts.join(', ');
}

/** A field as a person says it, in what a merge did not take. */
export function fieldWord(name: string): string {
  return FIELD_WORDS[name] ?? name;
}

const FIELD_WORDS: Record<string, string> = {
  cadenceDays: 'cadence',
  askNext: 'questions to ask',
  snoozedUntil: 'snooze',
  archivedAt: 'archived',
  leftOn: 'left',
  cadenceBeforeLeft: 'cadence before leaving',
  heardFrom: 'who said what',
  with: 'people',
  personId: 'person',
  personIds: 'people',
  conversationId: 'conversation',
  doneAt: 'done',
};

/** One record of a conflict copy whose fields the fold did not take. */
export interface LeftOut {
  collection: string;
  record: JsonObject;
  /** The fields whose value in the copy is not in the journal now, with the journal's. */
  fields: { name: string; value: Json | undefined; journal: Json | undefined }[];
}

/**
 * What a two-way fold did not take from the copy (`theirs`): without an ancestor it cannot tell
 * which side changed a field, so a field that differs goes to the later record, and the copy's
 * value is lost unless said. Each record of the copy that the merged journal holds otherwise, with
 * the fields that differ, so that the user knows what the copy still holds before deleting it.
 * A record deleted here (its tombstone: a forget, a merge, an undo) is not listed: it was meant.
 */
export function leftOutOfFold(theirs: Journal, merged: Journal): LeftOut[] {
  const after = new Map(
    recordCollections(merged).map(([name, rs]) => [name, new Map(rs.map((r) => [r.id, r]))]),
  );
  // The copy as the journal's deletions leave it: a forgotten person is not "left out" of a
  // group conversation, nor named here.
  const copy = applyTombstones({
    ...structuredClone(theirs),
    tombstones: structuredClone(merged.tombstones),
  });
  const out: LeftOut[] = [];
  for (const [collection, records] of recordCollections(copy)) {
    for (const record of records) {
      const r = record as unknown as JsonObject;
      const now = after.get(collection)?.get(record.id) as JsonObject | undefined;
      if (!now) continue;
      const fields = Object.keys(r)
        .filter((key) => key !== 'updatedAt' && !taken(undefined, r[key], now[key]))
        .map((key) => ({ name: fieldWord(key), value: r[key], journal: now[key] }));
      if (fields.length) out.push({ collection, record: r, fields });
    }
  }
  return out;
}
