// The terminal edge: where output goes, whether colour and prompts are allowed, and what "now" is.
import { parseNow } from '../core/dates.js';
import { envValue } from '../store/paths.js';

export type Env = Record<string, string | undefined>;

export interface Io {
  env: Env;
  now: Date;
  stdin: NodeJS.ReadStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Columns available for tables: the terminal's width, else $COLUMNS, else 80. */
  width: number;
  out(text: string): void;
  err(text: string): void;
}

/**
 * The process's terminal edge. Each stream is opened only when something asks about it: opening
 * stdin, stdout or stderr costs a few milliseconds each when it is a pipe, and `rel --help` needs
 * only stdout.
 */
export function createIo(proc: NodeJS.Process = process): Io {
  const env = proc.env;
  const columns = Number(envValue(env, 'COLUMNS'));
  return {
    env,
    now: parseNow(envValue(env, 'REL_NOW'), () => new Date()),
    get stdin() {
      return proc.stdin;
    },
    get stdinIsTTY() {
      return Boolean(proc.stdin.isTTY);
    },
    get stdoutIsTTY() {
      return Boolean(proc.stdout.isTTY);
    },
    get stderrIsTTY() {
      return Boolean(proc.stderr.isTTY);
    },
    get width() {
      return (proc.stdout.isTTY && proc.stdout.columns) || (columns > 0 ? columns : 80);
    },
    out: (text) => proc.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => proc.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/** Prompts only when both ends are a terminal and the user did not say --no-input. */
export function canPrompt(io: Io, noInput: boolean): boolean {
  return !noInput && io.stdinIsTTY && io.stdoutIsTTY;
}
