// Whether human output is in colour: decided by rel (chalk is told, never asked). Apart from the
// theme so that the output writer (io.ts) can know it without loading chalk.
import { type Env, envValue } from '../store/paths.js';

/** What colour depends on of the terminal (io.ts Io has it). */
export interface ColourTerminal {
  env: Env;
  stdoutIsTTY: boolean;
}

/**
 * Colour only for a terminal or when FORCE_COLOR is set; a non-empty NO_COLOR wins (chalk 5 does
 * not read it); never with --json.
 */
export function colourLevel(io: ColourTerminal, json: boolean): 0 | 1 | 2 | 3 {
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
