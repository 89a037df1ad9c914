// rel inbox's list of meetings to log: a table where it fits, and in a narrow terminal (a split
// pane, a phone's ssh) one meeting a block, its id first on its line, every line cut at a word
// or a name, never inside one while a line can hold it.
import type { IsoDate } from '../../core/dates.js';
import type { InboxRow } from '../../core/inbox.js';
import { displaySafe, plural } from '../../core/text.js';
import { showDate } from '../display.js';
import type { Theme } from '../theme.js';
import { ONE_COLUMN_EACH, visibleWidth, wrapText } from '../wrap.js';
import { renderTable } from './table.js';

export const COUNTS: Record<InboxRow['counts'], string> = {
  alone: 'one-to-one',
  smallGroup: 'small group',
  group: 'group',
};

export function clock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function length(minutes: number | null): string {
  if (minutes === null) return 'no length';
  if (minutes < 60) return `${minutes}m`;
  return minutes % 60 ? `${Math.floor(minutes / 60)}h${minutes % 60}m` : `${minutes / 60}h`;
}

/**
 * Who was there, as the list shows it: up to three people of the journal by name, then how many
 * others ("Ben Okafor, Ana Silva +5"), so that a stand-up of eight is one line, not eight.
 * The walk and --json name everyone.
 */
function whomParts(row: InboxRow): string[] {
  const names = row.people.map((p) => displaySafe(p.name));
  const shown = names.length > 3 ? names.slice(0, 2) : names;
  const others = names.length - shown.length + row.unknown.length;
  const parts = shown.map((name, i) => (i < shown.length - 1 ? `${name},` : name));
  if (others) parts.push(`+${others}`);
  return parts;
}

/** In the table, each name's words held together (no-break spaces, laid out, then spaces again). */
const withWhom = (row: InboxRow) =>
  whomParts(row)
    .map((part) => part.replaceAll(' ', '\u00a0'))
    .join(' ');

export interface InboxView {
  since: IsoDate;
  today: IsoDate;
  /** The columns to fit. */
  width: number;
  t: Theme;
}

/** Between the columns of renderTable. */
const GAP = 2;
/** The id: what `rel inbox log` is given, never wrapped. */
const ID_WIDTH = 8;
/** How narrow the title may go in the table. */
const TITLE_MIN = 20;

/**
 * Whether the table fits: the id, the time and, each at its narrowest, the title (20 columns, or
 * its widest word when shorter) and who (the longest name, which is never split).
 */
