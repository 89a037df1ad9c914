// The terminal edge: where output goes, whether colour and prompts are allowed, and what "now" is.
import { Chalk, type ChalkInstance } from 'chalk';
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

export function createIo(proc: NodeJS.Process = process): Io {
  const env = proc.env;
  const columns = Number(envValue(env, 'COLUMNS'));
  return {
    env,
    now: parseNow(envValue(env, 'REL_NOW'), () => new Date()),
    stdin: proc.stdin,
    stdinIsTTY: Boolean(proc.stdin.isTTY),
    stdoutIsTTY: Boolean(proc.stdout.isTTY),
    stderrIsTTY: Boolean(proc.stderr.isTTY),
    width: (proc.stdout.isTTY && proc.stdout.columns) || (columns > 0 ? columns : 80),
    out: (text) => proc.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => proc.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/** Prompts only when both ends are a terminal and the user did not say --no-input. */
export function canPrompt(io: Io, noInput: boolean): boolean {
  return !noInput && io.stdinIsTTY && io.stdoutIsTTY;
}

/**
 * Colour only for a terminal or when FORCE_COLOR is set; a non-empty NO_COLOR wins (chalk 5 does
 * not read it); never with --json.
 */
export function colourLevel(io: Io, json: boolean): 0 | 1 | 2 | 3 {
  if (json || envValue(io.env, 'NO_COLOR')) return 0;
  const force = envValue(io.env, 'FORCE_COLOR');
  if (force !== undefined) {
    if (force === 'false' || force === '0') return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  if (!io.stdoutIsTTY) return 0;
  return /-256(color)?$/.test(io.env.TERM ?? '') || io.env.COLORTERM ? 2 : 1;
}

export interface Theme {
  bold: (text: string) => string;
  dim: (text: string) => string;
  heading: (text: string) => string;
  accent: (text: string) => string;
  good: (text: string) => string;
  warn: (text: string) => string;
  mark: (text: string) => string;
}

export function theme(io: Io, json = false): Theme {
  const chalk: ChalkInstance = new Chalk({ level: colourLevel(io, json) });
  return {
    bold: chalk.bold,
    dim: chalk.dim,
    heading: chalk.bold.cyan,
    accent: chalk.cyan,
    good: chalk.green,
    warn: chalk.yellow,
    mark: chalk.inverse,
  };
}
