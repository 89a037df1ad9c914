// rel who: the people whose skills, talents, passions, ambitions or personal notes fit a piece of
// work, to find the person it would suit (and who might grow by doing it).
import type { Command } from 'commander';
import { type Context, openStore } from '../../context.js';
import { who } from '../../core/growth.js';
import { UsageError } from '../../errors.js';
import { printJson } from '../../ui/json.js';
import { renderWho } from '../../ui/render/who.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('who')
    .description('find the people whose skills, talents, ambitions or personal notes hold some words')
    .argument('<words...>', 'words to find (all of them, ignoring case and accents)')
    .option('--all', 'include archived people')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Every word must be found in a person's skills (skills, talents and passions), ambitions (not the
dropped ones) or personal notes; each is listed with what matched.

Examples:
  $ rel who design
  $ rel who spanish teaching
  $ rel who photo --json | jq -r '.[].name'`,
    )
    .action(async (words: string[], options: { all?: boolean; json?: boolean }) => {
      const query = words.join(' ');
      if (!query.trim())
        throw new UsageError('Who has what? Give some words.', 'For example: rel who design');
      const journal = await (await openStore(ctx)).read();
      const hits = who(journal, query, options.all);
      if (options.json) {
        printJson(
          ctx.io,
          hits.map((h) => ({
            id: h.id,
            name: h.name,
            matches: h.matches.map((m) => ({ field: m.field, text: m.text })),
          })),
        );
        return;
      }
      const archived = options.all ? 0 : who(journal, query, true).length - hits.length;
      ctx.io.print(renderWho(hits, query, archived, theme(ctx.io), ctx.io.proseWidth));
    });
}
