// rel due: who is due a catch-up, most overdue first.
import type { Command } from 'commander';
import { type Context, openStore, today } from '../context.js';
import { dueWithBirthdays } from '../core/birthdays.js';
import { parsePeriod } from '../core/dates.js';
import { checkIn } from '../core/due.js';
import { indexConversations } from '../core/journal.js';
import { UsageError } from '../errors.js';
import { theme } from '../ui/io.js';
import { renderDue } from '../ui/render/due.js';

interface DueOptions {
  within?: string;
  tag?: string;
  limit?: string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('due')
    .description('who is due a catch-up, longest overdue first')
    .option(
      '--within <period>',
      'also show who comes due, and birthdays coming up, within this period, e.g. 1w',
    )
    .option('--tag <tag>', 'only people with this tag')
    .option('--limit <n>', 'show at most n people')
    .option('--json', 'print the list as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ rel due
  $ rel due --within 1w          (planning the week ahead)
  $ rel due --tag platform --limit 5
  $ rel due --json | jq -r '.[].name'`,
    )
    .action(async (options: DueOptions) => run(ctx, options));
}

export function parseLimit(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new UsageError(`--limit "${text}" is not a positive whole number.`, 'For example: --limit 5');
  }
  return Number(text);
}

async function run(ctx: Context, options: DueOptions): Promise<void> {
  const withinDays = options.within === undefined ? undefined : parsePeriod(options.within, '--within');
  const limit = options.limit === undefined ? undefined : parseLimit(options.limit);
  const journal = await (await openStore(ctx)).read();
  const index = indexConversations(journal.conversations);
  const todayIso = today(ctx);
  const rows = dueWithBirthdays(journal, index, todayIso, { withinDays, tag: options.tag, limit });
  if (options.json) {
    ctx.io.out(JSON.stringify(rows, null, 2));
    return;
  }
  const active = journal.people.filter((p) => !p.archivedAt);
  const next = active
    .map((person) => ({ person, ...checkIn(person, index, todayIso) }))
    .sort((a, b) => b.overdueDays - a.overdueDays)[0];
  ctx.io.out(
    renderDue(
      {
        rows,
        today: todayIso,
        withinDays,
        tag: options.tag,
        peopleCount: active.length,
        next: next && { name: next.person.name, dueOn: next.dueOn },
      },
      theme(ctx.io),
      ctx.io.width,
    ),
  );
}
