// rel encrypt: turns the journal, at the same path, into an encrypted file.
import type { Command } from 'commander';
import { type Context, newPassphrase, openStore } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readSealedState, warnAboutPlainCopies } from '../shared/sealing.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('encrypt')
    .description('encrypt your journal with a passphrase (AES-256-GCM, scrypt)')
    .addHelpText(
      'after',
      `
The passphrase comes from REL_PASSPHRASE, else it is asked twice in a terminal. From then on every
command needs it (REL_PASSPHRASE, or a hidden prompt). Without it the journal cannot be read.

Examples:
  $ rel encrypt
  $ REL_PASSPHRASE='correct horse battery staple' rel encrypt`,
    )
    .action(async () => run(ctx));
}

async function run(ctx: Context): Promise<void> {
  const store = await openStore(ctx);
  if ((await readSealedState(store.target)) === 'encrypted') {
    // An encryption that was interrupted left copies in plain text: this finishes it.
    const { resealed, removed } = await store.finishSealing();
    if (resealed.length || removed.length) {
      ctx.io.err(
        `Finished encrypting ${store.file}: ${resealed.length} ${resealed.length === 1 ? 'copy' : 'copies'} beside it encrypted${removed.length ? `, ${removed.length} unreadable removed` : ''}.`,
      );
      return;
    }
    throw new UsageError(`${store.file} is already encrypted.`, 'To change its passphrase: rel passphrase');
  }
  const { kdfFromEnv, newSealing } = await import('../../store/crypto.js');
  const kdf = kdfFromEnv(ctx.io.env.REL_KDF_LOG_N || undefined);
  // Said before the new passphrase is asked for (twice, in a terminal), not after.
  store.refuseReadOnly();
  const sealing = await newSealing(await newPassphrase(ctx, 'REL_PASSPHRASE'), kdf);
  await store.update(() => undefined, { reseal: sealing });
  ctx.io.err(`Encrypted ${store.file}.`);
  ctx.io.err('Keep your passphrase safe: without it, nobody (you included) can read the journal.');
  warnAboutPlainCopies(ctx, store.target);
}
