// --json output. A long list (thousands of search hits, every conversation) is printed in pieces:
// held as one string, and then as that string's bytes, it can double the memory a command needs.
import type { Io } from './io.js';

/** Items are turned into JSON this many at a time, and printed in pieces of about as many characters. */
const ITEMS_AT_ONCE = 256;
const PIECE_CHARS = 1 << 16;

/** Prints `value` exactly as `JSON.stringify(value, null, 2)` would, followed by a newline. */
export function printJson(io: Io, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) {
    io.out(JSON.stringify(value, null, 2));
    return;
  }
  // A run of items as an array of its own is laid out as those items are in the whole one
  // ("[\n  item,\n  item\n]"): its inside is their lines, indented alike. One call for many items
  // costs far less than one (and a re-indent) for each.
  let piece = '[\n';
  for (let i = 0; i < value.length; i += ITEMS_AT_ONCE) {
    const run = JSON.stringify(value.slice(i, i + ITEMS_AT_ONCE), null, 2);
    // Each piece ends a line: io.out ends what it prints with one.
    piece += `${run.slice(2, -2)}${i + ITEMS_AT_ONCE < value.length ? ',' : ''}\n`;
    if (piece.length >= PIECE_CHARS) {
      io.out(piece);
      piece = '';
    }
  }
  io.out(`${piece}]`);
}
