// A plain table that fits the terminal: long text wraps within its column, names and dates are
// never cut, and a column that cannot fit whole is left out before anything is cut to nothing.
// Colour is applied after fitting, so widths are measured on plain text.
import { visibleWidth, widestWord, wrapText } from '../wrap.js';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  style?: (text: string, row: Row) => string;
  align?: 'left' | 'right';
  /** Long text: wraps within the column, which narrows first, down to `min` characters. */
  flex?: boolean;
  /** Which flexible column narrows first (1 first); unnumbered ones last, right to left. */
  shrinkOrder?: number;
  min?: number;
  /** A column that may be left out when the table cannot fit otherwise (1 goes first). */
  drop?: number;
  /** Never wrapped (a name): narrowed only when nothing else makes the table fit. */
  whole?: boolean;
  /** A shorter form of the value, used when the table does not fit, before any column is left out. */
  short?: (row: Row) => string;
}

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

export function renderTable<Row>(
  rows: Row[],
  allColumns: Column<Row>[],
  width: number,
  headerStyle: (t: string) => string,
): string {
  const { header, rows: body } = layoutTable(rows, allColumns, width, headerStyle);
  return [header, ...body].join('\n');
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
  // A text is measured once a column however many cells show it: most columns repeat a few texts
  // (dates, "due in 3 days", a role and team), and a lookup costs less than a measure. A column
  // of texts each its own (names, follow-ups) soon stops looking them up (onceEach).
  type Form = Measured & { cells: string[][] };
  // A shorter form makes and measures again only its own columns. The widest word of a column is
  // found only when the column is to narrow (most tables fit whole).
  const measure = (cells: string[][], from?: Form): Form => {
    const again = (i: number) => !from || allColumns[i]!.short !== undefined;
    const widths = cells.map((column, i) =>
      again(i) ? column.map(onceEach(visibleWidth)) : from!.widths[i]!,
    );
    const natural = widths.map((column, i) =>
      column.reduce((max, w) => Math.max(max, w), visibleWidth(allColumns[i]!.header)),
    );
    const longest: (number | undefined)[] = [];
    const word = (i: number) => {
      const wordOf = onceEach(widestWord);
      longest[i] ??= again(i)
        ? cells[i]!.reduce((max, cell) => Math.max(max, wordOf(cell)), widestWord(allColumns[i]!.header))
        : from!.word(i);
      return longest[i]!;
    };
    const counted: number[][] = [];
    const over = (i: number, width: number) => {
      counted[i] ??= widerThan(widths[i]!, natural[i]!);
      return width >= natural[i]! ? 0 : counted[i]![Math.max(width, 0)]!;
    };
    return { cells, widths, natural, word, over };
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
        const wrapped = wrappedRows(candidate, kept, widths);
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
          const spared = fewer ? wrapped - wrappedRows(next, kept, fewer) : 0;
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
  // Rows are the bulk of a table's cost (thousands of cells, most of them run once by the
  // interpreter): each is built in plain loops over what was measured, with no array or closure
  // made for a row, and wrapped pieces made only for a cell that does not fit.
  const count = columns.length;
  const right = columns.map((c) => c.align === 'right');
  const styles = columns.map((c) => c.style);
  // A cell padded to its column's width (`used` columns taken) and styled.
  const cell = (text: string, used: number, i: number, row: Row) => {
    const gap = fitted[i]! - used;
    const padded = gap <= 0 ? text : right[i] ? spaces(gap) + text : text + spaces(gap);
    const style = styles[i];
    return style === undefined ? padded : (style(padded, row) ?? padded);
  };
  // A row that wraps: a cell too wide wraps in its column, and the row takes as many lines as its
  // tallest cell; a cell that fits keeps the width measured before.
  const pieces: (string[] | undefined)[] = new Array(count);
  // A text wrapped once for its column, however many rows show it.
  const wrapOf = fitted.map((w) => onceEach((text: string) => wrapText(text, w)));
  const pieceWidthOf = fitted.map(() => onceEach(visibleWidth));
  const wrappedRow = (row: Row, r: number) => {
    let height = 1;
    for (let i = 0; i < count; i++) {
      if (cellWidths[i]![r]! <= fitted[i]!) {
        pieces[i] = undefined;
        continue;
      }
      const lines = wrapOf[i]!(cells[i]![r]!);
      pieces[i] = lines;
      if (lines.length > height) height = lines.length;
    }
    let text = '';
    for (let k = 0; k < height; k++) {
      let line = '';
      for (let i = 0; i < count; i++) {
        const wrapped = pieces[i];
        if (i) line += gutter;
        if (wrapped !== undefined) {
          const piece = wrapped[k] ?? '';
          line += cell(piece, pieceWidthOf[i]!(piece), i, row);
        } else if (k === 0) line += cell(cells[i]![r]!, cellWidths[i]![r]!, i, row);
        else line += cell('', 0, i, row);
      }
      text += k ? `\n${line.trimEnd()}` : line.trimEnd();
    }
    return text;
  };
  const body: string[] = new Array(rows.length);
  // A row whose every cell fits takes one line, made from the widths already measured.
  eachRow: for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = '';
    for (let i = 0; i < count; i++) {
      const used = cellWidths[i]![r]!;
      if (used > fitted[i]!) {
        body[r] = wrappedRow(row, r);
        continue eachRow;
      }
      if (i) line += gutter;
      line += cell(cells[i]![r]!, used, i, row);
    }
    body[r] = line.trimEnd();
  }
  return { header, rows: body };
}

