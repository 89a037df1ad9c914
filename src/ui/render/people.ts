import { describeCadence, type IsoDate } from '../../core/dates.js';
import type { CheckIn, LastContact } from '../../core/due.js';
import { displaySafe, plural } from '../../core/text.js';
import type { Theme } from '../theme.js';
import { dueText, lastSeenText } from './due.js';
import { type Column, renderTable } from './table.js';

export interface PersonRow extends CheckIn {
  id: string;
  name: string;
  role: string;
  team: string;
  relationship: string;
  archivedAt: string | null;
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
  const columns: Column<PersonRow>[] = [
    {
      header: 'Name',
      value: (r) => displaySafe(r.name) + (r.archivedAt ? ' (archived)' : ''),
      style: (s, r) => (r.archivedAt ? t.dim(s) : t.bold(s)),
      flex: true,
      min: 8,
    },
    {
      header: 'Role',
      value: (r) => displaySafe([r.role, r.team].filter(Boolean).join(', ')),
      flex: true,
      min: 4,
      shrinkOrder: 1,
    },
    {
      header: 'Last seen',
      value: (r) => lastSeenText(r, today, lastContacts?.get(r.id)),
      flex: true,
      min: 8,
      shrinkOrder: 2,
    },
    { header: 'Cadence', value: (r) => describeCadence(r.cadenceDays), flex: true, min: 7 },
    { header: 'Next', value: (r) => (r.archivedAt ? '' : dueText(r, today)), flex: true, min: 9 },
  ];
  // In a narrow terminal the role gives way: who and when matter most.
  const table = renderTable(
    rows,
    width < 60 ? columns.filter((c) => c.header !== 'Role') : columns,
    width,
    t.dim,
  );
  return `${table}\n\n${t.dim(plural(rows.length, 'person', 'people'))}`;
}
