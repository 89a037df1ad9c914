// rel decrypt: turns an encrypted journal back into the plain JSON file.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Context, openStore } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readSealedState } from '../shared/sealing.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('decrypt')
    .description('turn an encrypted journal back into plain JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ rel decrypt
  $ REL_PASSPHRASE=... rel decrypt`,
    )
    .action(async () => run(ctx));
}

async function run(ctx: Context): Promise<void> {
  const store = await openStore(ctx);
  if ((await readSealedState(store.target)) !== 'encrypted') {
    throw new UsageError(`${store.file} is not encrypted.`, 'To encrypt it: rel encrypt');
  }
  const [{ saltOf }, { headOf }] = await Promise.all([
    import('../../store/crypto.js'),
    import('../../store/files.js'),
  ]);
  // The key the passphrase opens, for the commits a later sync reads.
  const salt = saltOf(headOf(store.target));
  await store.update(() => undefined, { reseal: null });
  // A plain journal has no key: one kept by rel unlock is dropped.
  const { lockAgent } = await import('../../store/agent.js');
  await lockAgent(ctx.io.env, store.target);
  ctx.io.err(`Decrypted ${store.file}: it is plain JSON again, readable by anyone who can read the file.`);
  // The keys of earlier passphrases go too, unless the next sync has commits to read with them.
  const { settleEarlierKeys } = await import('../../store/earlier-keys.js');
  if (settleEarlierKeys(store.target, ctx.io.env, salt) === 'kept') {
    const { earlierKeysPath } = await import('../../store/paths.js');
    ctx.io.err(
      `The keys of the passphrases before the last change stay in ${earlierKeysPath(store.target)}, sealed with this passphrase, until the next rel sync: it needs them to read the commits made under them, and then removes them.`,
    );
  }
  // A synced journal: the next sync carries the decryption, as it carries any change.
  if (fs.existsSync(path.join(path.dirname(store.target), '.git')))
    ctx.io.err(
      'It is synced: rel sync sends it plain to the remote (whose history keeps the encrypted versions), and the other machines take the plain journal at their next sync. To keep it encrypted everywhere instead: rel encrypt before you sync.',
    );
}
