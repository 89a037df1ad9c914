// rel undo: takes back the last change rel made; again, the one before (up to 10).
import type { Command } from 'commander';
import { type Context, openStore } from '../../context.js';
import { displaySafe } from '../../core/text.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

interface UndoOptions {
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('undo')
    .description('take back the last change (a log, an add, an edit); again for the one before, up to 10')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel undo                     (takes back the last rel log, rel add, ...)
  $ rel undo --json

A change whose records were edited since (by hand, or by a restore) is not undone: rel says which.`,
    )
    .action(async (options: UndoOptions) => run(ctx, options));
}

async function run(ctx: Context, options: UndoOptions): Promise<void> {
  const store = await openStore(ctx);
  const { entry, remaining } = await store.undo();
  if (options.json) {
    printJson(ctx.io, { undone: { summary: entry.summary, at: entry.at }, remaining });
    return;
  }
  const t = theme(ctx.io);
  const when = entry.at.slice(0, 16).replace('T', ' ');
  ctx.io.print(
    [
      `${t.good('Undone:')} ${displaySafe(entry.summary)} ${t.dim(`· made ${when} UTC`)}`,
      remaining
        ? t.dim(`${remaining} earlier change${remaining === 1 ? '' : 's'} can still be undone: rel undo`)
        : t.dim('That was the oldest change kept for undo.'),
    ].join('\n'),
  );
}
