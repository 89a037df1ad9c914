// Who was there, asked in a terminal for `rel log`: a search over the journal with "add a new
// person" after the matches, and the few things worth knowing about someone added.

import type { Context } from '../../../context.js';
import type { Journal, Person } from '../../../core/journal.js';
import { rankPeople } from '../../../core/names.js';
import { checkNewName, type NewPerson } from '../../../core/new-person.js';
import { cadenceProblem, periodDays } from '../../../core/periods.js';
import { displaySafe, normalize } from '../../../core/text.js';
import { validity } from '../../../errors.js';
import type { Choice } from '../../../ui/prompts.js';
import { askRelationship } from '../../shared/relationship.js';

type Who = Person | string | null;

function whoChoices(journal: Journal, term: string, chosen: Person[], first: boolean): Choice<Who>[] {
  const active = journal.people.filter((p) => !p.archivedAt && !chosen.includes(p));
  const matches = rankPeople(term, active).map(
    (p): Choice<Who> => ({
      name: displaySafe(p.name),
      value: p,
      description:
        [p.role, p.team]
          .filter(Boolean)
          .map((d) => displaySafe(d))
          .join(' · ') || undefined,
    }),
  );
  const typed = term.replace(/\s+/g, ' ').trim();
  // Someone archived is found when typed for, after everyone active and marked as such: logging
  // with them is kept (without a next check-in, as the confirmation says), as `rel log <name>` does.
  const archived = typed
    ? rankPeople(
        term,
        journal.people.filter((p) => p.archivedAt && !chosen.includes(p)),
      ).map(
        (p): Choice<Who> => ({
          name: `${displaySafe(p.name)} (archived)`,
          value: p,
          short: displaySafe(p.name),
          description: `archived: no next check-in; rel unarchive ${displaySafe(p.id)} brings them back`,
        }),
      )
    : [];
  // Once the user types, Enter should pick the best match, not end the list; adding someone new
  // comes last, so it is preselected only when no one matches.
  const choices: Choice<Who>[] = first || typed ? [] : [{ name: 'No one else', value: null }];
  choices.push(...matches, ...archived);
  if (typed && !journal.people.some((p) => normalize(p.name) === normalize(typed))) {
    choices.push({
      name: `Add "${displaySafe(typed)}" as a new person`,
      value: typed,
      short: `${displaySafe(typed)} (new)`,
    });
  }
  return choices;
}

/** Who was there: a search over the journal, with "add a new person" after the matches. */
export async function askWho(ctx: Context, journal: Journal): Promise<(Person | NewPerson)[]> {
  const { askPrefilled, searchFor } = await ctx.prompts();
  const chosen: (Person | NewPerson)[] = [];
  for (;;) {
    const first = chosen.length === 0;
    const people = chosen.filter((c): c is Person => 'id' in c);
    const answer = await searchFor<Who>(
      first
        ? journal.people.length
          ? 'Who did you talk with? (type to search or to add someone)'
          : 'Who did you talk with? (type their name to add them)'
        : 'Anyone else? (Enter when that is everyone)',
      (term) => whoChoices(journal, term, people, first),
    );
    if (answer === null) return chosen;
    if (typeof answer !== 'string') {
      chosen.push(answer);
      continue;
    }
    const taken = chosen.filter((c): c is NewPerson => !('id' in c)).map((c) => c.name);
    // A slip (a date typed at "Anyone else?") must not force adding a junk person or losing the
    // capture to Ctrl+C: an emptied name goes back to the search.
    const name = await askPrefilled(
      'Name of the new person (as you want it kept; empty it to go back)',
      answer,
      (value) => {
        if (!value.trim()) return true;
        if (taken.some((t) => t.toLowerCase() === value.trim().toLowerCase()))
          return 'They are already named.';
        return validity(() => checkNewName(journal, value));
      },
    );
    if (!name.trim()) continue;
    chosen.push({ name: checkNewName(journal, name), ...(await askAboutNewPerson(ctx, name)) });
  }
}

/** The few things worth knowing about someone added from `log`; Enter skips each. */
export async function askAboutNewPerson(
  ctx: Context,
  name: string,
): Promise<Pick<NewPerson, 'role' | 'relationship' | 'cadenceDays'>> {
  const { ask } = await ctx.prompts();
  const first = displaySafe(name.trim().split(' ')[0]!);
  const role = (await ask(`${first}'s role (Enter to skip)`)).trim();
  const relationship = await askRelationship(ctx, `${first} is your… (Enter to skip)`);
  const cadence = await ask(`How often to catch up with ${first}? (Enter for the default; 2w, monthly)`, {
    validate: (v) => (!v.trim() ? true : (cadenceProblem(periodDays(v)) ?? true)),
  });
  return { role, relationship, cadenceDays: cadence.trim() ? periodDays(cadence)! : null };
}
