// Which character separates the cells of a CSV file. Excel writes ";" where the decimal mark is a
// comma (German, French, Dutch, Spanish locales…), since "," is then part of numbers; it also
// reads, and some tools write, a first line "sep=;" that says so.

export interface CsvLayout {
  delimiter: ',' | ';' | '\t';
  /** Lines before the header that are not part of the table (Excel's "sep=" line). */
  skippedLines: number;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter a "sep=" first line names, else the one of comma, semicolon and tab that the
 * header line holds most of outside quotes (a comma when it holds none: a one-column file).
 * Only the header is looked at: a cell further down may well hold the other characters.
 */
export function csvLayout(text: string): CsvLayout {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sep = /^sep=(.)\r?\n/i.exec(text.slice(start, start + 8));
  if (sep && (DELIMITERS as readonly string[]).includes(sep[1]!))
    return { delimiter: sep[1] as CsvLayout['delimiter'], skippedLines: 1 };
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let delimiter: CsvLayout['delimiter'] = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(delimiter)!) delimiter = d;
  return { delimiter, skippedLines: 0 };
}
