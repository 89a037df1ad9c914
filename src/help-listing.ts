// The top-level help (`rel`, `rel --help`, `rel -h`, `rel help`) without commander: the listing is
// data known when rel is built (the usage line, the global options, every command's term and help
// line), and only its layout depends on the run (the width). Building the commander program of
// forty-odd commands to print it cost more than all the rest of `rel --help` over a bare node. The
// layout below is commander's own Help.formatHelp for a program with options and commands and no
// arguments, with rel's formatItem (cli.ts uses the same); a test lays out the listing both ways at
// every width and compares. Anything else on the command line goes to commander as before.
import { createIo, type Io, quietOnClosedPipe } from './ui/io.js';
import { safeText } from './ui/safe.js';
import { fitLines, visibleWidth, wrapText } from './ui/wrap.js';

/** What the top-level help shows, as commander's Help reads it off the program. */
export interface Listing {
  usage: string;
  description: string;
  /** Term and description of each global option, and of each command, in commander's order. */
  options: [string, string][];
  commands: [string, string][];
  /** The width of the widest term (commander's padWidth). */
  termWidth: number;
  /** The text added after the help (addHelpText('after')), written on its own. */
  after: string;
}

/** Where help is laid out: $COLUMNS when given, else the terminal, else 80. */
export function helpWidth(io: Io): number {
  return Number(io.env.COLUMNS) || io.terminal.columns || 80;
}

/**
 * A piece of help as it is written out: its prose wrapped to the width, each example kept whole
 * (or, too wide, continued under its command), every other line fitted to the width; then made safe.
 */
export function fitHelp(text: string, width: number): string {
  return safeText(fitLines(width > 0 ? reflowHelp(text, width) : text, width), false);
}

/**
 * The help's prose is written as paragraphs: lines at the left edge, up to a blank or indented
 * line. Their line breaks are where the line ended in the source, not in the terminal, so a
 * paragraph is joined and wrapped to the width. An example (`  $ rel ...`) too wide for the width
 * goes on under its command, indented past the `$`, so that it does not read as the next example.
 * Other indented lines (options, commands, lists) are commander's or laid out by hand: as they are.
 */
function reflowHelp(text: string, width: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let at = 0; at < lines.length; ) {
    const line = lines[at]!;
    if (isProse(line)) {
      const paragraph: string[] = [];
      while (at < lines.length && isProse(lines[at]!)) paragraph.push(lines[at++]!.trimEnd());
      out.push(...wrapText(paragraph.join(' '), width));
      continue;
    }
    const example = EXAMPLE.exec(line);
    if (example && visibleWidth(line) > width) out.push(...continued(example, width));
    else out.push(line);
    at++;
  }
  return out.join('\n');
}

/** An example: its indent, the command line, and the comment set apart from it by two spaces. */
const EXAMPLE = /^( +)(\$ .*?)(?: {2,}(\S.*))?$/;

/** An example too wide for the width: the command wrapped, its comment on a line of its own. */
function continued(example: RegExpExecArray, width: number): string[] {
  const [, indent = '', command = '', comment] = example;
  const room = width - indent.length;
  const lines = wrapText(command, room - 2, room);
  if (comment !== undefined) lines.push(...wrapText(comment, room - 2));
  return lines.map((line, at) => (at === 0 ? indent : `${indent}  `) + line);
}

/** A line of a paragraph of prose: it starts at the left edge. */
function isProse(line: string): boolean {
  return line.length > 0 && !/^\s/.test(line);
}

// commander leaves a description column narrower than 40 unwrapped, and rel's own wrapping then
// starts its lines at the left edge; from this width commander wraps it in its column, aligned.
export const MIN_WIDTH_TO_WRAP = 16;

/** The parts commander writes for the top-level help at this width: the help, then the text after. */
export function listingText(listing: Listing, width: number): [string, string] {
  const item = (term: string, description: string) => formatItem(term, listing.termWidth, description, width);
  const output = [`Usage: ${listing.usage}`, ''];
  if (listing.description.length > 0) output.push(boxWrap(listing.description, width), '');
  for (const [heading, items] of [
    ['Options:', listing.options],
    ['Commands:', listing.commands],
  ] as const) {
    if (items.length > 0)
      output.push(heading, ...items.map(([term, description]) => item(term, description)), '');
  }
  return [output.join('\n'), `${listing.after}\n`];
}

/**
 * An option or command in the help: term and description side by side, or, when the description
 * column would be narrower than MIN_WIDTH_TO_WRAP (a long term in a narrow terminal), the term on
 * its own line and the description under it, indented and wrapped. (rel's formatItem, cli.ts.)
 */
export function formatItem(term: string, termWidth: number, description: string, width: number): string {
  if (!description || width - termWidth - 4 >= MIN_WIDTH_TO_WRAP)
    return commanderFormatItem(term, termWidth, description, width);
  return [
    `  ${term}`,
    ...boxWrap(description, width - 6)
      .split('\n')
      .map((line) => `      ${line}`),
  ].join('\n');
}

// What follows is commander 14's Help (formatItem, boxWrap, displayWidth, preformatted) with the
// styles it applies left out: rel sets none, so each is the text itself.

function commanderFormatItem(term: string, termWidth: number, description: string, width: number): string {
  const itemIndent = '  ';
  if (!description) return itemIndent + term;
  const paddedTerm = term.padEnd(termWidth + term.length - displayWidth(term));
  const spacerWidth = 2;
  const remainingWidth = width - termWidth - spacerWidth - itemIndent.length;
  let formatted = description;
  if (!(remainingWidth < MIN_WIDTH_TO_WRAP || /\n[^\S\r\n]/.test(description))) {
    formatted = boxWrap(description, remainingWidth).replace(
      /\n/g,
      `\n${' '.repeat(termWidth + spacerWidth)}`,
    );
  }
  return `${itemIndent}${paddedTerm}${' '.repeat(spacerWidth)}${formatted.replace(/\n/g, `\n${itemIndent}`)}`;
}

function boxWrap(text: string, width: number): string {
  if (width < MIN_WIDTH_TO_WRAP) return text;
  const wrapped: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(/[\s]*[^\s]+/g);
    if (chunks === null) {
      wrapped.push('');
      continue;
    }
    let sum = [chunks.shift()!];
    let sumWidth = displayWidth(sum[0]!);
    for (const chunk of chunks) {
      const chunkWidth = displayWidth(chunk);
      if (sumWidth + chunkWidth <= width) {
        sum.push(chunk);
        sumWidth += chunkWidth;
        continue;
      }
      wrapped.push(sum.join(''));
      const next = chunk.trimStart();
      sum = [next];
      sumWidth = displayWidth(next);
    }
    wrapped.push(sum.join(''));
  }
  return wrapped.join('\n');
}

function displayWidth(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes take no width
  return text.replace(/\x1b\[\d*(;\d*)*m/g, '').length;
}

/** Put in by scripts/build.mjs for the listing's own program; undefined anywhere else. */
declare const REL_HELP_LISTING: Listing | undefined;

/**
 * The listing's program (dist/listing.cjs, which the launcher runs for the command lines above):
 * the help at this run's width, and exit code 0. Undefined when the run's settings are refused (a
 * bad REL_NOW), for the usual program to report as it always has.
 */
export async function main(): Promise<number | undefined> {
  let io: Io;
  try {
    io = createIo();
  } catch {
    return undefined;
  }
  const width = helpWidth(io);
  const parts = listingText(REL_HELP_LISTING!, width).map((part) => fitHelp(part, width));
  quietOnClosedPipe();
  io.raw.out(parts.join(''));
  return 0;
}
