// rel unarchive: someone archived is back in rel due and rel people.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson } from '../../context.js';
import { samePerson, unarchivePerson } from '../../core/people.js';
import { displaySafe } from '../../core/text.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('unarchive')
    .description('bring an archived person back into rel due and rel people')
    .argument('<name>', 'their name, alias or id')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel unarchive ben\n  $ rel unarchive "Ben Okafor" --json\n  $ rel people --all                (archived people too: who to bring back)`,
    )
    .action(async (name: string, options: { json?: boolean }) => {
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name);
      if (!person.archivedAt) {
        ctx.io.err(`${displaySafe(person.name)} is not archived; nothing changed.`);
        if (options.json) printJson(ctx.io, person);
        return;
      }
      const back = await store.update(
        (journal) => {
          const fresh = samePerson(journal, person);
          unarchivePerson(fresh);
          return fresh;
        },
        { summary: () => `unarchived ${person.name}` },
      );
      printResult(
        ctx.io,
        options.json,
        back,
        () => `${theme(ctx.io).good('Back')}: ${displaySafe(back.name)} is in rel due and rel people again.`,
      );
    });
}
