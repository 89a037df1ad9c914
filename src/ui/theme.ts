// Colour for human output: the level rel decides (chalk is told, never asked), and the styles.
// Its own module so that chalk is loaded only by commands that print in colour, not by --help.
import { Chalk, type ChalkInstance } from 'chalk';
import { colourLevel } from './colour.js';
import type { Io } from './io.js';

export { colourLevel };

export interface Theme {
  bold: (text: string) => string;
  dim: (text: string) => string;
  heading: (text: string) => string;
  accent: (text: string) => string;
  good: (text: string) => string;
  warn: (text: string) => string;
  mark: (text: string) => string;
}

/** Without colour every style gives the text back as it is, as chalk's do at level 0. */
const same = (text: string) => text;
const PLAIN: Theme = {
  bold: same,
  dim: same,
  heading: same,
  accent: same,
  good: same,
  warn: same,
  mark: same,
};

export function theme(io: Io, json = false): Theme {
  const level = colourLevel(io, json);
  // A table styles every cell: without colour, chalk's builders (made for each style, and called
  // for each cell) are not needed at all.
  if (level === 0) return PLAIN;
  const chalk: ChalkInstance = new Chalk({ level });
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
