// What a command reads from the run's stdin (the process's, or a test's), never file descriptor 0.
import type { Context } from '../../context.js';

/** Everything on stdin, as bytes. */
export async function readStdin(ctx: Context): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** `--note -`: the note typed or piped in, trailing blank space dropped. */
export async function readNote(ctx: Context): Promise<string> {
  if (ctx.io.stdinIsTTY) ctx.io.err('Type the note, then press Ctrl+D on a new line.');
  return (await readStdin(ctx)).toString('utf8').replace(/\s+$/, '');
}
