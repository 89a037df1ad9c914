// What encrypt, decrypt and passphrase share: whether the file is encrypted, and a warning about
// plain copies that rel cannot reach.
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../context.js';

export async function readSealedState(file: string): Promise<'missing' | 'plain' | 'encrypted'> {
  const [{ isEncrypted }, { readStoreFile }] = await Promise.all([
    import('../../store/crypto.js'),
    import('../../store/files.js'),
  ]);
  const bytes = readStoreFile(file); // refuses a FIFO or a device at once
  if (!bytes) return 'missing';
  return isEncrypted(bytes) ? 'encrypted' : 'plain';
}

/** Plain versions in a git history stay there; say so, with what to do. */
export function warnAboutPlainCopies(ctx: Context, file: string): void {
  if (fs.existsSync(path.join(path.dirname(file), '.git'))) {
    ctx.io.err(
      'rel: warning: earlier plain versions of the journal remain in its git history (and on its remote).',
    );
    ctx.io.err('  To drop them, start a new history: see "Encryption" in the README.');
  }
}
