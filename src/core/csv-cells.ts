// How rel writes lists and notes inside one CSV cell, and keeps spreadsheets from running cells as
// formulas, so that `rel export --format csv` reads back through `rel import` exactly as it was.

/** In a list cell, values are joined by "; " with a literal ";" written "\;" and "\" as "\\". */
export function listCell(values: string[]): string {
  return values.map((v) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join('; ');
}

/** A list cell back into its values: split at unescaped ";", escapes undone, blanks dropped. */
export function parseListCell(cell: string): string[] {
  return listValues(cell).filter(Boolean);
}

/** A list cell's values in place, blanks kept: a value that lines up with another list's. */
export function listValues(cell: string): string[] {
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) {
      current += cell[++i];
    } else if (c === ';') {
      values.push(current);
      current = '';
    } else current += c;
  }
  values.push(current);
  return values.map((v) => v.trim());
}

/** Notes are one per line of the cell; a line break inside a note is written "\n", "\" as "\\". */
export function notesCell(notes: string[]): string {
  return notes.map((n) => n.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n')).join('\n');
}

export function parseNotesCell(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((line) => line.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')).trim())
    .filter(Boolean);
}

/**
 * What a spreadsheet would run as a formula (OWASP's CSV injection advice): a cell starting with
 * =, +, -, @, tab or carriage return. Such a cell is written with a leading "'", which spreadsheets
 * show as text; a cell that already starts with "'" before one of those gets one more, so that
 * taking one off on import gives back exactly what was written.
 */
const FORMULA = /^'*[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

/** One leading "'" off, only where it stands before a formula character ("'90s" stays "'90s"). */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}
