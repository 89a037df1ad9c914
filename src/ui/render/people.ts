import { describeCadence, type IsoDate } from '../../core/dates.js';
import type { CheckIn } from '../../core/due.js';
import { displaySafe, plural } from '../../core/text.js';
import type { Theme } from '../io.js';
import { dueText, lastSeenText } from './due.js';
import { renderTable } from './table.js';

export interface PersonRow extends CheckIn {
  id: string;
  name: string;
  role: string;
  team: string;
  relationship: string;
  archivedAt: string | null;
}

export function renderPeople(rows: PersonRow[], today: IsoDate, t: Theme, width: number): string {
  if (rows.length === 0)
    return 'Your journal has no one in it yet. Add someone:\n  rel add "Ana Silva" --role Engineer --cadence 2w';
  const table = renderTable(
    rows,
    [
      {
        header: 'Name',
        value: (r) => displaySafe(r.name) + (r.archivedAt ? ' (archived)' : ''),
        style: (s, r) => (r.archivedAt ? t.dim(s) : t.bold(s)),
        flex: true,
        min: 10,
      },
      {
        header: 'Role',
        value: (r) => displaySafe([r.role, r.team].filter(Boolean).join(', ')),
        flex: true,
        min: 6,
      },
      { header: 'Last seen', value: (r) => lastSeenText(r.lastSeen, today), flex: true, min: 10 },
      { header: 'Cadence', value: (r) => describeCadence(r.cadenceDays) },
      { header: 'Next', value: (r) => (r.archivedAt ? '' : dueText(r, today)), flex: true, min: 8 },
    ],
    width,
    t.dim,
  );
  return `${table}\n\n${t.dim(plural(rows.length, 'person', 'people'))}`;
}
