// A plain table that fits the terminal: flexible columns shrink (with an ellipsis) before
// anything wraps. Colour is applied after fitting, so widths are measured on plain text.
import stringWidth from 'string-width';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  style?: (text: string, row: Row) => string;
  align?: 'left' | 'right';
  /** Shrinks to fit the width, down to `min` characters. */
  flex?: boolean;
  /** Which flexible column gives way first (1 first); unnumbered ones last, right to left. */
  shrinkOrder?: number;
  min?: number;
}

export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (stringWidth(`${out}${char}…`) > width) break;
    out += char;
  }
  return `${out}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const gap = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}

export function renderTable<Row>(
  rows: Row[],
  columns: Column<Row>[],
  width: number,
  headerStyle: (t: string) => string,
): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) =>
    Math.max(stringWidth(c.header), ...cells.map((r) => stringWidth(r[i]!))),
  );
  const gutter = 2;
  let excess = widths.reduce((a, b) => a + b, 0) + gutter * (columns.length - 1) - width;
  // Flexible columns give way in their `shrinkOrder` (the least important first), each down to
  // its minimum before the next one gives anything.
  const order = columns
    .map((column, i) => ({ column, i }))
    .filter(({ column }) => column.flex)
    .sort((a, b) => (a.column.shrinkOrder ?? 99) - (b.column.shrinkOrder ?? 99) || b.i - a.i);
  for (const { column, i } of order) {
    if (excess <= 0) break;
    const cut = Math.min(excess, widths[i]! - Math.max(column.min ?? 8, 1));
    if (cut > 0) {
      widths[i]! -= cut;
      excess -= cut;
    }
  }
  const line = (values: string[], styled: (text: string, i: number) => string) =>
    values
      .map((v, i) => styled(pad(truncate(v, widths[i]!), widths[i]!, columns[i]!.align ?? 'left'), i))
      .join(' '.repeat(gutter))
      .trimEnd();
  const header = line(
    columns.map((c) => c.header),
    (t) => headerStyle(t),
  );
  const body = cells.map((values, r) => line(values, (t, i) => columns[i]!.style?.(t, rows[r]!) ?? t));
  return [header, ...body].join('\n');
}

/** Word-wraps plain text to the width, every line after the first indented like the first. */
export function wrap(text: string, width: number, indent: string, firstIndent = indent): string[] {
  const room = Math.max(20, width - stringWidth(indent));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').flatMap((w) => breakWord(w, room))) {
      if (line && stringWidth(`${line} ${word}`) > room) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? firstIndent : indent) + l);
}

/** A word wider than the room (a URL, a run of CJK text) is cut into pieces that fit. */
function breakWord(word: string, room: number): string[] {
  if (stringWidth(word) <= room) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (stringWidth(piece + char) > room) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return [...pieces, piece];
}
