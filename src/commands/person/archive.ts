// rel archive: someone who left. Out of rel due and rel people; history kept, still searchable.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson } from '../../context.js';
import { archivePerson, samePerson } from '../../core/people.js';
import { displaySafe } from '../../core/text.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('archive')
    .description('archive someone who left: out of rel due, history kept, still searchable')
    .argument('<name>', 'their name, alias or id')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel archive "Ben Okafor"
  $ rel unarchive ben           (back in rel due and rel people)`,
    )
    .action(async (name: string, options: { json?: boolean }) => {
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name);
      const t = theme(ctx.io);
      if (person.archivedAt) {
        ctx.io.err(`${displaySafe(person.name)} is already archived; nothing changed.`);
        if (options.json) printJson(ctx.io, person);
        return;
      }
      const archived = await store.update(
        (journal) => {
          const fresh = samePerson(journal, person);
          archivePerson(fresh, ctx.io.now);
          return fresh;
        },
        { summary: () => `archived ${person.name}` },
      );
      printResult(
        ctx.io,
        options.json,
        archived,
        () =>
          `${t.good('Archived')} ${t.bold(displaySafe(archived.name))}: out of rel due and rel people, history kept. ${t.dim(`Undo with: rel unarchive ${archived.id}`)}`,
      );
    });
}
