// rel edit: change what you know about someone: by flags, or prompts prefilled in a terminal.

import type { Command } from 'commander';
import { type Context, mayPrompt, openStore, resolvePerson, today } from '../../context.js';
import { type Birthday, parseBirthday } from '../../core/birthdays.js';
import { answersChanged } from '../../core/corrections.js';
import { DEFAULT_CADENCE_DAYS, type IsoDate } from '../../core/dates.js';
import { editEmails, parseEmail } from '../../core/emails.js';
import type { Person } from '../../core/journal.js';
import { hasAlias } from '../../core/names.js';
import { checkNewAliases } from '../../core/new-person.js';
import {
  editPerson,
  listChanges,
  type PersonEdit,
  RELATIONSHIPS,
  samePerson,
  typedList,
} from '../../core/people.js';
import { cadenceProblem, describeCadence, parseCadence, periodDays } from '../../core/periods.js';
import { displaySafe } from '../../core/text.js';
import { UsageError, validity } from '../../errors.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { collect } from '../shared/options.js';
import { jsonOption } from '../shared/output.js';
import { askRelationship } from '../shared/relationship.js';

interface EditOptions {
  role?: string;
  team?: string;
  relationship?: string;
  cadence?: string;
  tag: string[];
  addTag: string[];
  removeTag: string[];
  alias: string[];
  removeAlias: string[];
  birthday?: string;
  email: string[];
  removeEmail: string[];
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('edit')
    .description("change someone's role, team, relationship, cadence, tags, aliases, birthday or e-mails")
    .argument('<name>', 'their name, alias or id')
    .option('--role <role>', 'their role ("" clears it)')
    .option('--team <team>', 'their team ("" clears it)')
    .option('--relationship <kind>', `${RELATIONSHIPS.join(', ')}, or any word`)
    .option('--cadence <period>', 'how often to catch up: 2w, monthly ... or "default"')
    .option('--tag <tag>', 'replace the tags with these (repeatable)', collect, [])
    .option('--add-tag <tag>', 'add a tag (repeatable)', collect, [])
    .option('--remove-tag <tag>', 'remove a tag (repeatable)', collect, [])
    .option('--alias <alias>', 'add another name they go by (repeatable)', collect, [])
    .option('--remove-alias <alias>', 'remove an alias (repeatable)', collect, [])
    .option('--birthday <date>', 'YYYY-MM-DD, MM-DD, or "none"')
    .option('--email <address>', 'add an e-mail address (repeatable)', collect, [])
    .option('--remove-email <address>', 'remove an e-mail address (repeatable)', collect, [])
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel edit ana --role "Engineering Manager" --cadence weekly
  $ rel edit ben --add-tag platform --remove-tag web --alias Benny
  $ rel edit kim --cadence default --birthday none
  $ rel edit ana --email ana@example.com --remove-email ana@old.example
  $ rel edit ana          (in a terminal: each field prefilled, Enter keeps it)`,
    )
    .action(async (name: string, options: EditOptions) => run(ctx, name, options));
}

function flagsGiven(options: EditOptions): boolean {
  return (
    [options.role, options.team, options.relationship, options.cadence, options.birthday].some(
      (v) => v !== undefined,
    ) ||
    [
      options.tag,
      options.addTag,
      options.removeTag,
      options.alias,
      options.removeAlias,
      options.email,
      options.removeEmail,
    ].some((l) => l.length > 0)
  );
}

function parseCadenceFlag(text: string): number | null {
  return text.trim().toLowerCase() === 'default' ? null : parseCadence(text, '--cadence');
}

function parseBirthdayFlag(text: string, todayIso: IsoDate): Birthday | null {
  return ['none', ''].includes(text.trim().toLowerCase()) ? null : parseBirthday(text, todayIso);
}

function fromFlags(options: EditOptions, todayIso: IsoDate): PersonEdit {
  const edit: PersonEdit = {};
  if (options.role !== undefined) edit.role = options.role;
  if (options.team !== undefined) edit.team = options.team;
  if (options.relationship !== undefined) edit.relationship = options.relationship;
  if (options.cadence !== undefined) edit.cadenceDays = parseCadenceFlag(options.cadence);
  if (options.birthday !== undefined) edit.birthday = parseBirthdayFlag(options.birthday, todayIso);
  // Operations, applied to the person as re-read under the lock: see ListEdit.
  if (options.tag.length || options.addTag.length || options.removeTag.length) {
    edit.tags = {
      ...(options.tag.length ? { set: options.tag } : {}),
      add: options.addTag,
      remove: options.removeTag,
    };
  }
  if (options.alias.length || options.removeAlias.length)
    edit.aliases = { add: options.alias, remove: options.removeAlias };
  return edit;
}

/** Each field asked with its current value typed in: Enter keeps it, editing changes it. */
async function askEdit(ctx: Context, person: Person): Promise<PersonEdit> {
  const { askPrefilled } = await ctx.prompts();
  const role = await askPrefilled('Role', person.role);
  const team = await askPrefilled('Team', person.team);
  const relationship = await askRelationship(ctx, 'Relationship', person.relationship);
  const cadenceText = await askPrefilled(
    'How often to catch up',
    describeCadenceInput(person.cadenceDays),
    (v) => {
      const problem = v.trim().toLowerCase() === 'default' ? undefined : cadenceProblem(periodDays(v));
      return problem === undefined ? true : `${problem}, or default`;
    },
  );
  const tags = await askPrefilled('Tags, separated by commas', person.tags.join(', '));
  const aliases = await askPrefilled('Aliases, separated by commas', person.aliases.join(', '));
  // The birthday as it was, kept with Enter, is not read again: one already ahead of today (rel
  // doctor names it) stays until it is corrected here or with --birthday.
  const todayIso = today(ctx);
  const shown = person.birthday ?? '';
  const birthdayOf = (v: string) =>
    v.trim() === shown ? (person.birthday ?? null) : parseBirthdayFlag(v, todayIso);
  const birthdayText = await askPrefilled('Birthday (YYYY-MM-DD or MM-DD; empty for none)', shown, (v) =>
    validity(() => birthdayOf(v)),
  );
  // What was typed against what was shown: what another rel changed meanwhile stays, unless
  // typed over here (fields as values, lists as additions and removals).
  return {
    ...answersChanged(
      {
        role: person.role,
        team: person.team,
        relationship: person.relationship,
        cadenceDays: person.cadenceDays,
        birthday: person.birthday ?? null,
      },
      {
        role,
        team,
        relationship,
        cadenceDays: parseCadenceFlag(cadenceText),
        birthday: birthdayOf(birthdayText),
      },
    ),
    tags: listChanges(person.tags, typedList(person.tags, tags)),
    aliases: listChanges(person.aliases, typedList(person.aliases, aliases)),
  };
}

/** The cadence as the user would type it: "2w", "30d"; "default" for the default. */
function describeCadenceInput(days: number | null): string {
  if (days === null) return 'default';
  return days % 7 === 0 ? `${days / 7}w` : `${days}d`;
}

async function run(ctx: Context, name: string, options: EditOptions): Promise<void> {
  const store = await openStore(ctx);
  const journal = await store.read();
  const person = await resolvePerson(ctx, journal, name);
  const emailsToAdd = options.email.map((e) => parseEmail(e));
  let edit: PersonEdit;
  if (flagsGiven(options)) {
    edit = fromFlags(options, today(ctx));
    // Refused before the lock is taken; checked again under it.
    if (emailsToAdd.length || options.removeEmail.length)
      edit.emails = editEmails(journal, person, emailsToAdd, options.removeEmail);
  } else if (mayPrompt(ctx)) edit = await askEdit(ctx, person);
  else {
    throw new UsageError(
      'What should change? Give a flag such as --role, --team, --cadence, --add-tag or --alias.',
      `For example: rel edit ${person.id} --role "Staff Engineer". In a terminal, rel edit ${person.id} asks.`,
    );
  }
  const t = theme(ctx.io);
  const { edited, changed } = await store.update(
    (journal) => {
      const fresh = samePerson(journal, person);
      // Checked against the journal as it is under the lock: an address names one person.
      if (options.email.length || options.removeEmail.length) {
        edit.emails = editEmails(journal, fresh, emailsToAdd, options.removeEmail);
      }
      const added = [...(edit.aliases?.set ?? []), ...(edit.aliases?.add ?? [])];
      checkNewAliases(
        journal,
        added.filter((a) => !hasAlias(fresh, a)),
        fresh.id,
      );
      const changed = editPerson(fresh, edit);
      return { edited: fresh, changed };
    },
    {
      // Fields as a person says them: "cadence", not the record's "cadenceDays".
      summary: ({ changed }) =>
        `edited ${person.name} (${changed.map((f) => (f === 'cadenceDays' ? 'cadence' : f)).join(', ') || 'nothing'})`,
    },
  );
  if (options.json) {
    printJson(ctx.io, edited);
    return;
  }
  if (changed.length === 0) {
    ctx.io.print(`Nothing changed for ${displaySafe(edited.name)}.`);
    return;
  }
  const shown = changed.map((field) => {
    if (field === 'cadenceDays')
      return `catching up ${describeCadence(edited.cadenceDays ?? DEFAULT_CADENCE_DAYS)}`;
    const value = edited[field as keyof Person];
    const text = Array.isArray(value) ? value.join(', ') : value ? String(value) : '(none)';
    return `${field} ${displaySafe(text)}`;
  });
  ctx.io.print(`${t.good('Updated')} ${t.bold(displaySafe(edited.name))}: ${shown.join('; ')}.`);
}
