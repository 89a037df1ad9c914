// The table's layout against the layout as it was (table-oracle.ts) on random tables: random text
// (words, dates, runs of spaces, wide, zero-width and combining characters, words wider than any
// column), random columns (long text, names kept whole, shorter forms, columns that may be left
// out, right-aligned, styled by row) and random widths, from far too narrow to roomy.
import { describe, expect, it } from 'vitest';
import { seeded } from '../../src/core/seeded.js';
import { type Column, layoutTable, renderTable } from '../../src/ui/render/table.js';
import { layoutTable as oracleLayout } from './table-oracle.js';

type Row = { cells: string[]; shorts: string[]; flag: boolean };

const PIECES = [
  'a',
  'bc',
  'Engineer',
  'Platform',
  '·',
  '6 Nov',
  'in 3 days',
  '2 weeks ago',
  'Fri 4 Dec',
  '中文',
  '😀',
  'e\u0301',
  '\u00a0',
  'é',
  'x'.repeat(30),
  '(message 20 Oct)',
  ',',
];

function randomTable(random: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const text = () => {
    let t = '';
    const words = Math.floor(random() * 7);
    for (let w = 0; w < words; w++) t += (w ? ' '.repeat(pick([1, 1, 1, 2])) : '') + pick(PIECES);
    return random() < 0.1 ? `${t} ` : t;
  };
  const columnCount = 1 + Math.floor(random() * 5);
  const rowCount = Math.floor(random() * 8);
  const rows: Row[] = Array.from({ length: rowCount }, () => ({
    cells: Array.from({ length: columnCount }, text),
    shorts: Array.from({ length: columnCount }, () => (random() < 0.5 ? '' : pick(PIECES))),
    flag: random() < 0.5,
  }));
  const columns: Column<Row>[] = Array.from({ length: columnCount }, (_, i) => {
    const column: Column<Row> = {
      header: pick(['Name', 'Last seen', 'Role', 'When', 'Id', '']),
      value: (r) => r.cells[i]!,
    };
    if (random() < 0.4) column.style = (s, r) => (r.flag ? `<${s}>` : `[${s}]`);
    if (random() < 0.2) column.align = 'right';
    const kind = random();
    if (kind < 0.3) {
      column.flex = true;
      if (random() < 0.5) column.min = pick([1, 4, 12]);
      if (random() < 0.5) column.shrinkOrder = pick([1, 2]);
    } else if (kind < 0.5) column.whole = true;
    if (random() < 0.4) column.drop = pick([1, 2, 3]);
    if (random() < 0.3) column.short = (r) => r.shorts[i]!;
    return column;
  });
  const width = pick([1, 5, 10, 20, 30, 40, 60, 80, 120]);
  return { rows, columns, width };
}

describe('layoutTable', () => {
  it('lays out random tables exactly as the layout it replaced', () => {
    const random = seeded(7);
    const heading = (t: string) => `{${t}}`;
    const wrong: string[] = [];
    for (let n = 0; n < 2_000; n++) {
      const { rows, columns, width } = randomTable(random);
      const got = layoutTable(rows, columns, width, heading);
      const want = oracleLayout(rows, columns, width, heading);
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(JSON.stringify({ rows: rows.map((r) => r.cells), width, got, want }));
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('lays out tables whose cells repeat a few texts (measured and wrapped once each) as the layout it replaced', () => {
    const random = seeded(11);
    const heading = (t: string) => `{${t}}`;
    const wrong: string[] = [];
    for (let n = 0; n < 500; n++) {
      const { rows, columns, width } = randomTable(random);
      // Many rows, each cell one of the first three rows' texts for its column.
      if (rows.length === 0) continue;
      const few = rows.slice(0, 3);
      const many = Array.from({ length: 12 + Math.floor(random() * 20) }, () => {
        const cells = few[0]!.cells.map((_, i) => few[Math.floor(random() * few.length)]!.cells[i]!);
        return { cells, shorts: few[Math.floor(random() * few.length)]!.shorts, flag: random() < 0.5 };
      });
      const got = layoutTable(many, columns, width, heading);
      const want = oracleLayout(many, columns, width, heading);
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(JSON.stringify({ rows: many.map((r) => r.cells), width, got, want }));
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('renders the heading and rows as lines', () => {
    const rows = [{ name: 'Ana Silva', role: 'Engineer, Platform' }];
    const columns: Column<(typeof rows)[number]>[] = [
      { header: 'Name', value: (r) => r.name, whole: true },
      { header: 'Role', value: (r) => r.role, flex: true, min: 8 },
    ];
    expect(renderTable(rows, columns, 22, (t) => t)).toBe(
      'Name       Role\nAna Silva  Engineer,\n           Platform',
    );
  });

  describe('a column with a shorter form beside long text', () => {
    type Person = { name: string; role: string };
    const columns: Column<Person>[] = [
      { header: 'Name', value: (r) => r.name, whole: true },
      { header: 'Role', value: (r) => r.role, flex: true, min: 8 },
      { header: 'Last seen', value: () => '2 weeks ago · 18 Nov', short: () => '18 Nov' },
    ];
    const lines = (rows: Person[], width: number) => renderTable(rows, columns, width, (t) => t).split('\n');

    it('takes its shorter form rather than wrap the long text in most rows', () => {
      const rows = ['Staff Engineer', 'Senior Engineer', 'Product Designer'].map((role, i) => ({
        name: `P${i}`,
        role,
      }));
      // Whole, the table takes 4 + 2 + 16 + 2 + 20 = 44 columns: at 40 each role would wrap.
      expect(lines(rows, 40)).toEqual([
        'Name  Role              Last seen',
        'P0    Staff Engineer    18 Nov',
        'P1    Senior Engineer   18 Nov',
        'P2    Product Designer  18 Nov',
      ]);
    });

    it('keeps its full form when the long text wraps in a row or two', () => {
      const rows = ['Engineer', 'Designer', 'Engineer', 'Engineer', 'Site Reliability Lead'].map(
        (role, i) => ({ name: `P${i}`, role }),
      );
      expect(lines(rows, 46)).toEqual([
        'Name  Role                Last seen',
        'P0    Engineer            2 weeks ago · 18 Nov',
        'P1    Designer            2 weeks ago · 18 Nov',
        'P2    Engineer            2 weeks ago · 18 Nov',
        'P3    Engineer            2 weeks ago · 18 Nov',
        'P4    Site Reliability    2 weeks ago · 18 Nov',
        '      Lead',
      ]);
    });

    it('wraps the one long cell of a column that is not long text rather than wrap the long text in every row', () => {
      const rows = ['Staff Engineer', 'Senior Engineer', 'Product Designer', 'Data Analyst'].map(
        (role, i) => ({ name: `P${i}`, role, seen: i === 2 ? '22 Oct 2025 (message 16 Dec 2025)' : '9 Nov' }),
      );
      const seen: Column<(typeof rows)[number]>[] = [
        { header: 'Name', value: (r) => r.name, whole: true },
        { header: 'Role', value: (r) => r.role, flex: true, min: 8 },
        { header: 'Last seen', value: (r) => r.seen },
      ];
      expect(renderTable(rows, seen, 44, (t) => t).split('\n')).toEqual([
        'Name  Role              Last seen',
        'P0    Staff Engineer    9 Nov',
        'P1    Senior Engineer   9 Nov',
        'P2    Product Designer  22 Oct 2025 (message',
        '                        16 Dec 2025)',
        'P3    Data Analyst      9 Nov',
      ]);
    });
  });
});
