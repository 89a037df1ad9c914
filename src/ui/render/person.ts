import { DEFAULT_CADENCE_DAYS } from '../../core/dates.js';
import type { Person } from '../../core/journal.js';
import { describeCadence } from '../../core/periods.js';
import { displaySafe } from '../../core/text.js';
import type { Theme } from '../theme.js';

export function renderAdded(person: Person, t: Theme): string {
  const details = [person.role, person.team, person.relationship].filter(Boolean).map((d) => displaySafe(d));
  const cadence = describeCadence(person.cadenceDays ?? DEFAULT_CADENCE_DAYS);
  return [
    `${t.good('Added')} ${t.bold(displaySafe(person.name))} ${t.dim(`(${displaySafe(person.id)})`)}${details.length ? ` · ${details.join(' · ')}` : ''}`,
    `Catching up ${cadence}. They are due now; log your first conversation with: rel log ${displaySafe(person.id)}`,
  ].join('\n');
}
