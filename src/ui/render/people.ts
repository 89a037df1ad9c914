import type { IsoDate } from '../../core/dates.js';
import type { CheckIn, LastContact } from '../../core/due.js';
import { describeCadence } from '../../core/periods.js';
import { displaySafe, plural } from '../../core/text.js';
import { type DateTexts, dateTexts } from '../date-texts.js';
import type { Theme } from '../theme.js';
import { dueText, lastSeenShort, lastSeenText } from './due.js';
import { type Column, renderTable } from './table.js';

export interface PersonRow extends CheckIn {
  id: string;
  name: string;
  role: string;
  team: string;
  relationship: string;
  archivedAt: string | null;
  /** The day they left (rel left), or null. */
  leftOn: IsoDate | null;
  /** The day their snooze ends, or null. */
  snoozedUntil: IsoDate | null;
}

/** When they are next due; while a snooze lasts, that (rel due leaves them out until it ends). */
function nextText(row: PersonRow, today: IsoDate, dates: DateTexts): string {
  return row.snoozedUntil !== null && today < row.snoozedUntil
    ? `snoozed until ${dates.shown(row.snoozedUntil)}`
    : dueText(row, today, dates);
}

export function renderPeople(
  rows: PersonRow[],
  today: IsoDate,
  t: Theme,
  width: number,
  lastContacts?: Map<string, LastContact>,
): string {
  if (rows.length === 0)
    return 'Your journal has no one in it yet. Add someone:\n  rel add "Ana Silva" --role Engineer --cadence 2w';
  const dates = dateTexts(today);
  // Who and when matter most: in a narrow terminal the cadence, then the role, then when you last
  // met are left out rather than cut.
  const columns: Column<PersonRow>[] = [
    {
      header: 'Name',
      value: (r) => displaySafe(r.name) + (r.archivedAt ? ' (archived)' : r.leftOn ? ' (left)' : ''),
      style: (s, r) => (r.archivedAt ? t.dim(s) : t.bold(s)),
      whole: true,
    },
    {
      header: 'Role',
      value: (r) => displaySafe([r.role, r.team].filter(Boolean).join(', ')),
      flex: true,
      min: 12,
      drop: 2,
    },
    {
      header: 'Last seen',
      value: (r) => lastSeenText(r, today, lastContacts?.get(r.id), dates),
      short: (r) => lastSeenShort(r, today, lastContacts?.get(r.id), dates),
      drop: 3,
    },
    { header: 'Cadence', value: (r) => describeCadence(r.cadenceDays), drop: 1 },
    { header: 'Next', value: (r) => (r.archivedAt ? '' : nextText(r, today, dates)) },
  ];
  const table = renderTable(rows, columns, width, t.dim);
  return `${table}\n\n${t.dim(plural(rows.length, 'person', 'people'))}`;
}
