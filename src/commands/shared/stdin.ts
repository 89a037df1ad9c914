// What a command reads from the run's stdin (the process's, or a test's), never file descriptor 0.
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';

/** Everything on stdin, as bytes. */
export async function readStdin(ctx: Context): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * `--note -`: the note typed or piped in, trailing blank space dropped. An empty stdin (a file
 * that was not there, a command before the pipe that failed, stdin closed) is refused, before
 * anything is saved: the note was asked for, and a conversation saved without it would hide the
 * broken pipe.
 */
export async function readNote(ctx: Context): Promise<string> {
  if (ctx.io.stdinIsTTY) ctx.io.err('Type the note, then press Ctrl+D on a new line.');
  const note = (await readStdin(ctx)).toString('utf8').replace(/\s+$/, '');
  if (note.trim() === '') {
    throw new UsageError(
      '--note -: stdin was empty, so there is no note to read; nothing was saved.',
      'Check what feeds the pipe (cat notes.txt | rel log ana --note -), give the note as --note "text", or leave --note out to log without one.',
    );
  }
  return note;
}
