import { describe, expect, it } from 'vitest';
import {
  listCell,
  neutralise,
  notesCell,
  parseListCell,
  parseNotesCell,
  unneutralise,
} from '../../src/core/csv-cells.js';

describe('list cells', () => {
  it.each([
    [['a', 'b'], 'a; b'],
    [['a;b'], 'a\\;b'],
    [['Ani; the "great"', 'x'], 'Ani\\; the "great"; x'],
    [['back\\slash', 'end\\'], 'back\\\\slash; end\\\\'],
    [['\\;'], '\\\\\\;'],
    [[], ''],
  ])('%j <-> %j', (values, cell) => {
    expect(listCell(values)).toBe(cell);
    expect(parseListCell(cell)).toEqual(values);
  });
});

describe('notes cells', () => {
  it.each([
    [['one', 'two'], 'one\ntwo'],
    [['Two kids\n\nLoves jazz'], 'Two kids\\n\\nLoves jazz'],
    [['a \\n literal'], 'a \\\\n literal'],
    [['C:\\', 'x'], 'C:\\\\\nx'],
  ])('%j <-> %j', (notes, cell) => {
    expect(notesCell(notes)).toBe(cell);
    expect(parseNotesCell(cell)).toEqual(notes);
  });
});

describe('formulas', () => {
  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ["'90s", "'90s"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written %j and read back', (value, cell) => {
    expect(neutralise(value)).toBe(cell);
    expect(unneutralise(cell)).toBe(value);
  });

  it("a ' rel did not add stays: only one before a formula character is taken off", () => {
    expect(unneutralise("'90s")).toBe("'90s");
    expect(unneutralise("'")).toBe("'");
  });
});
