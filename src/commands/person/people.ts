// rel people: everyone in the journal, with when you last saw them and their cadence.
import type { Command } from 'commander';
import { type Context, openStore, settings, today, togetherRules } from '../../context.js';
import { checkConversationDays, indexConversations } from '../../core/conversations.js';
import type { Journal } from '../../core/journal.js';
import { lastContacts, peopleRows } from '../../core/people-list.js';
import { printJson } from '../../ui/json.js';
import { listable, noOneListed } from '../../ui/render/no-one.js';
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
  // The summary beside the journal when it still stands for it (it keeps everything listed here),
  // else the journal read in full.
  const read = await (await openStore(ctx)).readForDue();
  try {
    list(ctx, options, read.journal);
  } finally {
    // The summary of a full read, written once the list is out.
    read.save();
  }
}

function list(ctx: Context, options: PeopleOptions, journal: Journal): void {
  checkConversationDays(journal.conversations);
  const index = indexConversations(journal.conversations);
  const todayIso = today(ctx);
  const rules = togetherRules(ctx);
  const rows = peopleRows(journal, index, todayIso, options, settings(ctx).defaultCadenceDays, rules);
  if (options.json) printJson(ctx.io, rows);
  else
    ctx.io.print(
      (rows.length === 0 && noOneListed(listable(journal.people), options.alumni)) ||
        renderPeople(rows, todayIso, theme(ctx.io), ctx.io.width, lastContacts(rows, index, rules)),
    );
}
