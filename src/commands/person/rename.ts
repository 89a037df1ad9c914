// rel rename: a new name, the old one kept as an alias; the id and all history stay.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson } from '../../context.js';
import { renamePerson, samePerson } from '../../core/people.js';
import { displaySafe } from '../../core/text.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('rename')
    .description('give someone a new name; the old one stays as an alias, history is kept')
    .argument('<name>', 'their current name, alias or id')
    .argument('<new-name>', 'the new name')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel rename "Ana Silva" "Ana Costa"
  $ rel rename kim "Kim Lee-Park"`,
    )
    .action(async (name: string, newName: string, options: { json?: boolean }) => {
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name);
      const { renamed, old } = await store.update(
        (journal) => {
          const fresh = samePerson(journal, person);
          const old = renamePerson(journal, fresh, newName);
          return { renamed: fresh, old };
        },
        { summary: ({ old, renamed }) => `renamed ${old} to ${renamed.name}` },
      );
      if (options.json) {
        printJson(ctx.io, renamed);
        return;
      }
      const t = theme(ctx.io);
      ctx.io.print(
        `${t.good('Renamed')} ${displaySafe(old)} to ${t.bold(displaySafe(renamed.name))} ${t.dim(`(${renamed.id}; "${displaySafe(old)}" still finds them)`)}`,
      );
    });
}
