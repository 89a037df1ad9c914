// How dates appear on screen, as the user chose with the date-display setting. Set once per run,
// before a command renders anything.
import { type IsoDate, shortDate } from '../core/dates.js';
import { shownOn } from '../core/due.js';
import { canonicalKind } from '../core/kinds.js';
import type { DateDisplay } from '../core/settings.js';
import { article } from '../core/text.js';

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
// message with Ana", not "a slack"; a common noun in lower case mid-sentence ("an e-mail", not "an
// E-Mail"), spelt as it is kept. Any other kind is said as typed.
const KIND_IN_A_SENTENCE: Record<string, string> = {
  email: 'email',
  'e-mail': 'e-mail',
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

/** Kinds that say how, not what ("in person", "by phone", "over coffee"): "a conversation in person". */
const HOW = /^(in|by|over|on|via|at)\s|^in-person$/i;

/**
 * Plurals, which take no article: "Logged messages with Ana", "Logged drinks with Ben", "DMs". A
 * rule of thumb on the last word, as article() is: an -s after a vowel somewhere, and not the -s
 * of "bus", "class", "analysis", "SMS", or of a name ("Teams", "News").
 */
const NOT_PLURAL = new Set([
  'all-hands',
  'news',
  'teams',
  'series',
  'christmas',
  'canvas',
  'atlas',
  'alias',
  'bonus',
  'gas',
]);

function isPlural(phrase: string): boolean {
  const last =
    phrase
      .trim()
      .split(/[\s/]+/)
      .at(-1) ?? '';
  // An initialism with an s of its own: "DMs", "IMs"; "SMS" is one thing.
  if (/^[A-Z]{1,4}s$/.test(last)) return true;
  const word = last.toLowerCase();
  if (word.length < 4 || NOT_PLURAL.has(word) || !/[a-z]s$/.test(word)) return false;
  return !/(ss|us|is|ys)$/.test(word) && /[aeiouy]/.test(word.slice(0, -1));
}

/**
 * A kind as a sentence says it, with its article: "a Slack message", "an e-mail", "a 1:2:1",
 * "messages" (a plural has none), "a conversation in person".
 */
export function kindWithArticle(kind: string): string {
  const phrase = kindInASentence(kind);
  if (HOW.test(phrase.trim())) return `a conversation ${phrase.trim().replace(/^in-person$/i, 'in person')}`;
  return isPlural(phrase) ? phrase : `${article(phrase)} ${phrase}`;
}

/** "6 Nov" (or "6 Nov 2025" in another year), or "2026-11-06" with date-display iso. */
export function showDate(date: IsoDate, today: IsoDate): string {
  return display === 'iso' ? date : shortDate(date, today);
}

/** " (6 Nov)" after what was recorded for another day than today; nothing for today. */
export function unlessToday(date: IsoDate, today: IsoDate): string {
  return date === today ? '' : ` (${showDate(date, today)})`;
}
