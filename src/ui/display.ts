// How dates appear on screen, as the user chose with the date-display setting. Set once per run,
// before a command renders anything.
import { type IsoDate, shortDate } from '../core/dates.js';
import type { DateDisplay } from '../core/settings.js';

let display: DateDisplay = 'short';

export function useDateDisplay(chosen: DateDisplay): void {
  display = chosen;
}

/** "6 Nov" (or "6 Nov 2025" in another year), or "2026-11-06" with date-display iso. */
export function showDate(date: IsoDate, today: IsoDate): string {
  return display === 'iso' ? date : shortDate(date, today);
}
