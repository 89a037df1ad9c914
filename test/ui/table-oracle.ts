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
 * Where long text had to narrow and wrap, a column that is not long text gives up the room its
 * widest few cells take, wrapping them, when that makes fewer rows wrap: a Last seen as wide as
 * its one "22 Oct 2025 (message 16 Dec 2025)" beside a Role wrapped in every row. Each such
 * column, the widest first, takes the widest width that wraps fewest rows, down to its widest word.
 */
function fewerWrapped<Row>(
  allColumns: Column<Row>[],
  form: { widths: number[][]; natural: number[]; word: (i: number) => number },
  kept: number[],
  width: number,
  widths: number[],
): number[] {
  const columns = kept.map((k) => allColumns[k]!);
  const narrowed = columns.some((c, j) => c.flex && widths[j]! < form.natural[kept[j]!]!);
  let best = widths;
  // Fewest rows wrapped, then fewest cells: a row wrapped already may as well wrap its other cell.
  const cost = (fitted: number[]) =>
    wrappedRows(form.widths, kept, fitted) * (kept.length + 1) + wrappedCells(form.widths, kept, fitted);
  let wrapped = narrowed ? cost(widths) : 0;
  if (wrapped === 0) return best;
  const limits = kept.map((k) => form.natural[k]!);
  const word = (j: number) => form.word(kept[j]!);
  const yielding = columns
    .map((column, j) => ({ column, j }))
    .filter(({ column }) => !column.flex && !column.whole)
    .sort((a, b) => limits[b.j]! - limits[a.j]!);
  for (const { j } of yielding) {
    for (let w = limits[j]! - 1; w >= Math.max(word(j), 1); w--) {
      const fitted = fitWidths(columns, Object.assign([...limits], { [j]: w }), word, width, false);
      if (!fitted) continue;
      const n = cost(fitted);
      if (n < wrapped) {
        best = fitted;
        wrapped = n;
      }
    }
    limits[j] = best[j]!;
    if (wrapped === 0) break;
  }
  return best;
}

/** How many cells of the kept columns are wider than their column. */
function wrappedCells(cellWidths: number[][], kept: number[], widths: number[]): number {
  let wrapped = 0;
  kept.forEach((k, j) => {
    for (const w of cellWidths[k]!) if (w > widths[j]!) wrapped++;
  });
  return wrapped;
}

/** How many rows a shorter form shows otherwise than the full one, in the kept columns. */
function shortenedRows(full: string[][], shorter: string[][], kept: number[]): number {
  const rows = full[0]?.length ?? 0;
  let shortened = 0;
  for (let r = 0; r < rows; r++) {
    if (kept.some((k) => full[k]![r] !== shorter[k]![r])) shortened++;
  }
  return shortened;
}

/** How many rows take more than one line: a cell of one of the kept columns wider than its column. */
function wrappedRows(cellWidths: number[][], kept: number[], widths: number[]): number {
  const rows = cellWidths[0]?.length ?? 0;
  let wrapped = 0;
  for (let r = 0; r < rows; r++) {
    if (kept.some((k, j) => cellWidths[k]![r]! > widths[j]!)) wrapped++;
  }
  return wrapped;
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
      const attempt = () => {
        const fitted = fitWidths(
          kept.map((k) => allColumns[k]!),
          kept.map((k) => candidate.natural[k]!),
          (j) => candidate.word(kept[j]!),
          width,
          soft,
        );
        return fitted && fewerWrapped(allColumns, candidate, kept, width, fitted);
      };
      widths = attempt();
      if (widths && !soft && n < forms.length - 1) {
        // Long text that fits only by wrapping gives way to the shorter forms when they spare
        // more rows from wrapping than a quarter of the rows they shorten: a Role wrapped in most
        // rows beside a Last seen that could be a date, but not for one long role among many.
        const wrapped = wrappedRows(candidate.widths, kept, widths);
        if (wrapped > 0) {
          const next = forms[n + 1]!();
          const fitted = fitWidths(
            kept.map((k) => allColumns[k]!),
            kept.map((k) => next.natural[k]!),
            (j) => next.word(kept[j]!),
            width,
            soft,
          );
          const fewer = fitted && fewerWrapped(allColumns, next, kept, width, fitted);
          const spared = fewer ? wrapped - wrappedRows(next.widths, kept, fewer) : 0;
          if (fewer && spared * 4 > shortenedRows(candidate.cells, next.cells, kept)) {
            form = next;
            widths = fewer;
          }
        }
      }
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
