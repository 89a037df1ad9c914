// rel lock: the unlock agent drops the journal's key at once.
import type { Command } from 'commander';
import { type Context, openStore } from '../../context.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('lock')
    .description('drop the key that rel unlock keeps; commands ask for the passphrase again')
    .addHelpText(
      'after',
      `
Examples:
  $ rel lock`,
    )
    .action(async () => run(ctx));
}

async function run(ctx: Context): Promise<void> {
  const store = await openStore(ctx);
  const { lockAgent } = await import('../../store/agent.js');
  if (await lockAgent(ctx.io.env, store.target)) {
    ctx.io.err(`Locked ${store.file}: the key is dropped; commands ask for the passphrase again.`);
  } else {
    ctx.io.err(`${store.file} was not unlocked: no agent holds its key.`);
  }
}
