// The table layout as it was before its rows were built in plain loops (session 7): the oracle
// of table.test.ts, which checks that the layout in src/ui/render/table.ts lays out every table
// exactly as this one does. Not used by rel itself.
import type { Column } from '../../src/ui/render/table.js';
import { visibleWidth, widestWord, wrapText } from '../../src/ui/wrap.js';

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const gap = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}

const GUTTER = 2;

/**
 * Column widths that fit: flexible columns wrap first, down to their minimum; then other columns
 * wrap between words (names stay whole). Undefined when that is not enough.
 */
function fitWidths<Row>(
  columns: Column<Row>[],
  natural: number[],
  word: (i: number) => number,
  width: number,
  soft: boolean,
): number[] | undefined {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) + GUTTER * (columns.length - 1) - width;
  const give = (i: number, floor: number) => {
    const cut = Math.min(excess, widths[i]! - Math.max(floor, 1));
    if (cut > 0) {
      widths[i]! -= cut;
      excess -= cut;
    }
  };
  // Flexible columns give way in their `shrinkOrder` (the least important first), each down to
  // its minimum before the next one gives anything.
  const order = columns
    .map((column, i) => ({ column, i }))
    .filter(({ column }) => column.flex)
    .sort((a, b) => (a.column.shrinkOrder ?? 99) - (b.column.shrinkOrder ?? 99) || b.i - a.i);
  if (excess <= 0) return widths;
  // A flexible column narrows to its minimum, but not so far that a word of it would be split.
  const floor = (column: Column<Row>, i: number) =>
    Math.max(Math.min(column.min ?? 10, natural[i]!), word(i));
  for (const { column, i } of order) if (excess > 0) give(i, floor(column, i));
  if (excess <= 0 || !soft) return excess <= 0 ? widths : undefined;
  const others = columns
    .map((column, i) => ({ column, i }))
    .filter(({ column }) => !column.flex && !column.whole)
    .sort((a, b) => widths[b.i]! - widths[a.i]!);
  for (const { i } of others) if (excess > 0) give(i, word(i));
  return excess <= 0 ? widths : undefined;
}

/**
 * The table's heading and each row's lines apart: a row that wraps takes several lines, so a
 * caller that puts titles between rows takes whole rows from here, never counts lines.
 */
