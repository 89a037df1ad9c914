// rel add <name>: a new person, with flags or, in a terminal without a name, prompts.

import type { Command } from 'commander';
import { type Context, mayPrompt, openStore, personLabel, settings, today } from '../../context.js';
import { parseBirthday } from '../../core/birthdays.js';
import { DEFAULT_CADENCE_DAYS, type IsoDate } from '../../core/dates.js';
import { effectiveCadence } from '../../core/due.js';
import { editEmails, parseEmail } from '../../core/emails.js';
import { aliasHolder } from '../../core/names.js';
import { addPerson, checkNewName, type NewPerson } from '../../core/new-person.js';
import { RELATIONSHIPS } from '../../core/people.js';
import { cadenceProblem, parseCadence, periodDays } from '../../core/periods.js';
import { displaySafe } from '../../core/text.js';
import { answerProblem, UsageError } from '../../errors.js';
import { newId } from '../../ids.js';
import { renderAdded } from '../../ui/render/person.js';
import { theme } from '../../ui/theme.js';
import { collect } from '../shared/options.js';
import { jsonOption, printResult } from '../shared/output.js';
import { askRelationship } from '../shared/relationship.js';

interface AddOptions {
  role?: string;
  team?: string;
  relationship?: string;
  tag?: string[];
  alias?: string[];
  cadence?: string;
  birthday?: string;
  email?: string[];
  json?: boolean;
}

// No default value: commander would print "(default: [])" in the help.

export function register(program: Command, ctx: Context): Command {
  return program
    .command('add')
    .description('add a person to your journal')
    .argument('[name]', 'their full name (asked for in a terminal when missing)')
    .option('--role <role>', 'their role, e.g. "Staff Engineer"')
    .option('--team <team>', 'their team')
    .option('--relationship <kind>', `${RELATIONSHIPS.join(', ')}, or any word`)
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--alias <alias>', 'another name they go by (repeatable)', collect)
    .option('--cadence <period>', 'how often you want to catch up (default 30 days)')
    .option('--birthday <date>', 'their birthday: YYYY-MM-DD, or MM-DD without the year')
    .option(
      '--email <address>',
      'an e-mail address, to find them in calendar invitations (repeatable)',
      collect,
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel add "Ana Silva" --role Engineer --team Platform --relationship report
  $ rel add "Ben Okafor" --cadence 2w --tag platform --email ben@example.com
  $ rel add "Dr. Kim Lee" --alias Kim --cadence quarterly --birthday 05-17
  $ rel add                      (in a terminal: asks for each field)`,
    )
    .action(async (name: string | undefined, options: AddOptions) => run(ctx, name, options));
}

async function run(ctx: Context, name: string | undefined, options: AddOptions): Promise<void> {
  const input: NewPerson =
    name === undefined ? await askForPerson(ctx, options) : { name, ...fromFlags(options, today(ctx)) };
  const store = await openStore(ctx);
  // Refuse a duplicate before taking the lock, then again under it (another rel may have added them).
  const journal = await store.read();
  checkNewName(journal, input.name);
  editEmails(journal, { id: '', name: input.name }, input.emails ?? []);
  const { person, aliased } = await store.update(
    (journal) => {
      const person = addPerson(journal, input, { now: ctx.io.now, newId });
      // A name left as someone's alias (a re-add after rel merge): the word now fits two people.
      // Looked for in the journal as it is under the lock: another rel may have given the alias.
      return { person, aliased: aliasHolder(journal.people, person.name, person.id) };
    },
    { summary: ({ person }) => `added ${person.name}` },
  );
  if (aliased) {
    ctx.io.err(
      `rel: "${displaySafe(person.name)}" is also an alias of ${personLabel(aliased)}: give the id to say whom you mean (${person.id} or ${aliased.id}).`,
    );
  }
  // In output, cadenceDays is always the effective number of days.
  const cadenceDays = effectiveCadence(person, settings(ctx).defaultCadenceDays);
  printResult(ctx.io, options.json, { ...person, cadenceDays }, () => renderAdded(person, theme(ctx.io)));
}

function fromFlags(options: AddOptions, todayIso: IsoDate): Omit<NewPerson, 'name'> {
  return {
    role: options.role,
    team: options.team,
    relationship: options.relationship,
    tags: options.tag,
    aliases: options.alias,
    cadenceDays: options.cadence === undefined ? null : parseCadence(options.cadence, '--cadence'),
    birthday: options.birthday === undefined ? null : parseBirthday(options.birthday, todayIso),
    emails: (options.email ?? []).map((e) => parseEmail(e)),
  };
}

async function askForPerson(ctx: Context, options: AddOptions): Promise<NewPerson> {
  if (!mayPrompt(ctx)) {
    throw new UsageError(
      'Who do you want to add? Give their name.',
      'For example: rel add "Ana Silva" --role Engineer',
    );
  }
  const flags = fromFlags(options, today(ctx));
  const { ask } = await ctx.prompts();
  // A duplicate is caught at the name prompt, before the rest is typed.
  const journal = await (await openStore(ctx)).read();
  const name = await ask('Name', {
    validate: (v) => {
      try {
        checkNewName(journal, v);
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  const role = options.role ?? (await ask('Role (Enter to skip)'));
  const team = options.team ?? (await ask('Team (Enter to skip)'));
  let relationship = options.relationship;
  if (relationship === undefined) {
    relationship = await askRelationship(ctx, 'Relationship');
  }
  let cadenceDays = flags.cadenceDays ?? null;
  if (options.cadence === undefined) {
    const answer = await ask('How often do you want to catch up?', {
      default: 'monthly',
      validate: (v) => cadenceProblem(periodDays(v)) ?? true,
    });
    const days = periodDays(answer)!;
    cadenceDays = days === DEFAULT_CADENCE_DAYS ? null : days;
  }
  const tags = options.tag?.length
    ? options.tag
    : (await ask('Tags, separated by commas (Enter to skip)')).split(',');
  const aliases = options.alias?.length
    ? options.alias
    : (await ask('Other names they go by, separated by commas (Enter to skip)')).split(',');
  let birthday = flags.birthday ?? null;
  if (options.birthday === undefined) {
    const answer = await ask('Birthday: YYYY-MM-DD, or MM-DD without the year (Enter to skip)', {
      validate: (v) =>
        v.trim() === '' ? true : answerOrProblem(() => parseBirthday(v, today(ctx), 'The birthday')),
    });
    birthday = answer.trim() ? parseBirthday(answer, today(ctx), 'The birthday') : null;
  }
  return { ...flags, name, role, team, relationship, cadenceDays, tags, aliases, birthday };
}

function answerOrProblem(check: () => unknown): true | string {
  try {
    check();
    return true;
  } catch (error) {
    return answerProblem(error);
  }
}
