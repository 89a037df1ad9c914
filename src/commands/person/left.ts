// rel left: someone left the company (or the team). The relationship goes on, less often:
// they stay in rel due at the alumni cadence and in rel people, marked "left".
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson, settings, today } from '../../context.js';
import { addNote } from '../../core/facts.js';
import { markLeft, samePerson, unmarkLeft } from '../../core/people.js';
import { describeCadence, parseCadence } from '../../core/periods.js';
import { displaySafe } from '../../core/text.js';
import { UsageError } from '../../errors.js';
import { newId } from '../../ids.js';
import { showDate } from '../../ui/display.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

interface LeftOptions {
  note?: string;
  cadence?: string;
  off?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('left')
    .description('mark someone as having left: still in rel due, at the alumni cadence (6 months)')
    .argument('<name>', 'their name, alias or id')
    .option('--note <text>', 'where they went, kept as a personal note ("Joined Stripe")')
    .option('--cadence <period>', 'how often to catch up from now on (default: the alumni-cadence setting)')
    .option('--off', 'take it back: they have not left; their earlier cadence comes back')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel left ben --note "Joined Stripe"
  $ rel left ana --cadence yearly
  $ rel left ben --off
  $ rel people --alumni`,
    )
    .action(async (name: string, options: LeftOptions) => {
      if (options.off && (options.note !== undefined || options.cadence !== undefined)) {
        throw new UsageError(
          '--off takes back rel left; it takes no --note or --cadence.',
          'Use one or the other.',
        );
      }
      const cadenceDays =
        options.cadence === undefined
          ? settings(ctx).alumniCadenceDays
          : parseCadence(options.cadence, '--cadence');
      const todayIso = today(ctx);
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name);
      const t = theme(ctx.io);
      const who = t.bold(displaySafe(person.name));
      // Someone already marked as left keeps their date; a second run changes the cadence or adds
      // a note, and says that rather than "Marked as left" again.
      const leftBefore = person.leftOn;
      let cadenceChanged = true;
      let changed = true;
      const updated = await store.update(
        (journal) => {
          const fresh = samePerson(journal, person);
          if (options.off) changed = unmarkLeft(fresh);
          else {
            cadenceChanged = markLeft(fresh, { on: todayIso, cadenceDays });
            changed = cadenceChanged;
            if (options.note !== undefined) {
              addNote(fresh, options.note, todayIso, { now: ctx.io.now, newId });
              changed = true;
            }
          }
          return fresh;
        },
        {
          summary: () =>
            options.off ? `took back that ${person.name} left` : `marked ${person.name} as left`,
        },
      );
      if (options.json) printJson(ctx.io, updated);
      else if (!changed)
        ctx.io.err(
          options.off
            ? `${displaySafe(person.name)} is not marked as having left; nothing changed.`
            : `${displaySafe(person.name)} is already marked as left; nothing changed.`,
        );
      else if (options.off)
        ctx.io.out(
          `${t.good('Taken back')}: ${who} has not left; cadence ${describeCadence(updated.cadenceDays ?? settings(ctx).defaultCadenceDays)} again.`,
        );
      else if (leftBefore !== undefined) {
        const what = [
          cadenceChanged ? `catching up ${describeCadence(cadenceDays)} now` : '',
          options.note !== undefined ? 'note added' : '',
        ].filter(Boolean);
        ctx.io.out(
          `${who} already left on ${showDate(leftBefore, todayIso)}: ${what.join(', ')}. ${t.dim(`Take it back with: rel left ${updated.id} --off`)}`,
        );
      } else
        ctx.io.out(
          `${t.good('Marked as left')}: ${who}, still in rel due, ${describeCadence(cadenceDays)}. ${t.dim(`Take it back with: rel left ${updated.id} --off`)}`,
        );
    });
}
