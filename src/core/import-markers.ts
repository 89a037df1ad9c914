// What rel's own JSON export holds besides records: the tombstones (a forget's, a deletion's, a
// merge's) and the meetings dismissed from rel inbox. A journal moved by export and import keeps
// them, or a forget would be undone by the next import of a backup from before it, and every
// dismissed meeting would be back in the inbox.
import type { Dismissal, Journal, Tombstone } from './journal.js';
import { textNames } from './mentions.js';
import { recordCollections, tombstoneKey } from './tombstones.js';

export interface MarkersKept {
  /** Tombstones of `rel forget` taken in: what they name stays out. */
  forgotten: number;
  /** Other tombstones (a deletion, a merge) taken in: what sync relies on. */
  deletions: number;
  /** Meetings dismissed from rel inbox taken in. */
  dismissals: number;
}

/** A person of this journal whom a forget in the file names: that forget is not taken. */
export interface ForgetNotTaken {
  id: string;
  name: string;
}

/**
 * Takes the file's tombstones into the journal, before its records are read (so that what a
 * forget in the file removed is not imported from the file either). A tombstone that names a
 * record this journal holds is left out: an import adds, and never removes what is here (a
 * forget of someone here is rel forget's to make, with its scrubbing of every copy). One the
 * journal has already is kept as it is, unless the file's is a forget and the journal's not.
 */
export function takeTombstones(
  journal: Journal,
  stones: readonly Tombstone[],
): { kept: Pick<MarkersKept, 'forgotten' | 'deletions'>; notTaken: ForgetNotTaken[] } {
  const kept = { forgotten: 0, deletions: 0 };
  const notTaken: ForgetNotTaken[] = [];
  if (!stones.length) return { kept, notTaken };
  const held = new Map<string, { id: string; name?: string }>();
  for (const [collection, records] of recordCollections(journal)) {
    for (const r of records) {
      held.set(`${collection}\0${tombstoneKey(collection, r.id)}`, {
        id: r.id,
        ...(typeof r.name === 'string' ? { name: r.name } : {}),
      });
    }
  }
  journal.tombstones ??= [];
  const here = new Map(journal.tombstones.map((s, i) => [`${s.collection}\0${s.idHash}`, i]));
  for (const stone of stones) {
    const key = `${stone.collection}\0${stone.idHash}`;
    const record = held.get(key);
    if (record) {
      if (stone.forgotten && stone.collection === 'people')
        notTaken.push({ id: record.id, name: record.name ?? record.id });
      continue;
    }
    const at = here.get(key);
    if (at !== undefined) {
      if (!stone.forgotten || journal.tombstones[at]!.forgotten) continue;
      journal.tombstones[at] = structuredClone(stone);
    } else {
      here.set(key, journal.tombstones.length);
      journal.tombstones.push(structuredClone(stone));
    }
    if (stone.forgotten) kept.forgotten++;
    else kept.deletions++;
  }
  return { kept, notTaken };
}

/**
 * Takes the file's dismissed meetings into the journal: each once (one whose id, or whose meeting
 * or series, the journal has dismissed already is there), and none whose title names someone the
 * import left out as forgotten (rel forget removed such a dismissal with them). Returns how many.
 */
export function takeDismissals(
  journal: Journal,
  dismissals: readonly Dismissal[],
  forgottenNames: readonly string[],
): number {
  if (!dismissals.length) return 0;
  const list = journal.dismissals ?? [];
  const ids = new Set(list.map((d) => d.id));
  const events = new Set(list.flatMap((d) => (d.eventId ? [d.eventId] : [])));
  const series = new Set(list.flatMap((d) => (d.seriesId ? [d.seriesId] : [])));
  let taken = 0;
  for (const d of dismissals) {
    if (ids.has(d.id) || (d.eventId && events.has(d.eventId)) || (d.seriesId && series.has(d.seriesId)))
      continue;
    if (forgottenNames.length && textNames(d.title, forgottenNames)) continue;
    list.push(structuredClone(d));
    ids.add(d.id);
    if (d.eventId) events.add(d.eventId);
    if (d.seriesId) series.add(d.seriesId);
    taken++;
  }
  if (taken) journal.dismissals = list;
  return taken;
}
