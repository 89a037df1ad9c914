// rel search: find a text across everyone: names, notes, what you heard, ambitions, skills,
// personal notes and follow-ups.
import type { Command } from 'commander';
import { type Context, openStore, today } from '../../context.js';
import { search } from '../../core/search.js';
import { UsageError } from '../../errors.js';
import { printJson } from '../../ui/json.js';
import { renderSearch } from '../../ui/render/search.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('search')
    .description('find text across names, notes, what you heard, ambitions, skills and follow-ups')
    .argument('<text...>', 'words to find (all of them, ignoring case and accents)')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel search on-call
  $ rel search "conference talk"
  $ rel search cafe --json | jq -r '.[] | "\\(.person): \\(.text)"'`,
    )
    .action(async (words: string[], options: { json?: boolean }) => {
      const query = words.join(' ');
      if (!query.trim())
        throw new UsageError('Search for what? Give some words.', 'For example: rel search on-call');
      const journal = await (await openStore(ctx)).read();
      const hits = search(journal, query);
      if (options.json) {
        printJson(
          ctx.io,
          hits.map(({ matches: _matches, ...hit }) => hit),
        );
        return;
      }
      ctx.io.print(renderSearch(hits, query, today(ctx), theme(ctx.io), ctx.io.proseWidth));
    });
}
