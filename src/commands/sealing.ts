// What encrypt, decrypt and passphrase share: whether the file is encrypted, and a warning about
// plain copies that rel cannot reach.
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';

export async function readSealedState(file: string): Promise<'missing' | 'plain' | 'encrypted'> {
  const { MAGIC } = await import('../store/crypto.js');
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    const head = Buffer.alloc(MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === MAGIC.length && head.equals(MAGIC) ? 'encrypted' : 'plain';
  } finally {
    fs.closeSync(fd);
  }
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