export function layoutTable<Row>(
  rows: Row[],
  allColumns: Column<Row>[],
  width: number,
  headerStyle: (t: string) => string,
): { header: string; rows: string[] } {
  // Cells are held column by column, each with its width: measured once, when the column is made,
  // and used again to fit and pad the row (a table of a thousand rows measures four thousand).
  type Form = { cells: string[][]; widths: number[][]; natural: number[]; word: (i: number) => number };
  // A shorter form makes and measures again only its own columns. The widest word of a column is
  // found only when the column is to narrow (most tables fit whole).
  const measure = (cells: string[][], from?: Form): Form => {
    const again = (i: number) => !from || allColumns[i]!.short !== undefined;
    const widths = cells.map((column, i) => (again(i) ? column.map(visibleWidth) : from!.widths[i]!));
    const natural = widths.map((column, i) =>
      column.reduce((max, w) => Math.max(max, w), visibleWidth(allColumns[i]!.header)),
    );
    const longest: (number | undefined)[] = [];
    const word = (i: number) => {
      longest[i] ??= again(i)
        ? cells[i]!.reduce((max, cell) => Math.max(max, widestWord(cell)), widestWord(allColumns[i]!.header))
        : from!.word(i);
      return longest[i]!;
    };
    return { cells, widths, natural, word };
  };
  const full = measure(allColumns.map((c) => rows.map((row) => c.value(row))));
  // Columns with a shorter form take it before anything is left out; it is made only if needed.
  let shorter: Form | undefined;
  const forms: (() => Form)[] = [() => full];
  if (allColumns.some((c) => c.short)) {
    forms.push(() => {
      shorter ??= measure(
        allColumns.map((c, i) => (c.short ? rows.map((row) => c.short!(row)) : full.cells[i]!)),
        full,
      );
      return shorter;
    });
  }
  // Every column whole if it fits; else long text wraps; else the shorter forms; else optional
  // columns are left out (the least important first) until the rest fit.
  const droppable = allColumns
    .map((_, i) => i)
    .filter((i) => allColumns[i]!.drop !== undefined)
    .sort((a, b) => allColumns[a]!.drop! - allColumns[b]!.drop!);
  let kept: number[] = [];
  let widths: number[] | undefined;
  let form = full;
  // First without wrapping the columns that are not long text, then allowing it.
  fitting: for (const soft of [false, true]) {
    for (const [n, make] of forms.entries()) {
      const candidate = make();
      form = candidate;
      kept = allColumns.map((_, i) => i);
      const attempt = () =>
        fitWidths(
          kept.map((k) => allColumns[k]!),
          kept.map((k) => candidate.natural[k]!),
          (j) => candidate.word(kept[j]!),
          width,
          soft,
        );
      widths = attempt();
      if (widths) break fitting;
      // Columns are left out only in the shortest form.
      if (n < forms.length - 1) continue;
      for (const i of droppable) {
        kept = kept.filter((k) => k !== i);
        widths = attempt();
        if (widths) break fitting;
      }
    }
  }
  const columns = kept.map((k) => allColumns[k]!);
  const natural = kept.map((k) => form.natural[k]!);
  // Still too wide (a very narrow terminal): every column narrows, the widest first, and wraps.
  widths ??= squeeze(natural, width - GUTTER * (columns.length - 1));
  const fitted = widths;
  const cells = kept.map((k) => form.cells[k]!);
  const cellWidths = kept.map((k) => form.widths[k]!);
  const gutter = ' '.repeat(GUTTER);
  const block = (values: string[], styled: (text: string, i: number) => string) => {
    const pieces = values.map((v, i) => (visibleWidth(v) <= fitted[i]! ? [v] : wrapText(v, fitted[i]!)));
    const height = Math.max(...pieces.map((p) => p.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      lines.push(
        pieces
          .map((p, i) => styled(pad(p[k] ?? '', fitted[i]!, columns[i]!.align ?? 'left'), i))
          .join(gutter)
          .trimEnd(),
      );
    }
    return lines.join('\n');
  };
  const header = block(
    columns.map((c) => c.header),
    (t) => headerStyle(t),
  );
  // A cell padded to its column's width (`used` columns taken) and styled.
  const cell = (text: string, used: number, i: number, row: Row) => {
    const gap = Math.max(0, fitted[i]! - used);
    const padded = columns[i]!.align === 'right' ? spaces(gap) + text : text + spaces(gap);
    return columns[i]!.style?.(padded, row) ?? padded;
  };
  // A row that wraps: a cell too wide wraps in its column, and the row takes as many lines as its
  // tallest cell; a cell that fits keeps the width measured before.
  const wrappedRow = (row: Row, r: number) => {
    const fits = cells.map((_, i) => cellWidths[i]![r]! <= fitted[i]!);
    const pieces = cells.map((column, i) => (fits[i] ? [column[r]!] : wrapText(column[r]!, fitted[i]!)));
    const height = Math.max(...pieces.map((p) => p.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const piece = pieces[i]![k] ?? '';
        const used = fits[i] && k === 0 ? cellWidths[i]![r]! : visibleWidth(piece);
        line += (i ? gutter : '') + cell(piece, used, i, row);
      }
      lines.push(line.trimEnd());
    }
    return lines.join('\n');
  };
  const body = rows.map((row, r) => {
    // A row whose every cell fits takes one line, made from the widths already measured.
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (cellWidths[i]![r]! > fitted[i]!) return wrappedRow(row, r);
      line += (i ? gutter : '') + cell(cells[i]![r]!, cellWidths[i]![r]!, i, row);
    }
    return line.trimEnd();
  });
  return { header, rows: body };
}

const SPACES: string[] = [];
/** A run of spaces, made once for each length a table pads to. */
function spaces(n: number): string {
  SPACES[n] ??= ' '.repeat(n);
  return SPACES[n]!;
}

/** Widths summing to at most `room`: the widest column gives a character, again and again. */
function squeeze(natural: number[], room: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) - Math.max(room, widths.length);
  while (excess > 0) {
    const widest = widths.indexOf(Math.max(...widths));
    const cut = Math.min(
      excess,
      Math.max(1, widths[widest]! - Math.max(...widths.filter((_, i) => i !== widest), 1)),
    );
    widths[widest]! -= cut;
    excess -= cut;
  }
  return widths;
}
