// rel inbox's list through its renderer at every width from a phone's ssh to a wide terminal: no
// line is wider than the terminal, each id starts a line whole, and no word of a title, no name of
// who was there and no word of a hint is cut, while a line can hold it.
import { describe, expect, it } from 'vitest';
import type { InboxRow } from '../../src/core/inbox.js';
import { renderInbox } from '../../src/ui/render/inbox.js';
import type { Theme } from '../../src/ui/theme.js';

const same = (s: string) => s;
const t: Theme = { bold: same, dim: same, heading: same, accent: same, good: same, warn: same, mark: same };

const row = (id: string, over: Partial<InboxRow>): InboxRow => ({
  id,
  seriesId: `s${id}`,
  start: '2026-12-01T10:00:00.000Z',
  end: '2026-12-01T10:30:00.000Z',
  date: '2026-12-01',
  minutes: 30,
  title: '1:1',
  recurring: false,
  people: [{ id: 'ana-silva', name: 'Ana Silva' }],
  unknown: [],
  unknownAttendees: [],
  size: 1,
  counts: 'alone',
  kind: '1:2:1',
  ...over,
});

const ROWS: InboxRow[] = [
  row('900721f2', { title: 'Ana <> Me 1:1' }),
  row('1a2e6d03', {
    title: 'Quarterly roadmap planning and architecture review',
    minutes: 60,
    people: [
      { id: 'ana-silva', name: 'Ana Silva' },
      { id: 'bart', name: 'Bartholomew Okonkwo-Smith' },
    ],
    unknown: ['Gustavo Grantham'],
    unknownAttendees: [{ name: 'Gustavo Grantham', email: 'gustavo@example.com' }],
    size: 3,
    counts: 'smallGroup',
    kind: 'meeting',
  }),
  row('d90123da', {
    title: 'Daily stand-up',
    minutes: 15,
    people: [
      { id: 'ben', name: 'Ben Okafor' },
      { id: 'ana-silva', name: 'Ana Silva' },
      { id: 'chloe', name: 'Chloé Martin' },
      { id: 'dan', name: 'Dan Wu' },
    ],
    unknown: ['x', 'y'],
    size: 6,
    counts: 'group',
    kind: 'meeting',
  }),
];

const view = (width: number) => ({ since: '2026-11-18', today: '2026-12-02', width, t });

/** Every word of the text is whole on some line. */
function cut(lines: string[], text: string): string[] {
  const seen = new Set(lines.flatMap((l) => l.split(/[\s,]+/)));
  return text.split(/[\s,]+/).filter((w) => w && !seen.has(w));
}

describe('rel inbox rendered at narrow widths', () => {
  for (const width of [30, 34, 40, 50, 60, 72, 80, 100, 140]) {
    it(`${width} columns: every line fits, ids whole at the start of a line, no word or name cut`, () => {
      const lines = renderInbox(ROWS, view(width)).split('\n');
      for (const line of lines) expect(line.length, `${width}: "${line}"`).toBeLessThanOrEqual(width);
      expect(lines.join('\n')).not.toContain('\u00a0');
      const ids = lines.map((l) => /^([0-9a-f]{8})\s/.exec(l)?.[1]).filter(Boolean);
      expect(ids).toEqual(ROWS.map((r) => r.id));
      for (const r of ROWS) expect(cut(lines, r.title), `${width}: ${r.title}`).toEqual([]);
      for (const text of [
        'Bartholomew Okonkwo-Smith',
        'Gustavo Grantham <gustavo@example.com>',
        'Log one: rel inbox log <id> [--note …]',
        'Hide a series: rel inbox dismiss <id> --series',
        '3 meetings to log since 18 Nov',
      ])
        expect(cut(lines, text), `${width}: ${text}`).toEqual([]);
      // A name is never parted while a line can hold it.
      if (width >= 30) expect(lines.some((l) => l.includes('Bartholomew Okonkwo-Smith'))).toBe(true);
    });
  }

  for (const width of [10, 15, 20, 25]) {
    it(`${width} columns: every line fits, ids whole on a line of their own or first, no word cut that a line holds`, () => {
      const lines = renderInbox(ROWS, view(width)).split('\n');
      for (const line of lines) expect(line.length, `${width}: "${line}"`).toBeLessThanOrEqual(width);
      const ids = lines.map((l) => /^([0-9a-f]{8})(\s|$)/.exec(l)?.[1]).filter(Boolean);
      expect(ids).toEqual(ROWS.map((r) => r.id));
      // Every word two columns narrower than the terminal (the most a line is indented) is whole.
      const whole = (text: string) =>
        expect(
          cut(lines, text).filter((w) => w.length <= width - 2),
          `${width}: ${text}`,
        ).toEqual([]);
      for (const r of ROWS) whole(r.title);
      for (const text of [
        'Bartholomew Okonkwo-Smith',
        'Gustavo Grantham',
        'Log one: rel inbox log <id> [--note …]',
        'Hide a series: rel inbox dismiss <id> --series',
        '3 meetings to log since 18 Nov',
        'Not in your journal',
        'meeting, small group',
      ])
        whole(text);
      // A word wider than a line is cut after its punctuation, where it has some.
      const text = lines.join('\n');
      const address = lines.map((l) => l.trim()).filter((l) => /^<gustavo|example|com>$/.test(l));
      expect(address.join('')).toBe('<gustavo@example.com>');
      for (const [i, piece] of address.slice(0, -1).entries())
        expect(/[.@]$/.test(piece) || address[i + 1]!.startsWith('@'), piece).toBe(true);
      // The day and the time are never parted mid-word: "1 Dec" whole, "10:00" whole.
      expect(text).toContain('1 Dec');
      expect(lines.some((l) => /(^|\s)10:00(\s|$)/.test(l))).toBe(true);
    });
  }

  it('at 30 columns a meeting is a block: when and how long, the title, who, how it counts', () => {
    const text = renderInbox(ROWS.slice(0, 2), view(30));
    expect(text).toBe(
      [
        '2 meetings to log since 18 Nov',
        '900721f2  1 Dec 10:00 · 30m',
        '  Ana <> Me 1:1',
        '  with Ana Silva',
        '  1:2:1, one-to-one',
        '',
        '1a2e6d03  1 Dec 10:00 · 1h',
        '  Quarterly roadmap planning',
        '  and architecture review',
        '  with Ana Silva,',
        '    Bartholomew Okonkwo-Smith',
        '    +1',
        '  meeting, small group',
        '',
        'Not in your journal',
        '  Gustavo Grantham',
        '    <gustavo@example.com>',
        '  Add someone: rel add "Name"',
        '    --email address',
        '',
        'Log one: rel inbox log <id>',
        '  [--note …]',
        'Log all: rel inbox log --all',
        'Hide one: rel inbox dismiss',
        '  <id>',
        'Hide a series: rel inbox',
        '  dismiss <id> --series',
      ].join('\n'),
    );
  });

  it('where it fits, the table as before', () => {
    const lines = renderInbox(ROWS, view(140)).split('\n');
    expect(lines[1]).toMatch(/^Id {8}When +Length +Title +With +Kind +Counts as$/);
    expect(lines.find((l) => l.startsWith('d90123da'))).toMatch(/Ben Okafor, Ana Silva \+4 +meeting +group$/);
  });
});
