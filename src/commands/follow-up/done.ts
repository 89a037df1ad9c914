// rel done: close a follow-up, by id or by words of it; a search prompt in a terminal.
import type { Command } from 'commander';
import { type Context, mayPrompt, openStore, today } from '../../context.js';
import { closeFollowUp, openFollowUps, peopleNames, type TodoItem, toItem } from '../../core/followups.js';
import { byIdOrWords, byWords, recordById } from '../../core/records.js';
import { displaySafe } from '../../core/text.js';
import { followUpChange, names } from '../../core/wording.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';
import { pickOne } from '../shared/pick.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('done')
    .description('close a follow-up: by its id, or by words of it')
    .argument('[words...]', 'the id (or its first characters), or words of the follow-up')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel done 3f9a                (an id, or its first four or more characters)
  $ rel done promotion doc       (words that pick one open follow-up)
  $ rel done                     (in a terminal: search the open ones)`,
    )
    .action(async (words: string[], options: { json?: boolean }) => run(ctx, words.join(' '), options));
}

const label = (i: TodoItem) => `${displaySafe(i.text)} · ${displaySafe(names(i.people))}`;

async function run(ctx: Context, typed: string, options: { json?: boolean }): Promise<void> {
  const store = await openStore(ctx);
  const journal = await store.read();
  const todayIso = today(ctx);
  const open = openFollowUps(journal, todayIso);
  let item: TodoItem;
  if (!typed.trim() && mayPrompt(ctx) && open.length > 0) {
    const { searchFor } = await ctx.prompts();
    item = await searchFor('Which follow-up is done? (type to search)', (term) => {
      const found = byWords(open, term, (i) => `${i.text} ${i.people.join(' ')}`);
      const shown = found.kind === 'found' ? [found.record] : found.kind === 'several' ? found.records : [];
      return shown.map((i) => ({ name: label(i), value: i, description: i.id }));
    });
  } else {
    const picked = byIdOrWords(open, typed);
    if (picked.kind === 'none' && typed.trim()) {
      const closed = byIdOrWords(
        journal.followUps.filter((f) => f.doneAt),
        typed,
      );
      if (closed.kind === 'found') {
        ctx.io.err(`"${displaySafe(closed.record.text)}" was already done; nothing changed.`);
        return;
      }
    }
    item = await pickOne(ctx, picked, {
      what: 'open follow-up',
      typed,
      label,
      candidates: open,
      usage: 'its id or words of it, e.g. rel done <id>',
    });
  }
  const closed = await store.update(
    (fresh) => {
      const followUp = recordById(
        fresh.followUps,
        item.id,
        'That follow-up was removed meanwhile; nothing changed.',
      );
      closeFollowUp(followUp, ctx.io.now);
      return followUp;
    },
    { summary: (f) => followUpChange('closed', f.text, item.people) },
  );
  if (options.json) {
    const shown = toItem(closed, peopleNames(journal), todayIso);
    printJson(ctx.io, { ...shown, doneAt: closed.doneAt });
    return;
  }
  const t = theme(ctx.io);
  ctx.io.print(
    `${t.good('Done')}: ${displaySafe(closed.text)} ${t.dim(`· ${displaySafe(names(item.people))}`)}`,
  );
}
