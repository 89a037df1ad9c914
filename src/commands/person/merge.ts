// rel merge: two entries for one person become one; the duplicate's history moves over.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson } from '../../context.js';
import { mergePeople, samePerson } from '../../core/people.js';
import { displaySafe, plural } from '../../core/text.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('merge')
    .description('merge a duplicate into the person to keep: all history moves, names become aliases')
    .argument('<keep>', 'the person to keep')
    .argument('<duplicate>', 'the duplicate, who disappears from rel people')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel merge "Ana Silva" "Ana S."
  $ rel merge ana-silva ana-silva-2`,
    )
    .action(async (keepName: string, duplicateName: string, options: { json?: boolean }) => {
      const store = await openStore(ctx);
      const journal = await store.read();
      const keep = await resolvePerson(ctx, journal, keepName);
      const duplicate = await resolvePerson(ctx, journal, duplicateName);
      const { kept, moved } = await store.update(
        (fresh) => {
          const kept = samePerson(fresh, keep);
          const moved = mergePeople(fresh, kept, samePerson(fresh, duplicate), ctx.io.now);
          return { kept, moved };
        },
        { summary: () => `merged ${duplicate.name} into ${keep.name}` },
      );
      if (options.json) {
        printJson(ctx.io, kept);
        return;
      }
      const t = theme(ctx.io);
      // Only what moved, each in its number: "moved 1 ambition, skill or note", not "0 conversations".
      const what =
        [
          moved.conversations && plural(moved.conversations, 'conversation'),
          moved.followUps && plural(moved.followUps, 'follow-up'),
          moved.facts && plural(moved.facts, 'ambition, skill or note', 'ambitions, skills and notes'),
        ]
          .filter(Boolean)
          .join(', ') || 'nothing';
      ctx.io.print(
        `${t.good('Merged')} ${displaySafe(duplicate.name)} into ${t.bold(displaySafe(kept.name))}: moved ${what}. "${displaySafe(duplicate.name)}" now finds ${displaySafe(kept.name)}.`,
      );
    });
}
