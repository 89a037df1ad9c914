// The people a report is about, by team or tag: a team or tag no one has is refused.
import { UsageError } from '../errors.js';
import type { Person } from './journal.js';
import { normalize } from './text.js';

/**
 * A team or tag no one has is a typo, not a quiet team: refused with the ones that exist, so that
 * an empty report or list always means no one there, never a typo. `rel pulse`, `rel due` and
 * `rel stats` share it.
 */
export function checkScope(people: readonly Person[], team?: string, tag?: string): void {
  const known = (values: string[]) => [...new Set(values.filter((v) => normalize(v)))].sort();
  if (team !== undefined && !people.some((p) => normalize(p.team) === normalize(team))) {
    const teams = known(people.map((p) => p.team));
    throw new UsageError(
      `No one in your journal is in the team "${team}".`,
      teams.length
        ? `The teams are: ${teams.join(', ')}.`
        : 'Give people a team with rel edit <name> --team <team>.',
    );
  }
  if (tag !== undefined && !people.some((p) => p.tags.some((t) => normalize(t) === normalize(tag)))) {
    const tags = known(people.flatMap((p) => p.tags));
    throw new UsageError(
      `No one in your journal has the tag "${tag}".`,
      tags.length ? `The tags are: ${tags.join(', ')}.` : 'Tag people with rel edit <name> --add-tag <tag>.',
    );
  }
}
