// What changed between two versions of a journal, in words: for sync's commit messages and for
// the report of a fold. Names appear only when asked for (never for an encrypted journal).
import type { Journal } from './journal.js';
import { recordCollections } from './tombstones.js';

export interface CollectionChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export type JournalChanges = Map<string, CollectionChanges>;

/** Ids added, changed and removed in each collection. */
export function diffJournals(before: Journal | null, after: Journal): JournalChanges {
  const changes: JournalChanges = new Map();
  const old = new Map(
    (before ? recordCollections(before) : []).map(([name, records]) => [
      name,
      new Map(records.map((r) => [r.id, JSON.stringify(r)])),
    ]),
  );
  for (const [name, records] of recordCollections(after)) {
    const previous = old.get(name) ?? new Map<string, string>();
    const entry: CollectionChanges = { added: [], changed: [], removed: [] };
    const present = new Set<string>();
    for (const record of records) {
      present.add(record.id);
      const was = previous.get(record.id);
      if (was === undefined) entry.added.push(record.id);
      else if (was !== JSON.stringify(record)) entry.changed.push(record.id);
    }
    for (const id of previous.keys()) if (!present.has(id)) entry.removed.push(id);
    if (entry.added.length || entry.changed.length || entry.removed.length) changes.set(name, entry);
  }
  return changes;
}

const NOUNS: Record<string, [string, string]> = {
  people: ['person', 'people'],
  conversations: ['conversation', 'conversations'],
  followUps: ['follow-up', 'follow-ups'],
};

/** "2 conversations", "1 person" */
export function countRecords(collection: string, n: number): string {
  const [one, many] = NOUNS[collection] ?? ['record', `${collection} records`];
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 conversations added, 1 person changed" */
export function summarizeChanges(changes: JournalChanges): string {
  const parts: string[] = [];
  for (const verb of ['added', 'changed', 'removed'] as const) {
    const items = [...changes]
      .filter(([, c]) => c[verb].length)
      .map(([name, c]) => countRecords(name, c[verb].length));
    if (items.length) parts.push(`${items.join(', ')} ${verb}`);
  }
  return parts.join('; ') || 'no changes';
}

/**
 * A commit message: a summary line and, when names may be shown, who the changes were about.
 * Names never appear for an encrypted journal: git commit messages are not encrypted.
 */
export function commitMessage(before: Journal | null, after: Journal, withNames: boolean): string {
  const changes = diffJournals(before, after);
  const subject = `rel: ${summarizeChanges(changes)}`;
  if (!withNames) return subject;
  const touched = new Set<string>();
  for (const [name, c] of changes) {
    const ids = new Set([...c.added, ...c.changed]);
    if (name === 'people') for (const id of ids) touched.add(id);
    if (name === 'conversations') {
      for (const conversation of after.conversations)
        if (ids.has(conversation.id)) for (const w of conversation.with) touched.add(w);
    }
  }
  const names = after.people.filter((p) => touched.has(p.id)).map((p) => p.name);
  return names.length ? `${subject}\n\nAbout: ${names.join(', ')}` : subject;
}