function tableFits(rows: InboxRow[], width: number, when: (r: InboxRow) => string): boolean {
  let whenWidth = 4;
  let title = 0;
  let name = 4;
  for (const r of rows) {
    whenWidth = Math.max(whenWidth, visibleWidth(when(r)));
    title = Math.max(title, Math.min(TITLE_MIN, visibleWidth(displaySafe(r.title) || '(no title)')));
    for (const part of whomParts(r)) name = Math.max(name, visibleWidth(part));
  }
  return ID_WIDTH + GAP + whenWidth + GAP + title + GAP + name <= width;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * The indents of a block's lines: two columns, and four for a line that goes on; narrower than
 * 24 columns, two for both, and none narrower than 12, so that a word keeps the room of a line.
 */
function indents(width: number): { step: string; deeper: string } {
  const step = width < 12 ? '' : '  ';
  return { step, deeper: width < 24 ? step : `${step}  ` };
}

/**
 * A word wider than a line (an address, a long name), in pieces of `room`: each cut after a
 * ".", "@", "-", "/" or "_" where one falls in the line, so that the pieces still read as parts;
 * else at the room, with a hyphen.
 */
function pieces(word: string, room: number): string[] {
  if (!ONE_COLUMN_EACH.test(word)) return wrapText(word, room);
  const out: string[] = [];
  let rest = word;
  while (rest.length > room) {
    const head = rest.slice(0, room);
    const cut = Math.max(...[...'.@-/_'].map((mark) => head.lastIndexOf(mark, room - 1)));
    // A cut with no mark to cut at is marked with a hyphen, where the line has room for one.
    const hard = cut < 1 && room > 2;
    const at = cut >= 1 ? (rest[cut] === '@' ? cut : cut + 1) : hard ? room - 1 : room;
    out.push(hard ? `${rest.slice(0, at)}-` : rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Words (or names) put on lines of `width`, the first after `lead`, the others after `indent`;
 * a word wider than a whole line is broken, and only then (pieces).
 */
function fill(given: string[], width: number, lead: string, indent: string): string[] {
  // A name wider than a line goes on between its words first.
  const room = width - visibleWidth(indent);
  const parts = given.flatMap((p) => (p.includes(' ') && visibleWidth(p) > room ? words(p) : [p]));
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (const part of parts) {
    const room = width - visibleWidth(line) - (empty ? 0 : 1);
    if (visibleWidth(part) <= room) {
      line += empty ? part : ` ${part}`;
      empty = false;
      continue;
    }
    if (!empty) lines.push(line);
    const start = empty ? line : indent;
    const cut = pieces(part, Math.max(1, width - visibleWidth(start)));
    const rest =
      cut.length > 1 ? pieces(cut.slice(1).join(''), Math.max(1, width - visibleWidth(indent))) : [];
    const all = [cut[0]!, ...rest];
    lines.push(...all.slice(0, -1).map((p, i) => (i === 0 ? start : indent) + p));
    line = (all.length > 1 ? indent : start) + all.at(-1)!;
    empty = false;
  }
  if (!empty || line.trim()) lines.push(line);
  return lines;
}

/** One meeting a block: its id and when, then the title, then who and how it counts. */
function blocks(rows: InboxRow[], view: InboxView, when: (r: InboxRow) => string): string {
  const { width, t } = view;
  const { step, deeper } = indents(width);
  const out: string[] = [];
  for (const r of rows) {
    if (out.length) out.push('');
    const shown = when(r);
    const space = shown.lastIndexOf(' ');
    const at = [shown.slice(0, space), shown.slice(space + 1), `· ${length(r.minutes)}`];
    // The id alone on its line where the day would not fit after it.
    if (ID_WIDTH + GAP + visibleWidth(at[0]!) <= width)
      out.push(...fill(at, width, `${t.dim(r.id)}  `, width < 24 ? step : ' '.repeat(ID_WIDTH + GAP)));
    else out.push(t.dim(r.id), ...fill(at, width, step, step));
    out.push(...fill(words(displaySafe(r.title) || '(no title)'), width, step, step));
    out.push(...fill(['with', ...whomParts(r)], width, step, deeper));
    out.push(...fill(words(`${displaySafe(r.kind)}, ${COUNTS[r.counts]}`), width, step, step).map(t.dim));
  }
  return out.join('\n');
}

/** The table, or the blocks in a terminal too narrow for it. */
function meetings(rows: InboxRow[], view: InboxView): string {
  const { t, today } = view;
  const when = (r: InboxRow) => `${showDate(r.date, today)} ${clock(r.start)}`;
  if (!tableFits(rows, view.width, when)) return blocks(rows, view, when);
  return renderTable(
    rows,
    [
      // The id is what `rel inbox log` is given: never wrapped; narrow terminals lose the
      // length, how it counts and the kind first.
      { header: 'Id', value: (r) => r.id, style: (s) => t.dim(s), whole: true },
      { header: 'When', value: when },
      { header: 'Length', value: (r) => length(r.minutes), align: 'right', drop: 1 },
      // The title narrows first, to 20 characters; "With" keeps each name on one line.
      {
        header: 'Title',
        value: (r) => displaySafe(r.title) || '(no title)',
        flex: true,
        min: TITLE_MIN,
        shrinkOrder: 1,
      },
      {
        header: 'With',
        value: withWhom,
        flex: true,
        min: Math.max(0, ...rows.flatMap((r) => r.people.map((p) => visibleWidth(displaySafe(p.name)) + 1))),
        shrinkOrder: 2,
      },
      { header: 'Kind', value: (r) => displaySafe(r.kind), drop: 3 },
      { header: 'Counts as', value: (r) => COUNTS[r.counts], drop: 2 },
    ],
    view.width,
    t.dim,
  ).replaceAll('\u00a0', ' ');
}

/** The meetings to log, those met who are not in the journal, and what to type next. */
export function renderInbox(rows: InboxRow[], view: InboxView): string {
  const { t, width } = view;
  const lines = [
    ...fill(
      words(`${plural(rows.length, 'meeting')} to log since ${showDate(view.since, view.today)}`),
      width,
      '',
      '',
    ).map(t.heading),
    meetings(rows, view),
  ];
  const strangers = new Map<string, { name: string | null; email: string | null; count: number }>();
  for (const row of rows) {
    for (const a of row.unknownAttendees) {
      const key = (a.email ?? a.name ?? '').toLowerCase();
      const seen = strangers.get(key);
      if (seen) seen.count++;
      else strangers.set(key, { ...a, count: 1 });
    }
  }
  if (strangers.size) {
    lines.push('', ...fill(words('Not in your journal'), width, '', '').map(t.heading));
    for (const s of [...strangers.values()].sort((a, b) => b.count - a.count)) {
      const parts =
        s.name && s.email && s.name !== s.email
          ? [...words(displaySafe(s.name)), `<${displaySafe(s.email)}>`]
          : words(displaySafe(s.name ?? s.email ?? ''));
      if (s.count > 1) parts.push(t.dim(`(${s.count} meetings)`));
      lines.push(...fill(parts, width, indents(width).step, indents(width).deeper));
    }
    lines.push(
      ...fill(
        words('Add someone: rel add "Name" --email address'),
        width,
        indents(width).step,
        indents(width).deeper,
      ).map(t.dim),
    );
  }
  // Each hint whole on its line where two do not fit on one.
  const hints = [
    ['Log one: rel inbox log <id> [--note …]', 'Log all: rel inbox log --all'],
    ['Hide one: rel inbox dismiss <id>', 'Hide a series: rel inbox dismiss <id> --series'],
  ];
  lines.push('');
  for (const pair of hints) {
    const one = pair.join('   ');
    if (visibleWidth(one) <= width) lines.push(t.dim(one));
    else for (const hint of pair) lines.push(...fill(words(hint), width, '', indents(width).step).map(t.dim));
  }
  return lines.join('\n');
}
