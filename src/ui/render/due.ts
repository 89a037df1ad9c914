import type { ComingUpRow } from '../../core/birthdays.js';
import { dayDate, describeCadence, type IsoDate, relativeDay, shortDate } from '../../core/dates.js';
import type { DueRow } from '../../core/due.js';
import { displaySafe, plural } from '../../core/text.js';
import type { Theme } from '../io.js';
import { renderTable, wrap } from './table.js';

export interface DueView {
  rows: ComingUpRow[];
  today: IsoDate;
  withinDays: number | undefined;
  tag: string | undefined;
  peopleCount: number;
  next: { name: string; dueOn: IsoDate } | undefined;
}

export function lastSeenText(lastSeen: IsoDate | null, today: IsoDate): string {
  return lastSeen ? `${relativeDay(lastSeen, today)} · ${shortDate(lastSeen, today)}` : 'not yet';
}

export function dueText(row: DueRow | ComingUpRow, today: IsoDate): string {
  if ('reason' in row && row.reason === 'birthday') {
    return row.overdueDays === 0
      ? 'birthday today'
      : `birthday ${relativeDay(row.dueOn, today)} · ${shortDate(row.dueOn, today)}`;
  }
  if (row.overdueDays === 0) return 'due today';
  if (row.overdueDays < 0) return `due ${relativeDay(row.dueOn, today)} · ${shortDate(row.dueOn, today)}`;
  return `due for ${plural(row.overdueDays, 'day')}`;
}

export function renderDue(view: DueView, t: Theme, width: number): string {
  const { rows, today } = view;
  if (rows.length === 0) {
    if (view.peopleCount === 0) {
      return [
        ...wrap('Your journal has no one in it yet. Add the people you work with:', width, ''),
        '  rel add "Ana Silva" --role Engineer --cadence 2w',
      ].join('\n');
    }
    const scope = view.tag ? ` tagged ${displaySafe(view.tag)}` : '';
    const lines = [
      `No one${scope} is due a catch-up${view.withinDays ? ' in that window' : ' today'}. Nice work keeping in touch.`,
    ];
    if (view.next && !view.tag) {
      lines.push(
        `Next up: ${displaySafe(view.next.name)}, ${dayDate(view.next.dueOn)}. Plan ahead with: rel due --within 2w`,
      );
    }
    return lines.flatMap((line) => wrap(line, width, '')).join('\n');
  }
  const checkIns = rows.filter((r) => r.reason !== 'birthday');
  const overdue = checkIns.filter((r) => r.overdueDays >= 0).length;
  const coming = checkIns.length - overdue;
  const birthdays = rows.length - checkIns.length;
  const summary = [
    overdue && `${plural(overdue, 'person', 'people')} due a catch-up`,
    coming && `${coming} coming due`,
    birthdays && plural(birthdays, 'birthday'),
  ]
    .filter(Boolean)
    .join(', ');
  const table = renderTable(
    rows,
    [
      { header: 'Name', value: (r) => displaySafe(r.name), style: (s) => t.bold(s), flex: true, min: 8 },
      { header: 'Last seen', value: (r) => lastSeenText(r.lastSeen, today), flex: true, min: 8 },
      { header: 'Cadence', value: (r) => describeCadence(r.cadenceDays), flex: true, min: 7 },
      {
        header: 'When',
        flex: true,
        min: 9,
        value: (r) => dueText(r, today),
        style: (s, r) =>
          r.reason === 'birthday'
            ? t.accent(s)
            : r.overdueDays > r.cadenceDays
              ? t.warn(s)
              : r.overdueDays < 0
                ? t.dim(s)
                : s,
      },
    ],
    width,
    t.dim,
  );
  const footer = wrap('Time to catch up. After you do: rel log <name>', width, '').map((line) => t.dim(line));
  return [t.heading(summary), '', table, '', ...footer].join('\n');
}
