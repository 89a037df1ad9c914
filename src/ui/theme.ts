// Colour for human output: the level rel decides (chalk is told, never asked), and the styles.
// Its own module so that chalk is loaded only by commands that print in colour, not by --help.
import { Chalk, type ChalkInstance } from 'chalk';
import { envValue } from '../store/paths.js';
import type { Io } from './io.js';

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
