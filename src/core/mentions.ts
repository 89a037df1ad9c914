// What still mentions someone after they are forgotten: the user's words about others (a shared
// conversation's note, what was heard, follow-ups, others' notes) that rel keeps, as they are
// not about the forgotten person alone. Found as rel search finds them, so that the forget's
// report and the search it points to agree.
import type { JournalReading } from './journal.js';
import { search } from './search.js';

/** How many records still match one of the names (a name and its aliases): each counted once. */
export function recordsMentioning(journal: JournalReading, names: readonly string[]): number {
  const ids = new Set<string>();
  for (const name of names) {
    for (const hit of search(journal, name)) ids.add(`${hit.field}:${hit.id}`);
  }
  return ids.size;
}
