// Ids used by more than one record: a hand edit or a bad merge. rel doctor reports them, and the
// store refuses to write such a journal (a change would land on whichever record came first).
import { stepsOf, thanksOf } from './facts.js';
import type { Journal } from './journal.js';

export interface DuplicateIds {
  /** "people", "conversations", "follow-ups", "ambitions", "skills", "steps", "thanks", "dismissals". */
  what: string;
  ids: string[];
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

/**
 * `distinct`: top-level lists (by key: people, conversations, followUps, dismissals) already known
 * to hold distinct ids, which are not gone through again (a write's change tracking knows).
 */
export function duplicateIds(journal: Journal, distinct: ReadonlySet<string> = new Set()): DuplicateIds[] {
  const ids = (key: string, records: { id: string }[] | undefined) =>
    distinct.has(key) ? [] : (records ?? []).map((r) => r.id);
  const collections: [string, string[]][] = [
    ['people', ids('people', journal.people)],
    ['conversations', ids('conversations', journal.conversations)],
    ['follow-ups', ids('followUps', journal.followUps)],
    ['ambitions', journal.people.flatMap((p) => p.ambitions.map((a) => a.id))],
    ['skills', journal.people.flatMap((p) => p.skills.map((s) => s.id))],
    ['steps', journal.people.flatMap((p) => p.ambitions.flatMap((a) => stepsOf(a).map((s) => s.id)))],
    ['thanks', journal.people.flatMap((p) => thanksOf(p).map((t) => t.id))],
    ['dismissals', ids('dismissals', journal.dismissals)],
  ];
  return collections
    .map(([what, ids]) => ({ what, ids: duplicates(ids) }))
    .filter((found) => found.ids.length > 0);
}
