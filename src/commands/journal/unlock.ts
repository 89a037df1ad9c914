// rel unlock: derives the encrypted journal's key once and leaves it with a small agent process,
// so that the commands of the next minutes (or hours) need no passphrase and no key derivation.
import type { Command } from 'commander';
import { type Context, openStore, passphraseRing } from '../../context.js';
import { DEFAULT_UNLOCK_MS, describeUnlockDuration, parseUnlockDuration } from '../../core/unlock.js';
import { UsageError } from '../../errors.js';
import { readSealedState } from '../shared/sealing.js';

interface UnlockOptions {
  for?: string;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('unlock')
    .description('keep the key of your encrypted journal in memory for a while (default 15min)')
    .option('--for <duration>', 'how long: 15min, 90min, 2h, 1h30min (at most 12h)')
    .addHelpText(
      'after',
      `
The passphrase comes from REL_PASSPHRASE, else a hidden prompt. A small agent process then holds
the derived key, in memory only, and gives it to your own rel commands over a socket in a folder
only you can enter ($XDG_RUNTIME_DIR/rel, else $XDG_STATE_HOME/rel or ~/.local/state/rel). It
drops the key when the time is up, on rel lock, and when the passphrase changes.

Examples:
  $ rel unlock
  $ rel unlock --for 2h
  $ rel lock`,
    )
    .action(async (options: UnlockOptions) => run(ctx, options));
}

async function run(ctx: Context, options: UnlockOptions): Promise<void> {
  const ms = options.for === undefined ? DEFAULT_UNLOCK_MS : parseUnlockDuration(options.for);
  const store = await openStore(ctx);
  if ((await readSealedState(store.target)) !== 'encrypted') {
    throw new UsageError(
      `${store.file} is not encrypted: there is no key to keep.`,
      'To encrypt it: rel encrypt',
    );
  }
  const [{ startAgent }, { readJournalFile }] = await Promise.all([
    import('../../store/agent.js'),
    import('../../store/codec.js'),
  ]);
  // The passphrase itself, never an agent already running: unlocking again asks for it again,
  // and that agent keeps the key until the new one replaces it (Ctrl+C at the prompt leaves it).
  // Typed wrong at the prompt, it is asked again (three tries, as every command gives).
  const read = await readJournalFile(store.target, await passphraseRing(ctx));
  const sealing = read?.sealing;
  if (!sealing) throw new UsageError(`${store.file} is not encrypted: there is no key to keep.`);
  // The real clock, not REL_NOW: the key's time is the user's own.
  const expiresAt = Date.now() + ms;
  await startAgent(ctx.io.env, store.target, sealing, expiresAt);
  const until = new Date(expiresAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  ctx.io.err(
    `Unlocked ${store.file} for ${describeUnlockDuration(ms)} (until ${until}). rel lock locks it now.`,
  );
}
