// How dates appear on screen, as the user chose with the date-display setting. Set once per run,
// before a command renders anything.
import { type IsoDate, shortDate } from '../core/dates.js';
import { shownOn } from '../core/due.js';
import { canonicalKind } from '../core/kinds.js';
import type { DateDisplay } from '../core/settings.js';

let display: DateDisplay = 'short';
let oneToOne = '1:2:1';

export function useDateDisplay(chosen: DateDisplay): void {
  display = chosen;
}

let workingDays: readonly number[] = [1, 2, 3, 4, 5];

export function useWorkingDays(days: readonly number[]): void {
  workingDays = days;
}

/** The day a check-in is shown on: the working day on or before its due date (see shownOn). */
export function shownDueOn(state: {
  dueOn: IsoDate;
  cadenceDays: number;
  lastTogether: IsoDate | null;
}): IsoDate {
  return shownOn(state.dueOn, state.cadenceDays, workingDays, state.lastTogether);
}

/** How the 1:2:1 kind is shown: the one-to-one-label setting ("1:1", "one-on-one"). */
export function useOneToOneLabel(label: string): void {
  oneToOne = label;
}

/** A conversation's kind as shown to a person: the 1:2:1 kind (in any spelling) by its label. */
export function showKind(kind: string): string {
  return canonicalKind(kind) === '1:2:1' ? oneToOne : kind;
}

// Kinds that name an app or a medium, said as the thing they are in a sentence: "Logged a Slack
// message with Ana", not "a slack"; a common noun in lower case mid-sentence ("an email", not "an
// Email"). Any other kind is said as typed.
const KIND_IN_A_SENTENCE: Record<string, string> = {
  email: 'email',
  'e-mail': 'email',
  slack: 'Slack message',
  sms: 'text message',
  text: 'text message',
  dm: 'direct message',
  whatsapp: 'WhatsApp message',
  imessage: 'iMessage',
  signal: 'Signal message',
  telegram: 'Telegram message',
  teams: 'Teams call',
  zoom: 'Zoom call',
  video: 'video call',
  phone: 'phone call',
};

/** A kind after "a"/"an" in a sentence: "Slack message", "video call", "1:1", "walk". */
export function kindInASentence(kind: string): string {
  return KIND_IN_A_SENTENCE[kind.trim().toLowerCase()] ?? showKind(kind);
}

/** "6 Nov" (or "6 Nov 2025" in another year), or "2026-11-06" with date-display iso. */
export function showDate(date: IsoDate, today: IsoDate): string {
  return display === 'iso' ? date : shortDate(date, today);
}

/** " (6 Nov)" after what was recorded for another day than today; nothing for today. */
export function unlessToday(date: IsoDate, today: IsoDate): string {
  return date === today ? '' : ` (${showDate(date, today)})`;
}
