// Periods and durations as people type them: a cadence or a span (10d, 2w, 3 weeks, monthly,
// every 2 weeks) in whole days, a conversation's length (45min, 1h30) in minutes; and a cadence
// in its friendliest words. Pure.
import { UsageError } from '../errors.js';

/**
 * How long a conversation lasted, in minutes, as people write it: `30`, `30m`, `30min`, `45
 * minutes`, `1h`, `1.5h`, `1h30`, `1 hour 15 min`. Here `m` can only mean minutes. Undefined
 * when the text is none of these; the range is the caller's to check.
 */
export function durationMinutes(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(t)) return Number(t);
  const match = /^(?:(\d+(?:\.\d+)?) ?(?:h|hrs?|hours?))?(?: ?(\d+) ?(?:m|mins?|minutes?)?)?$/.exec(t);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  // "30" alone was taken above, so a bare number here follows hours: "1h30".
  if (match[1] === undefined && !/[a-z]$/.test(t)) return undefined;
  // Part of an hour, then minutes ("1.5h30"), or minutes past the hour that make another hour
  // ("1h90"), is a typo: refused.
  if (match[1] !== undefined && match[2] !== undefined && (match[1].includes('.') || Number(match[2]) > 59))
    return undefined;
  const hours = Number(match[1] ?? 0) * 60;
  const whole = Math.round(hours);
  return Math.abs(hours - whole) < 1e-9 ? whole + Number(match[2] ?? 0) : undefined;
}

const PERIOD_WORDS: Record<string, number> = {
  daily: 1,
  weekly: 7,
  biweekly: 14,
  fortnightly: 14,
  fortnight: 14,
  'a fortnight': 14,
  'a day': 1,
  'a week': 7,
  'a month': 30,
  'a year': 365,
  monthly: 30,
  quarterly: 91,
  yearly: 365,
  annually: 365,
};

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, f: 14, m: 30, y: 365 };

const PERIOD = /^(\d+)\s*(d|days?|w|wks?|weeks?|fortnights?|m|mo|mos|months?|y|yrs?|years?)$/;

export const PERIOD_FORMS =
  '10d, 2w, 3m (or 3mo), 1y, "3 weeks", weekly, biweekly, monthly, quarterly, yearly';

/** A period as typed, folded: "every 2 weeks" (how rel shows a cadence) reads back as "2 weeks". */
function foldedPeriod(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^every (?=\d)/, '')
    .replace(/^every (?=(day|week|fortnight|month|year)$)/, 'a ');
}

/** A period in whole days, or undefined when the text is not a period. */
export function periodDays(text: string): number | undefined {
  const t = foldedPeriod(text);
  if (Object.hasOwn(PERIOD_WORDS, t)) return PERIOD_WORDS[t];
  const match = PERIOD.exec(t);
  if (!match) return undefined;
  const unit = match[2]!.startsWith('mo') ? 'm' : match[2]![0]!;
  return Number(match[1]) * UNIT_DAYS[unit]!;
}

/**
 * A period of whole calendar months ("6 months", "3m", "a year", "2y") as that many months, for a
 * day counted back or ahead ("6 months ago" on 6 December is 6 June, not 180 days back); undefined
 * for a period in days or weeks, and for the named ones (monthly, yearly), which are lengths.
 */
export function periodMonths(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'a month') return 1;
  if (t === 'a year') return 12;
  const match = PERIOD.exec(t);
  if (!match) return undefined;
  const unit = match[2]!.startsWith('mo') ? 'm' : match[2]![0]!;
  if (unit === 'm') return Number(match[1]);
  if (unit === 'y') return Number(match[1]) * 12;
  return undefined;
}

const WINDOW_WORDS: Record<string, string> = {
  daily: 'day',
  'a day': 'day',
  weekly: 'week',
  'a week': 'week',
  fortnight: '2 weeks',
  'a fortnight': '2 weeks',
  fortnightly: '2 weeks',
  biweekly: '2 weeks',
  monthly: 'month',
  'a month': 'month',
  yearly: 'year',
  annually: 'year',
  'a year': 'year',
};
const WINDOW_UNITS: Record<string, [string, number]> = {
  d: ['day', 1],
  w: ['week', 1],
  f: ['week', 2],
  m: ['month', 1],
  y: ['year', 1],
};

