// rel passphrase: changes the passphrase of an encrypted journal (a new salt, a new key).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Context, keyring, newPassphrase, openStore } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readSealedState } from '../shared/sealing.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('passphrase')
    .description('change the passphrase of your encrypted journal')
    .addHelpText(
      'after',
      `
The current passphrase comes from REL_PASSPHRASE (else a hidden prompt); the new one from
REL_NEW_PASSPHRASE, else it is asked twice in a terminal.

Examples:
  $ rel passphrase
  $ REL_PASSPHRASE=old REL_NEW_PASSPHRASE=new rel passphrase`,
    )
    .action(async () => run(ctx));
}

async function run(ctx: Context): Promise<void> {
  // The current passphrase itself is asked for and checked, never the key rel unlock keeps.
  const store = await openStore(ctx, undefined, { agent: false });
  if ((await readSealedState(store.target)) !== 'encrypted') {
    throw new UsageError(`${store.file} is not encrypted.`, 'To encrypt it: rel encrypt');
  }
  await store.read();
  const { kdfFromEnv, newSealing, sealingOf } = await import('../../store/crypto.js');
  const kdf = kdfFromEnv(ctx.io.env.REL_KDF_LOG_N || undefined);
  // Said before the new passphrase is asked for (twice, in a terminal), not after.
  store.refuseReadOnly();
  const sealing = await newSealing(await newPassphrase(ctx, 'REL_NEW_PASSPHRASE'), kdf);
  // A synced journal's commits in git are sealed with the old key: sync keeps needing it to
  // read them (the common ancestor), until a sync has put the new key on every commit it merges from.
  let putBack: () => void = () => {};
  if (fs.existsSync(path.join(path.dirname(store.target), '.git'))) {
    const ring = await keyring(ctx);
    const previous = await sealingOf(store.file, fs.readFileSync(store.target), ring);
    const { keepEarlierKey } = await import('../../store/earlier-keys.js');
    if (previous) putBack = await keepEarlierKey(store.target, previous, sealing, ring);
  }
  try {
    await store.update(() => undefined, { reseal: sealing });
  } catch (error) {
    putBack();
    throw error;
  }
  // Only once the new passphrase is written does the agent drop the old key: a cancelled or failed
  // change leaves the journal unlocked as it was.
  const { lockAgent } = await import('../../store/agent.js');
  await lockAgent(ctx.io.env, store.target);
  // Not synced (any more): keys of passphrases before it, left from when it was, have no use.
  if (!fs.existsSync(path.join(path.dirname(store.target), '.git'))) {
    const { dropEarlierKeys } = await import('../../store/earlier-keys.js');
    dropEarlierKeys(store.target);
  }
  ctx.io.err(`Changed the passphrase of ${store.file}.`);
}
