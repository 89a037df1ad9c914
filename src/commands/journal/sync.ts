// rel sync: parses its flags and prints; the work (git, the merge, the lock) is in store/sync.ts.
import type { Command } from 'commander';
import { type Context, keyring, openStore, relCommand } from '../../context.js';

interface SyncOptions {
  init?: string;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('sync')
    .description('sync your journal with other machines through a git remote')
    .option('--init <remote-url>', 'set up sync: push this journal to an empty remote, or join the one there')
    .addHelpText(
      'after',
      `
Only the journal and .gitattributes are committed. Both machines' changes are kept: rel merges
journals itself (records matched by id; deletions remembered), so a sync never conflicts.
Commit messages name people only for a plain journal, never for an encrypted one.

Examples:
  $ rel sync --init git@github.com:me/journal.git   (on the first machine)
  $ rel sync --init git@github.com:me/journal.git   (the second: joins, merges)
  $ rel sync                                        (whenever you like, either)`,
    )
    .action(async (options: SyncOptions) => run(ctx, options));
}

async function run(ctx: Context, options: SyncOptions): Promise<void> {
  const store = await openStore(ctx);
  const { syncJournal } = await import('../../store/sync.js');
  const lines = await syncJournal(store, {
    init: options.init,
    env: { ...ctx.io.env, GIT_TERMINAL_PROMPT: ctx.io.stdinIsTTY ? undefined : '0' },
    keys: await keyring(ctx),
    rel: relCommand(ctx),
    warn: (message) => ctx.io.err(`rel: warning: ${message}`),
  });
  for (const line of lines) ctx.io.print(line);
}
