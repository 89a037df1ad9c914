// rel import names each CSV row by the line of the file it starts on, whatever line breaks the
// quoted cells before it hold: LF, CRLF (which csv-parse counts as two lines inside a quoted
// cell), a blank line inside a cell, in a file of LF or of CRLF line ends.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rel, tempDir } from '../helpers/run.js';

/** The rows, joined by `end`; in each, `⏎` stands for a line break inside a quoted cell (`inner`). */
function file(rows: string[], end: string, inner: string): string {
  return rows.map((row) => row.replaceAll('⏎', inner)).join(end) + end;
}

// The line each row starts on, with a line break inside a cell counted as one line of the file.
const ROWS = [
  'name,notes', // 1
  'Ana Silva,"two⏎lines"', // 2-3
  ',no name', // 4
  'Bo Li,"three⏎⏎lines"', // 5-7
  'Cy Park,bad"quote', // 8
  'Di Roy,bad"quote again', // 9
  'Ed Ng,"a cell⏎""quoted""⏎over three"', // 10-12
  'Fay Wu,"x"y, "and⏎more"', // 13-14
  ',again no name', // 15
  'Gus Ox,last', // 16
];

describe('rel import: CSV lines after line breaks inside cells', () => {
  it.each([
    ['LF ends, LF in cells', '\n', '\n'],
    ['CRLF ends, CRLF in cells', '\r\n', '\r\n'],
    ['CRLF ends, LF in cells', '\r\n', '\n'],
    ['LF ends, CRLF in cells', '\n', '\r\n'],
  ])('%s', async (_, end, inner) => {
    const dir = tempDir('csv-lines');
    const csv = path.join(dir, 'people.csv');
    fs.writeFileSync(csv, file(ROWS, end, inner));
    const r = await rel(['import', csv, '--json'], { store: path.join(dir, 'j.json') });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.people.added.map((p: { name: string; line: number }) => [p.name, p.line])).toEqual([
      ['Ana Silva', 2],
      ['Bo Li', 5],
      ['Ed Ng', 10],
      ['Gus Ox', 16],
    ]);
    expect(result.problems.map((p: { line: number }) => p.line)).toEqual([4, 8, 9, 13, 15]);
    // Kept as rel keeps a line break, LF, whatever the file had: no stray CR in a note.
    const journal = JSON.parse(fs.readFileSync(path.join(dir, 'j.json'), 'utf8'));
    const notes = (name: string) =>
      journal.people
        .find((p: { name: string }) => p.name === name)
        .notes.map((n: { text: string }) => n.text);
    expect(notes('Ana Silva')).toEqual(['two\nlines']);
    expect(notes('Ed Ng')).toEqual(['a cell\n"quoted"\nover three']);
  });

  it('the conversations table too', async () => {
    const dir = tempDir('csv-lines');
    const csv = path.join(dir, 'conversations.csv');
    const rows = [
      'id,date,with,kind,minutes,note,heard,with_ids', // 1
      'c1,2026-11-01,Ana Silva,walk,,"a⏎b⏎c",,', // 2-4
      'c2,2026-11-31,Ana Silva,walk,,,,', // 5
      'c3,2026-11-02,Ana Silva,walk,,"d⏎e",,', // 6-7
      'c4,2026-11-02,,walk,,,,', // 8
    ];
    fs.writeFileSync(csv, file(rows, '\r\n', '\r\n'));
    const store = path.join(dir, 'j.json');
    await rel(['add', 'Ana Silva'], { store });
    const r = await rel(['import', csv, '--json'], { store });
    expect(JSON.parse(r.stdout).problems.map((p: { line: number }) => p.line)).toEqual([5, 8]);
    const journal = JSON.parse(fs.readFileSync(store, 'utf8'));
    expect(journal.conversations.map((c: { note: string }) => c.note)).toEqual(['a\nb\nc', 'd\ne']);
  });
});