/**
 * A period as it was typed, in words for "in the next …": "week", "2 weeks", "month", "100 years"
 * (1m is a month, not "30 days"), "14 days" (not "2 weeks"); undefined for what is not a period.
 */
export function periodWords(text: string): string | undefined {
  const t = foldedPeriod(text);
  if (Object.hasOwn(WINDOW_WORDS, t)) return WINDOW_WORDS[t];
  const match = PERIOD.exec(t);
  if (!match) return undefined;
  const unit = WINDOW_UNITS[match[2]!.startsWith('mo') ? 'm' : match[2]![0]!];
  if (!unit) return undefined;
  const count = Number(match[1]) * unit[1];
  return count === 1 ? unit[0] : `${count} ${unit[0]}s`;
}

const MAX_PERIOD_DAYS = 36_500;

/** Like periodDays, for an option value: anything else, or zero days, is a usage error. */
export function parsePeriod(text: string, option: string): number {
  const days = periodDays(text);
  if (days === undefined) {
    throw new UsageError(`${option} "${text}" is not a period.`, `Use a period such as ${PERIOD_FORMS}.`);
  }
  if (days === 0) {
    throw new UsageError(
      `${option} "${text}" is no time at all: it must be at least 1 day.`,
      `Use a period such as ${PERIOD_FORMS}.`,
    );
  }
  // Past a hundred years a period is a typo, and counted from today it soon leaves the calendar.
  if (days > MAX_PERIOD_DAYS) {
    throw new UsageError(
      `${option} "${text}" is longer than rel counts: a period is at most 100 years.`,
      `Use a period such as ${PERIOD_FORMS}.`,
    );
  }
  return days;
}

/**
 * The longest cadence rel takes: ten years (3650 days). A longer one is a typo (20000d for 200d)
 * or means "never", which is rel archive; and past it a check-in soon lands beyond the calendar.
 */
export const MAX_CADENCE_DAYS = 3650;

/** The cap as the messages say it. */
export const CADENCE_CAP = `${MAX_CADENCE_DAYS / 365} years (${MAX_CADENCE_DAYS} days)`;

/** Whether a number of days is longer than a cadence may be: the one test of the cap. */
export function overCadenceCap(days: number): boolean {
  return days > MAX_CADENCE_DAYS;
}

/** What is wrong with a period as a cadence (none, or longer than ten years), or undefined when it is one. */
export function cadenceProblem(days: number | undefined): string | undefined {
  if (days === undefined) return `Use a period such as ${PERIOD_FORMS}`;
  if (days < 1) return 'A cadence must be at least 1 day';
  if (overCadenceCap(days))
    return `A cadence is at most ${CADENCE_CAP}; for someone you no longer keep up with, rel archive`;
  return undefined;
}

/** Like parsePeriod, for a cadence: longer than ten years is a usage error too. */
export function parseCadence(text: string, option: string): number {
  const days = periodDays(text);
  if (days !== undefined && overCadenceCap(days)) {
    throw new UsageError(
      `${option} "${text}" is longer than rel takes: a cadence is at most ${CADENCE_CAP}.`,
      'Use a period such as yearly or 2y; for someone you no longer keep up with: rel archive <name>.',
    );
  }
  return parsePeriod(text, option);
}

// Made once: a table names the cadence of every row, and an object literal with these keys,
// built on each call, cost rel due's table more than the rest of its Cadence column.
const CADENCE_NAMES = new Map<number, string>([
  [1, 'daily'],
  [7, 'weekly'],
  [14, 'every 2 weeks'],
  [30, 'monthly'],
  [91, 'quarterly'],
  [365, 'yearly'],
]);

/** "30 days" shown as the friendliest name: "weekly", "every 2 weeks", "monthly", "every 45 days". */
export function describeCadence(days: number): string {
  const name = CADENCE_NAMES.get(days);
  if (name) return name;
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  return `every ${days} days`;
}
