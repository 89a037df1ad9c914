// Runs a rel command in this process, as the built bin would run it, through cli.ts `run` with an
// Io of the test's own: an environment, stdin, stdout and stderr that are strings, a clock
// ($REL_NOW) and a store path. Same options and results as rel.ts, so a test moves from one to
// the other by its import and an `await`. What needs a real process stays with rel.ts: exit codes
// as the shell sees them, terminals (tmux), signals and kills, several processes at once, faults
// injected by $REL_FAULT (read when the process starts), and the bundle.
import { Readable } from 'node:stream';
import { report, run } from '../../src/cli.js';
import { exitCodeOf } from '../../src/errors.js';
import { createIo, type OutStream } from '../../src/ui/io.js';
import { type RunOptions, type RunResult, relEnv } from './rel.js';

export { bytesOf, NOW, type RunResult, readJson, relEnv, tempDir, tempStore } from './rel.js';

export interface InProcessOptions extends Omit<RunOptions, 'cwd'> {
  /** stdout (and stderr) as a terminal this wide (and this tall, for the pager); a pipe when absent. */
  terminal?: { columns: number; rows?: number };
}

function stream(chunks: string[], terminal: InProcessOptions['terminal']): OutStream {
  return {
    write: (text: string) => chunks.push(text),
    ...(terminal ? { isTTY: true, columns: terminal.columns, rows: terminal.rows ?? 24 } : {}),
  };
}

/** Runs rel with these arguments and options in this process; never throws for rel's failures. */
export async function rel(args: string[], options: InProcessOptions = {}): Promise<RunResult> {
  if ('cwd' in options) throw new Error('a working folder needs a process of its own: use rel.ts');
  const env = relEnv(options);
  if (env.REL_FAULT !== undefined) throw new Error('REL_FAULT is read as a process starts: use rel.ts');
  if (env.NODE_OPTIONS !== process.env.NODE_OPTIONS)
    throw new Error('NODE_OPTIONS needs a new process: use rel.ts');
  const out: string[] = [];
  const err: string[] = [];
  const terminal = {
    env,
    stdin: Readable.from(options.input ? [Buffer.from(options.input)] : []),
    stdout: stream(out, options.terminal),
    stderr: stream(err, options.terminal),
  };
  // The time zone is the process's: one a test asks for is set for the run and put back after.
  const zone = process.env.TZ;
  if (env.TZ !== zone) setZone(env.TZ);
  try {
    let code: number;
    try {
      code = await run(args, createIo(terminal));
    } catch (error) {
      // What bin/rel.js reports when the Io cannot be made (a $REL_NOW that is not a date).
      report(error, (text) => err.push(`${text}\n`));
      code = exitCodeOf(error);
    }
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    if (env.TZ !== zone) setZone(zone);
  }
}

function setZone(zone: string | undefined): void {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}

/** Runs rel and insists on exit 0, returning stdout. */
export async function ok(args: string[], options: InProcessOptions = {}): Promise<string> {
  const r = await rel(args, options);
  if (r.code !== 0) throw new Error(`rel ${args.join(' ')} exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}
