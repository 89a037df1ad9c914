// What a report says when it lists no one although the journal has people: that they are all
// archived, or that no one has left, never that the journal is empty (the moment one fears the
// journal was lost). Each report keeps its own words for a journal with no one in it at all.
import { plural } from '../../core/text.js';

export interface Listable {
  /** Everyone in the journal, archived or not. */
  people: number;
  archived: number;
}

/** The line for a list that came out empty, or undefined when the journal has no one in it. */
export function noOneListed({ people, archived }: Listable, alumni = false): string | undefined {
  if (people === 0) return undefined;
  if (alumni) return 'No one has left. When someone moves on: rel left <name> (their history stays).';
  if (archived < people) return undefined;
  return `Everyone in your journal is archived (${plural(archived, 'person', 'people')}): see them with rel people --all, bring one back with rel unarchive <name>.`;
}

/** How many people a journal has, and how many of them are archived. */
export function listable(people: readonly { archivedAt: string | null }[]): Listable {
  let archived = 0;
  for (const person of people) if (person.archivedAt) archived++;
  return { people: people.length, archived };
}