/**
 * Where long text had to narrow and wrap, a column that is not long text gives up the room its
 * widest few cells take, wrapping them, when that makes fewer rows wrap: a Last seen as wide as
 * its one "22 Oct 2025 (message 16 Dec 2025)" beside a Role wrapped in every row. Each such
 * column, the widest first, takes the widest width that wraps fewest rows, down to its widest word.
 */
function fewerWrapped<Row>(
  allColumns: Column<Row>[],
  form: Measured,
  kept: number[],
  width: number,
  widths: number[],
): number[] {
  const columns = kept.map((k) => allColumns[k]!);
  const narrowed = columns.some((c, j) => c.flex && widths[j]! < form.natural[kept[j]!]!);
  let best = widths;
  // Fewest rows wrapped, then fewest cells: a row wrapped already may as well wrap its other cell.
  const cost = (fitted: number[]) =>
    wrappedRows(form, kept, fitted) * (kept.length + 1) + wrappedCells(form, kept, fitted);
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

/** What the fitting counts in a form: its cells' widths, column by column, and each column's widest. */
interface Measured {
  widths: number[][];
  natural: number[];
  word: (i: number) => number;
  /** How many cells of column `i` are wider than `width`. */
  over: (i: number, width: number) => number;
}

/**
 * How many cells of each width a column has, counted once: `over[w]` cells are wider than `w`.
 * The fitting asks this of every width it tries, and a column has thousands of cells but few widths.
 */
function widerThan(cellWidths: number[], natural: number): number[] {
  const over = new Array<number>(natural + 2).fill(0);
  for (const w of cellWidths) over[w]!++;
  let wider = 0;
  for (let w = natural + 1; w >= 0; w--) {
    const at = over[w]!;
    over[w] = wider;
    wider += at;
  }
  return over;
}

/** How many cells of the kept columns are wider than their column. */
function wrappedCells(form: Measured, kept: number[], widths: number[]): number {
  let wrapped = 0;
  for (let j = 0; j < kept.length; j++) wrapped += form.over(kept[j]!, widths[j]!);
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
function wrappedRows(form: Pick<Measured, 'widths' | 'natural'>, kept: number[], widths: number[]): number {
  // Only a column narrower than its widest cell wraps any: the others need not be looked at.
  const narrow: number[][] = [];
  const room: number[] = [];
  kept.forEach((k, j) => {
    if (widths[j]! < form.natural[k]!) {
      narrow.push(form.widths[k]!);
      room.push(widths[j]!);
    }
  });
  if (narrow.length === 0) return 0;
  const rows = narrow[0]!.length;
  let wrapped = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < narrow.length; c++) {
      if (narrow[c]![r]! > room[c]!) {
        wrapped++;
        break;
      }
    }
  }
  return wrapped;
}

/** Lookups after which a cache that found fewer than a third of its texts again is given up. */
const TRIAL_LOOKUPS = 64;

/**
 * `make` of a text, made once for each text: a column's texts are often few, however many its
 * cells. Where they are not (a name or a follow-up a row), the cache only costs: after a trial
 * that found few texts again, each is made afresh.
 */
function onceEach<T>(make: (text: string) => T): (text: string) => T {
  let made: Map<string, T> | undefined = new Map();
  let lookups = 0;
  let found = 0;
  return (text) => {
    if (made === undefined) return make(text);
    let value = made.get(text);
    if (value === undefined) {
      value = make(text);
      made.set(text, value);
    } else found++;
    if (++lookups === TRIAL_LOOKUPS && found * 3 < lookups) made = undefined;
    return value;
  };
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

/** Word-wraps plain text to the width, every line after the first indented like the first. */
export function wrap(text: string, width: number, indent: string, firstIndent = indent): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const room = Math.max(1, width - visibleWidth(indent));
    const first = lines.length ? room : Math.max(1, width - visibleWidth(firstIndent));
    lines.push(...wrapText(paragraph, room, first));
  }
  return lines.map((l, i) => (i === 0 ? firstIndent : indent) + l);
}
