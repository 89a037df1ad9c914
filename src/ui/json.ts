// --json output. A long list (thousands of search hits, every conversation) is printed in pieces:
// held as one string, and then as that string's bytes, it can double the memory a command needs.
import type { Io } from './io.js';

/** Lines are gathered into pieces of about this many characters. */
const PIECE_CHARS = 1 << 16;

/** Prints `value` exactly as `JSON.stringify(value, null, 2)` would, followed by a newline. */
export function printJson(io: Io, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) {
    io.out(JSON.stringify(value, null, 2));
    return;
  }
  let piece = '[\n';
  const last = value.length - 1;
  for (const [i, item] of value.entries()) {
    // JSON text never holds a raw newline inside a string, so each one starts a line to indent.
    const text = (JSON.stringify(item, null, 2) ?? 'null').replaceAll('\n', '\n  ');
    piece += `  ${text}${i < last ? ',' : ''}\n`;
    if (piece.length >= PIECE_CHARS) {
      io.out(piece);
      piece = '';
    }
  }
  io.out(`${piece}]`);
}
