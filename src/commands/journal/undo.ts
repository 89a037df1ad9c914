// rel undo: takes back the last change rel made; again, the one before (up to 10).
import type { Command } from 'commander';
import { type Context, mayPrompt, openStore } from '../../context.js';
import { displaySafe } from '../../core/text.js';
import type { Store, Undone } from '../../store/store.js';
import { bySync, UndoNeedsConsent } from '../../store/undo.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

interface UndoOptions {
  json?: boolean;
  yes?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('undo')
    .description('take back the last change (a log, an add, an edit); again for the one before, up to 10')
    .option(
      '--yes',
      'take back a change rel asks about first: the one before a rel forget (which cannot be undone), or what a sync brought',
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel undo                     (takes back the last rel log, rel add, ...)
  $ rel undo --json

A change whose records were edited since (by hand, by a restore, or by a sync) is not undone: rel says which.

A rel forget cannot be undone; right after one, rel undo says so and asks before it takes back the change before the forget (--yes without a terminal).

After a rel sync that brought other machines' changes, rel undo asks before it takes them back (here, and on every machine at the next sync): --yes without a terminal.`,
    )
    .action(async (options: UndoOptions) => run(ctx, options));
}

async function run(ctx: Context, options: UndoOptions): Promise<void> {
  const store = await openStore(ctx);
  const undone = await undoAsked(ctx, store, options.yes === true);
  if (!undone) {
    ctx.io.err('Nothing was changed.');
    return;
  }
  const { entry, remaining, pastForget } = undone;
  if (options.json) {
    // pastForget only when it was: the shape of every other undo stays as it was.
    printJson(ctx.io, {
      undone: { summary: entry.summary, at: entry.at },
      remaining,
      ...(pastForget ? { pastForget } : {}),
    });
    return;
  }
  const t = theme(ctx.io);
  const when = entry.at.slice(0, 16).replace('T', ' ');
  ctx.io.print(
    [
      `${t.good('Undone:')} ${displaySafe(entry.summary)} ${t.dim(`· made ${when} UTC`)}`,
      ...(pastForget ? [t.dim('The rel forget after it stays: a forget cannot be undone.')] : []),
      // The records it took back are stamped as any undo's: the next sync carries that out.
      ...(bySync(entry) ? [t.dim('The next rel sync takes this back on the other machines too.')] : []),
      remaining
        ? t.dim(`${remaining} earlier change${remaining === 1 ? '' : 's'} can still be undone: rel undo`)
        : t.dim('That was the oldest change kept for undo.'),
    ].join('\n'),
  );
}

/**
 * store.undo(), which refuses a change that needs the user's say-so (right after a rel forget,
 * or what a sync brought) until told: in a terminal it asks, for the change it names; undefined
 * when the answer is no.
 */
async function undoAsked(ctx: Context, store: Store, yes: boolean): Promise<Undone | undefined> {
  try {
    return await store.undo(yes);
  } catch (error) {
    if (!(error instanceof UndoNeedsConsent) || !mayPrompt(ctx)) throw error;
    const { askYesNo } = await ctx.prompts();
    const sure = await askYesNo(displaySafe(error.question), false);
    return sure ? store.undo(error.entry) : undefined;
  }
}
