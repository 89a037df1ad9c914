// What still mentions someone after they are forgotten: the user's words about others (a shared
// conversation's note, what was heard, follow-ups, others' notes) that rel keeps, as they are
// not about the forgotten person alone. Found as rel search finds them, so that the forget's
// report and the search it points to agree, but only where the name or alias stands as words of
// its own: a short alias ("Al") is not a mention of them inside "Alice" or "call".
import type { JournalReading } from './journal.js';
import { fold, search, searchTerms, termPattern } from './search.js';

/** A letter or digit next to a match makes it part of a longer word. */
const wordAround = (pattern: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u');

/** Whether a text names someone by one of their names, each word of it a whole word. */
export function textNames(text: string, names: readonly string[]): boolean {
  const folded = fold(text);
  return names.some((name) => {
    const terms = searchTerms(name);
    return terms.length > 0 && terms.every((term) => wordAround(termPattern(term)).test(folded));
  });
}

/**
 * How many records still match one of the names (a name and its aliases) with each of its words
 * as a whole word: each counted once. Names of other people are theirs, not mentions.
 */
export function recordsMentioning(journal: JournalReading, names: readonly string[]): number {
  const ids = new Set<string>();
  for (const name of names) {
    const words = searchTerms(name).map((term) => wordAround(termPattern(term)));
    for (const hit of search(journal, name)) {
      if (hit.field === 'name') continue;
      const text = fold(hit.text);
      if (words.every((word) => word.test(text))) ids.add(`${hit.field}:${hit.id}`);
    }
  }
  return ids.size;
}
