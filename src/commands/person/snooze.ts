// rel snooze: hide someone from rel due until a day, without logging anything.
import type { Command } from 'commander';
import { type Context, openStore, parseWhen, resolvePerson, today } from '../../context.js';
import { dayDate } from '../../core/dates.js';
import { isSnoozed } from '../../core/due.js';
import { samePerson, snoozePerson } from '../../core/people.js';
import { displaySafe } from '../../core/text.js';
import { UsageError } from '../../errors.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

interface SnoozeOptions {
  until?: string;
  off?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('snooze')
    .description('hide someone from rel due until a day (parental leave, a sabbatical)')
    .argument('<name>', 'their name, alias or id')
    .option('--until <when>', 'the day they come back into rel due: 2026-12-20, monday (the next one), 2w')
    .option('--off', 'end the snooze now')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel snooze ana --until 2026-12-20
  $ rel snooze ben --until 3w
  $ rel snooze ben --off`,
    )
    .action(async (name: string, options: SnoozeOptions) => {
      if (options.until === undefined && !options.off) {
        throw new UsageError(
          'Until when? Give --until.',
          'For example: rel snooze ana --until 2w (or --off to end a snooze).',
        );
      }
      if (options.until !== undefined && options.off) {
        throw new UsageError('--until and --off together contradict each other.', 'Use one of them.');
      }
      const todayIso = today(ctx);
      const until = options.off ? null : await parseWhen(ctx, options.until!, '--until', 'future');
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name);
      if (options.off && !isSnoozed(person, todayIso)) {
        ctx.io.err(`${displaySafe(person.name)} is not snoozed; nothing changed.`);
        if (options.json) printJson(ctx.io, person);
        return;
      }
      const snoozed = await store.update(
        (journal) => {
          const fresh = samePerson(journal, person);
          snoozePerson(fresh, until, todayIso);
          return fresh;
        },
        {
          summary: () =>
            until ? `snoozed ${person.name} until ${until}` : `ended the snooze of ${person.name}`,
        },
      );
      if (options.json) {
        printJson(ctx.io, snoozed);
        return;
      }
      const t = theme(ctx.io);
      const who = t.bold(displaySafe(snoozed.name));
      ctx.io.print(
        until
          ? `${t.good('Snoozed')} ${who} until ${dayDate(until, today(ctx))}: out of rel due until then. ${t.dim(`End it early with: rel snooze ${snoozed.id} --off`)}`
          : `${t.good('Snooze ended')}: ${who} is back in rel due.`,
      );
    });
}
