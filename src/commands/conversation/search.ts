// rel search: find a text across everyone: names, notes, what you heard, ambitions, skills,
// personal notes and follow-ups.
import type { Command } from 'commander';
import { type Context, openStore, today } from '../../context.js';
import { search, searchTerms } from '../../core/search.js';
import { UsageError } from '../../errors.js';
import { mayHold } from '../../store/partial.js';
import { printSearchJson, renderSearch } from '../../ui/render/search.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('search')
    .description('find text across names, notes, what you heard, ambitions, skills and follow-ups')
    .argument('<text...>', 'words to find (all of them, ignoring case, accents and a hyphen inside a word)')
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
      // Everyone, and of the conversations and follow-ups only the lines that may hold every
      // word (store/partial.ts): search finds its hits in those exactly as in the whole lists.
      const view = await (await openStore(ctx)).view();
      const holding = mayHold(searchTerms(query));
      const journal = await view.read({
        conversations: holding,
        followUps: holding,
        tombstones: 'none',
        dismissals: 'none',
      });
      const hits = search(journal, query);
      if (options.json) {
        printSearchJson(ctx.io, hits);
        return;
      }
      ctx.io.print(renderSearch(hits, query, today(ctx), theme(ctx.io), ctx.io.proseWidth));
    });
}
