// The top-level help printed without commander (src/help-listing.ts) must be commander's own,
// byte for byte, at every width: laid out here from the listing read off the program, and
// compared with what the commander program writes for `rel --help` in this process.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, helpListing } from '../../src/cli.js';
import { fitHelp, type Listing, listingText } from '../../src/help-listing.js';
import { createIo } from '../../src/ui/io.js';
import { rel } from '../helpers/run.js';

let listing: Listing;
beforeAll(async () => {
  const io = createIo({
    env: { REL_NOW: '2026-11-27T12:00:00' },
    stdin: process.stdin,
    stdout: { write: () => true },
    stderr: { write: () => true },
  });
  listing = helpListing(await buildProgram(io, []));
});

const laidOut = (width: number) =>
  listingText(listing, width)
    .map((part) => fitHelp(part, width))
    .join('');

describe('the top-level help without commander', () => {
  it('is what commander writes at every width from 1 to 260 columns', async () => {
    for (let width = 1; width <= 260; width++) {
      const { code, stdout, stderr } = await rel(['--help'], { env: { COLUMNS: String(width) } });
      expect({ width, code, stderr, stdout: laidOut(width) }).toEqual({ width, code: 0, stderr: '', stdout });
    }
  });

  it('is what commander writes for any $COLUMNS and terminal: odd values, a terminal, a pipe', async () => {
    // $COLUMNS as Number() reads it (0 and words fall back to the terminal, then 80).
    for (const [columns, width] of [
      ['-5', -5],
      ['0', 80],
      ['abc', 80],
      ['45.5', 45.5],
      ['1e3', 1000],
      ['Infinity', Number.POSITIVE_INFINITY],
      [undefined, 80],
    ] as const) {
      const { stdout } = await rel(['--help'], { env: { COLUMNS: columns } });
      expect({ columns, stdout: laidOut(width) }).toEqual({ columns, stdout });
    }
    for (const columns of [12, 33, 57, 100]) {
      const { stdout } = await rel(['--help'], { env: { COLUMNS: undefined }, terminal: { columns } });
      expect({ columns, stdout: laidOut(columns) }).toEqual({ columns, stdout });
    }
  });

  it('has the parts the help has: options, every command, the text after', () => {
    const text = laidOut(100);
    expect(text).toMatch(/^Usage: rel \[options\] \[command\]\n/);
    expect(listing.options.map(([term]) => term)).toContain('--store <file>');
    expect(listing.commands.map(([term]) => term.split(' ')[0])).toEqual(
      expect.arrayContaining(['log', 'due', 'profile', 'completion', 'help']),
    );
    expect(text).toMatch(/Exit codes: 0 ok.*\n$/);
  });
});
