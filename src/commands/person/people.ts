// rel people: everyone in the journal, with when you last saw them and their cadence.
import type { Command } from 'commander';
import { type Context, openStore, settings, today, togetherRules } from '../../context.js';
import { indexConversations } from '../../core/conversations.js';
import { checkIn, lastContact } from '../../core/due.js';
import { compareNames } from '../../core/text.js';
import { printJson } from '../../ui/json.js';
import { renderPeople } from '../../ui/render/people.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

interface PeopleOptions {
  all?: boolean;
  alumni?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('people')
    .description('everyone in your journal, with last seen and cadence')
    .option('--all', 'include archived people')
    .option('--alumni', 'only the people who left (rel left)')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel people
  $ rel people --alumni
  $ rel people --all --json | jq -r '.[] | select(.archivedAt) | .name'`,
    )
    .action(async (options: PeopleOptions) => run(ctx, options));
}

async function run(ctx: Context, options: PeopleOptions): Promise<void> {
  const journal = await (await openStore(ctx)).read();
  const index = indexConversations(journal.conversations);
  const todayIso = today(ctx);
  const { defaultCadenceDays } = settings(ctx);
  const rows = journal.people
    .filter((p) => (options.all || !p.archivedAt) && (!options.alumni || p.leftOn !== undefined))
    .map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      team: p.team,
      relationship: p.relationship,
      tags: p.tags,
      aliases: p.aliases,
      ...checkIn(p, index, todayIso, defaultCadenceDays, togetherRules(ctx)),
      birthday: p.birthday ?? null,
      archivedAt: p.archivedAt,
      leftOn: p.leftOn ?? null,
    }))
    .sort((a, b) => compareNames(a.name, b.name));
  if (options.json) printJson(ctx.io, rows);
  else {
    const contacts = new Map(
      rows.flatMap((r) => {
        const contact = lastContact(index.get(r.id), togetherRules(ctx));
        return contact ? [[r.id, contact] as const] : [];
      }),
    );
    ctx.io.print(renderPeople(rows, todayIso, theme(ctx.io), ctx.io.width, contacts));
  }
}
