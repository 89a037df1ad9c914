// Calendar dates ("YYYY-MM-DD" in the user's local time zone) and the parsing of what users type
// for them; periods and durations are periods.ts. Pure: "now" is always passed in.
import { StoredDayNotInCalendar, UsageError } from '../errors.js';
import { respelt } from './date-typos.js';
import { periodDays, periodMonths } from './periods.js';

/** A calendar date, "YYYY-MM-DD", in the user's local time zone. */
export type IsoDate = string;

/**
 * Dates (YYYY-MM-DD), and timestamps as rel writes them, in time order: their characters in
 * order, as localeCompare would put them but without starting ICU's collator (10 to 25 ms).
 */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parses text that means a date when the simple forms do not; chrono-node, loaded on demand. */
export type NaturalDateParser = (text: string, reference: Date, forward: boolean) => Date | null;

export const DEFAULT_CADENCE_DAYS = 30;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// Calendar arithmetic and the two display forms are written by hand: reports run them for every
// person on every call, date-fns `format` costs tens of microseconds a call where this costs well
// under one, and loading date-fns with its locale would be most of `rel --help`'s own time.

/** The local calendar day of a moment. */
export function toIsoDate(date: Date): IsoDate {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  return isoOf(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * The last year a YYYY-MM-DD can hold. Date arithmetic that lands past it (or before year 0)
 * throws DateOutOfRange instead of writing "0NaN-NaN-NaN" or a five-digit year.
 */
export const LATEST_YEAR = 9999;

/** A day that YYYY-MM-DD cannot write: arithmetic carried a date past year 9999 (`later`) or before year 0. */
export class DateOutOfRange extends RangeError {
  constructor(readonly later: boolean) {
    super(later ? `a day after the year ${LATEST_YEAR}` : 'a day before the year 0');
  }
}

function isoOf(year: number, month: number, day: number, later = year > LATEST_YEAR): IsoDate {
  if (!(year >= 0 && year <= LATEST_YEAR)) throw new DateOutOfRange(later);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The calendar date as [year, month 1-12, day], refusing forms and days that do not exist. */
function calendarParts(date: IsoDate): [number, number, number] {
  // Reports take apart several dates per person on every call: the form is read digit by digit
  // (what ISO_DATE accepts, without a match array), the regex left to say what is wrong.
  const text = typeof date === 'string' ? date : String(date);
  const parts = text.length === 10 ? digitsOf(text) : undefined;
  if (!parts) {
    if (!ISO_DATE.test(date)) throw new UsageError(`"${date}" is not a date in the form YYYY-MM-DD.`);
    throw new StoredDayNotInCalendar(date);
  }
  return parts;
}

/** Whether a YYYY-MM-DD is a day of the calendar (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  return text.length === 10 && digitsOf(text) !== undefined;
}

/** [year, month, day] of a YYYY-MM-DD that is a real calendar date; undefined otherwise. */
function digitsOf(date: string): [number, number, number] | undefined {
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    const c = date.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return undefined; // '-'
      continue;
    }
    const digit = c - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    ? [year, month, day]
    : undefined;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A leap year of the proleptic Gregorian calendar (as Date counts them, year 0 included). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1 to 12) of the proleptic Gregorian calendar; 0 for a month no calendar has. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** The local day at 12:00, so that adding days never crosses a DST edge into another day. */
export function fromIsoDate(date: IsoDate): Date {
  const [year, month, day] = calendarParts(date);
  const local = new Date(2000, month - 1, day, 12);
  local.setFullYear(year, month - 1, day); // the constructor reads years 0-99 as 1900-1999
  return local;
}

/** The earliest year a typed date may have: anything before is a typo (0026 for 2026). */
export const EARLIEST_YEAR = 1900;

/**
 * A typed date from 1900 to 9999: before is a typo for a year written short (0026), after is one
 * with a digit too many or a period too long (300000y); either is refused, saying what to give.
 */
function refuseOutOfRange(date: IsoDate | DateOutOfRange, what: string, now: Date): IsoDate {
  if (date instanceof DateOutOfRange ? date.later : Number(date.slice(0, 4)) > LATEST_YEAR) {
    throw new UsageError(
      `${what} is after the year ${LATEST_YEAR}.`,
      `Give a day from ${EARLIEST_YEAR} to ${LATEST_YEAR} (e.g. ${toIsoDate(now)}) or a shorter period such as 2w.`,
    );
  }
  if (date instanceof DateOutOfRange || Number(date.slice(0, 4)) < EARLIEST_YEAR) {
    // A year written short (0026) is shown in full; a period counted back that far has no such year.
    const typed = typeof date === 'string' && Number(date.slice(0, 4)) < 1000;
    throw new UsageError(
      `${what} is before ${EARLIEST_YEAR}.`,
      typed
        ? `Give the year in full, e.g. ${date.replace(/^\d{4}/, String(now.getFullYear()))}.`
        : `Give a day from ${EARLIEST_YEAR} on (e.g. ${toIsoDate(now)}) or a shorter period such as 2w.`,
    );
  }
  return date;
}

/**
 * Days since 1970-01-01 of a calendar date: time zones play no part in counting days. The
 * difference of two is daysBetween them, for a walk over many dates that reads each once.
 */
export function dayNumber(date: IsoDate): number {
  const [year, month, day] = calendarParts(date);
  return utcDay(year, month, day);
}

/**
 * Days since 1970-01-01 of a real calendar date, by arithmetic (the days-from-civil count of the
 * proleptic Gregorian calendar, as Date keeps it; years 0-99 are not taken as 1900-1999): a Date
 * object for each costs more than the rest of a report's work on the date.
 */
function utcDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The day of the week of a calendar date, 0 for Sunday as Date's getDay() counts. */
export function weekdayOf(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * The same day `months` calendar months after (or before) a date, as date-fns addMonths counts:
 * a day the month has not is its last (31 March less a month is 28 or 29 February).
 * DateOutOfRange when that is not a day YYYY-MM-DD can write.
 */
export function addMonthsTo(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = calendarParts(date);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  if (!(toYear >= 0 && toYear <= LATEST_YEAR)) throw new DateOutOfRange(months > 0);
  return isoOf(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}

/** The day `days` after (or before) a date; DateOutOfRange when that is not a day YYYY-MM-DD can write. */
export function addDaysTo(date: IsoDate, days: number): IsoDate {
  const moved = new Date((dayNumber(date) + days) * DAY_MS);
  return isoOf(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate(), days > 0);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * "Now" from REL_NOW: an ISO date (that local day at 12:00) or date-time (local time unless it
 * carries an offset). Undefined or empty means the real clock.
 */
export function parseNow(value: string | undefined, clock: () => Date): Date {
  if (!value) return clock();
  const refused = () =>
    new UsageError(
      `REL_NOW="${value}" is not an ISO 8601 date or date-time from ${EARLIEST_YEAR} on.`,
      'Use a form like 2026-11-27 or 2026-11-27T09:30:00, or unset REL_NOW.',
    );
  if (Number(value.slice(0, 4)) < EARLIEST_YEAR) throw refused();
  // A day that does not exist (2026-13-01, or 2026-02-30 that Date would roll into March).
  if (ISO_DATE.test(value.slice(0, 10)) && !digitsOf(value.slice(0, 10))) {
    // In the words of --date's refusal of the same day, and the way back to the real clock.
    const day = isoNotInCalendar(value.slice(0, 10), `REL_NOW="${value}"`, clock());
    throw new UsageError(day.message, `${day.hint} Or unset REL_NOW to use this machine's clock.`);
  }
  if (ISO_DATE.test(value)) return fromIsoDate(value);
  const parsed = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw refused();
  return parsed;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function weekdayIndex(word: string): number {
  if (word.length < 3) return -1;
  return WEEKDAYS.findIndex((day) => day.startsWith(word));
}

export type DateDirection = 'past' | 'future';

export interface DateContext {
  now: Date;
  direction: DateDirection;
  /** Used only when none of the simple forms match. */
  natural?: NaturalDateParser;
  /** The day weeks begin on (0 Sunday ... 6 Saturday), for "next friday"; Monday when unset. */
  weekStart?: number;
}

/**
 * The simple, unambiguous forms: YYYY-MM-DD, today, yesterday, tomorrow, "N days ago",
 * "in N days", weekday names, "last friday", "next friday" and periods (counted back for
 * past dates, forward for future ones). Undefined when the text is none of these. "friday"
 * looking ahead is the first Friday after today; "next friday" is the Friday of next week, the
 * week after this one (weeks beginning on `weekStart`).
 */
export function parseSimpleDate(
  input: string,
  now: Date,
  direction: DateDirection,
  weekStart = 1,
): IsoDate | undefined {
  const text = withoutTimeOfDay(plainWords(input));
  const today = toIsoDate(now);
  if (ISO_DATE.test(text)) {
    if (!isCalendarDate(text)) throw isoNotInCalendar(text, `"${text}"`, now);
    return toIsoDate(fromIsoDate(text));
  }
  if (text === 'today' || text === 'now') return today;
  if (text === 'yesterday') return addDaysTo(today, -1);
  if (text === 'tomorrow') return addDaysTo(today, 1);

  // A day said in months or years is that day of the month ("6 months ago" on 6 December is 6
  // June, "12 months ago" is "1 year ago"), not 30 or 365 days a unit as a period alone is.
  const ago = /^(.+) ago$/.exec(text);
  if (ago) {
    const months = periodMonths(ago[1]!);
    if (months !== undefined) return addMonthsTo(today, -months);
    const days = periodDays(ago[1]!);
    if (days !== undefined) return addDaysTo(today, -days);
  }
  const inPeriod = /^in (.+)$/.exec(text);
  if (inPeriod) {
    const months = periodMonths(inPeriod[1]!);
    if (months !== undefined) return addMonthsTo(today, months);
    const days = periodDays(inPeriod[1]!);
    if (days !== undefined) return addDaysTo(today, days);
  }
  // A period alone (3m) is a length counted back or ahead, in the days Periods gives it.
  const days = periodDays(text);
  if (days !== undefined) return addDaysTo(today, direction === 'past' ? -days : days);

  const weekday = /^(last |previous |next |on )?([a-z]+)$/.exec(text);
  if (weekday) {
    const target = weekdayIndex(weekday[2]!);
    if (target >= 0) {
      const current = now.getDay();
      // "previous friday" is "last friday".
      const qualifier = weekday[1]?.trim() === 'previous' ? 'last' : weekday[1]?.trim();
      const lookBack = qualifier === 'last' || (qualifier !== 'next' && direction === 'past');
      if (lookBack) {
        const back = (current - target + 7) % 7;
        // "friday" in the past includes today; "last friday" does not.
        return addDaysTo(today, -(back === 0 && qualifier === 'last' ? 7 : back));
      }
      if (qualifier === 'next') {
        const nextWeek = addDaysTo(today, 7 - ((current - weekStart + 7) % 7));
        return addDaysTo(nextWeek, (target - weekStart + 7) % 7);
      }
      return addDaysTo(today, (target - current + 7) % 7 || 7);
    }
  }
  return undefined;
}

/**
 * Typed text in lower case with single spaces, a full stop after a word dropped ("Sat." as
 * calendars and e-mails abbreviate it is "sat"): the full stop changes nothing a date means.
 */
function plainWords(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/([a-z])\.(?=[ ,]|$)/g, '$1');
}

/** A time of day after a day: "9am", "at 14:30", "morning", "tonight". */
const TIME_OF_DAY =
  / (?:at |in the )?(?:\d{1,2}(?::\d{2})? ?(?:am|pm)|\d{1,2}:\d{2}|morning|afternoon|evening|night|noon|midday|lunch(?:time)?)$/;
const DAY_WORD = /^(?:(?:last|previous|next|on) )?[a-z]+$/;

/**
 * A day named by a word with a time of day after it ("monday morning", "mon 9am", "yesterday at
 * 3pm") is that day: the time says nothing about which day, and rel keeps days. Other text is
 * given back as it is.
 */
function withoutTimeOfDay(text: string): string {
  let day = text;
  while (TIME_OF_DAY.test(day)) day = day.replace(TIME_OF_DAY, '');
  return day !== text && DAY_WORD.test(day) ? day : text;
}

const NAMES_A_MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;
const LOOKS_AHEAD = /\b(next|coming|in|from now|later|after|tomorrow)\b/i;
/**
 * A month with no day of it: "december", "november 2026", "in december", "mid november", "early
 * november", "end of november", "next december".
 */
const WHOLE_MONTH =
  /^(?:(in|this|last|next|past|previous|coming|early|mid|mid-|late|end of|the end of|beginning of|the beginning of|start of|the start of) ?)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?(?: (\d{4}))?$/i;
/** A whole week, month or year: "this week", "last month", "previous year". */
const WHOLE_SPAN = /^(this|last|past|previous) (week|month|year)$/i;
const SPAN_MONTHS: Record<string, number> = { month: 1, year: 12 };
const SPAN_PERIOD: Record<string, string> = { week: '1w', month: '1m', year: '1y' };
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const MONTH_AND_DAY = new RegExp(
  `^(?:(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH_WORD}|${MONTH_WORD} (\\d{1,2})(?:st|nd|rd|th)?)(?:,? (\\d{4}))?$`,
  'i',
);
const NUMERIC_DATE = /^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Why a numeric date other than YYYY-MM-DD is refused, said as it is: read both ways round it may
 * be two days (ambiguous), one (then the hint writes that day), or none (not a date at all).
 */
function numericRefusal(text: string, option: string, now: Date): UsageError {
  const parts = text.split(/[/.-]/).map(Number);
  const yearFirst = /^\d{4}/.test(text);
  const year = yearFirst
    ? parts[0]!
    : parts.length === 3 && /\d{4}$/.test(text)
      ? parts[2]!
      : now.getFullYear();
  const [a, b] = yearFirst ? [parts[1]!, parts[2] ?? 0] : [parts[0]!, parts[1]!];
  const real = (month: number, day: number) =>
    month >= 1 && month <= 12 && day >= 1 && day <= new Date(year, month, 0).getDate();
  const readings = (
    yearFirst
      ? [[a, b]]
      : [
          [b, a],
          [a, b],
        ]
  )
    .filter(([month, day]) => real(month!, day!))
    .map(([month, day]) => ({
      iso: `${pad(year, 4)}-${pad(month!)}-${pad(day!)}`,
      words: `${day} ${MONTH_NAMES[month! - 1]}`,
    }))
    .filter((r, i, all) => all.findIndex((o) => o.iso === r.iso) === i);
  if (readings.length === 0) {
    // A month it has, with a day that month does not have (31/11, 2/30): said as "feb 30" is.
    const months = (
      yearFirst
        ? [[a, b]]
        : [
            [b, a],
            [a, b],
          ]
    ).filter(([month, day]) => month! >= 1 && month! <= 12 && day! >= 1);
    if (months.length === 1)
      return notInCalendar(`${option} "${text}"`, year, months[0]![0]!, months[0]![1]!);
    return new UsageError(
      `${option} "${text}" is not a date: no month has that day.`,
      'Write it as YYYY-MM-DD, e.g. 2026-05-06.',
    );
  }
  if (readings.length === 1) {
    return new UsageError(
      `${option} "${text}" is not in a form rel reads: numeric dates are written YYYY-MM-DD, since day and month order differs between countries.`,
      `For ${readings[0]!.words}: ${readings[0]!.iso}`,
    );
  }
  return new UsageError(
    `${option} "${text}" is ambiguous: day and month order differs between countries.`,
    `Write it as YYYY-MM-DD: ${readings.map((r) => `${r.iso} (${r.words})`).join(' or ')}.`,
  );
}

/** parseSimpleDate, or the DateOutOfRange of a period that carries the day out of 0..9999 (300000y). */
function simpleOrOutOfRange(text: string, context: DateContext): IsoDate | DateOutOfRange | undefined {
  try {
    return parseSimpleDate(text, context.now, context.direction, context.weekStart);
  } catch (error) {
    if (error instanceof DateOutOfRange) return error;
    throw error;
  }
}

/** A count with a sign before it ("-1 days ago", "in +2 weeks", "-2w"): 1, the count; 2, its unit. */
const SIGNED_COUNT = /(?:^|\s)[-+−]\s*(\d+)\s*(days?|weeks?|months?|years?|d|w|m|y)\b/i;
const UNIT_WORDS: Record<string, string> = { d: 'day', w: 'week', m: 'month', y: 'year' };

/** Parses a date the user typed. Throws a UsageError saying which forms are accepted. */
export function parseDate(input: string, option: string, context: DateContext): IsoDate {
  const text = input.trim();
  if (!text)
    throw new UsageError(`${option} is empty.`, 'Give a date such as 2026-11-20, yesterday or friday.');
  // A count or a period with a sign ("-1 days ago", "-2w"): chrono drops the sign, and the periods
  // count forward only, so which way it was meant is a guess. It is asked for without one.
  const signed = SIGNED_COUNT.exec(text);
  if (signed) {
    const count = Number(signed[1]);
    const unit = UNIT_WORDS[signed[2]!.toLowerCase().charAt(0)]!;
    const span = `${count} ${unit}${count === 1 ? '' : 's'}`;
    const unsigned = context.direction === 'past' ? `${span} ago` : `in ${span}`;
    let meant = '';
    try {
      meant = `: ${parseDate(unsigned, option, context)}`;
    } catch {
      // Out of range, say: the words alone are the hint.
    }
    throw new UsageError(
      `${option} "${text}" has a sign before its count: rel cannot tell which way it was meant.`,
      `Give the count without one ("${unsigned}"${meant}).`,
    );
  }
  if (NUMERIC_DATE.test(text) && !ISO_DATE.test(text)) throw numericRefusal(text, option, context.now);
  if (ISO_DATE.test(text) && !isCalendarDate(text))
    throw isoNotInCalendar(text, `${option} "${text}"`, context.now);
  if (/^\d{5,}-\d{2}-\d{2}$/.test(text))
    return refuseOutOfRange(new DateOutOfRange(true), `${option} "${text}"`, context.now);
  const simple = simpleOrOutOfRange(text, context);
  if (simple) return refuseOutOfRange(simple, `${option} "${text}"`, context.now);
  // A month or a week is not a day: chrono would pin its first day (or its Sunday) unsaid, and
  // "last month" or "last year" to this day of it, a day no one meant by the words.
  const words = plainWords(text);
  if (WHOLE_SPAN.test(words) || WHOLE_MONTH.test(words)) throw vagueRefusal(text, option, context);
  const missing = dayNotInCalendar(text, option, context);
  if (missing) throw missing;
  const slips = respelt(text);
  if (slips.length) throw misspeltRefusal(text, option, context, slips);
  const natural = context.natural?.(text, context.now, context.direction === 'future');
  if (natural && !Number.isNaN(natural.getTime())) {
    // "january 5" without a year, looking back from November, is the January just gone; "next
    // week" or "in a month" looking back is a mistake, left ahead for the caller to refuse. The
    // days are compared, not the moments: chrono puts "dec 2" at noon, which on the morning of
    // 2 December is still ahead of now, yet today is not in the future.
    if (
      context.direction === 'past' &&
      toIsoDate(natural) > toIsoDate(context.now) &&
      NAMES_A_MONTH.test(text) &&
      !LOOKS_AHEAD.test(text) &&
      !/\b\d{4}\b/.test(text)
    ) {
      natural.setFullYear(natural.getFullYear() - 1);
    }
    const year = natural.getFullYear();
    const day = year > LATEST_YEAR || year < 0 ? new DateOutOfRange(year > 0) : toIsoDate(natural);
    const kept = refuseOutOfRange(day, `${option} "${text}"`, context.now);
    const clash = weekdayClash(text, kept, option, context);
    if (clash) throw clash;
    return kept;
  }
  throw new UsageError(
    `${option} "${text}" is not a date rel understands.`,
    context.direction === 'past'
      ? 'Try 2026-11-20, today, yesterday, "3 days ago", friday, "last friday" or a period such as 2w.'
      : 'Try 2026-12-20, tomorrow, friday, "next monday", "in 3 days" or a period such as 2w.',
  );
}

/**
 * A date with a weekday or month name misspelt in it: refused, not read as the name it is close
 * to, offering what it was likely meant as, with the day that would be when it is one.
 */
function misspeltRefusal(text: string, option: string, context: DateContext, readings: string[]): UsageError {
  // Each reading is checked before it is offered: one rel would refuse too ("tuesday 5 dec" when
  // 5 December is a Saturday) is offered with the weekday the date is, saying so.
  const offered: { words: string; day: string }[] = [];
  for (const reading of readings) {
    let fit: { words: string; day: string } | undefined;
    try {
      fit = { words: reading, day: parseDate(reading, option, context) };
    } catch {
      fit = weekdayThatFits(reading, option, context);
    }
    if (!fit) fit = { words: reading, day: '' }; // still no day: the words alone are the hint
    const words = fit.words.includes(' ') ? `"${fit.words}"` : fit.words;
    if (!offered.some((o) => o.words === words)) offered.push({ words, day: fit.day });
  }
  const only = offered.length === 1 ? offered[0]! : undefined;
  return new UsageError(
    `${option} "${text}" is not a date rel understands.`,
    only
      ? `Did you mean ${only.words}?${only.day ? ` (${only.day})` : ''}`
      : `Did you mean ${offered.map((o) => `${o.words}${o.day ? ` (${o.day})` : ''}`).join(' or ')}?`,
  );
}

/**
 * A reading "tuesday 5 dec" whose weekday is not the date's, with the weekday the date is
 * ("saturday 5 dec") and the day, saying why it differs from what was typed; undefined when the
 * date alone is no day either.
 */
function weekdayThatFits(
  reading: string,
  option: string,
  context: DateContext,
): { words: string; day: string } | undefined {
  const words = /^([a-z]+),? (.+)$/.exec(reading);
  if (!words || weekdayIndex(words[1]!) < 0) return undefined;
  let date: IsoDate;
  try {
    date = parseDate(words[2]!, option, context);
  } catch {
    return undefined;
  }
  const [year, month, day] = calendarParts(date);
  const full = (index: number) => WEEKDAYS[index]![0]!.toUpperCase() + WEEKDAYS[index]!.slice(1);
  const actual = weekdayOf(date);
  return {
    words: `${WEEKDAYS[actual]} ${words[2]}`,
    day: `${date}: ${day} ${MONTH_NAMES[month - 1]} ${year} is a ${full(actual)}, not a ${full(weekdayIndex(words[1]!))}`,
  };
}

/**
 * The day of a month (0-11) a refusal of it gives as an example: the 15th, of the year given, else
 * of the one the words mean. Looking back (--date, --since, "last january") that is the latest
 * such month up to today, looking ahead (--due, --until, "next january") the first from today on:
 * in December, "january" for --due is the coming one. This month's example is a day of it on the
 * right side of today (today itself when the 15th is not). `yearSaid`: the day in words needs its
 * year, which the day and month alone would not give ("next december" in December).
 */
function monthExample(
  index: number,
  given: string | undefined,
  qualifier: string | undefined,
  context: DateContext,
): { day: IsoDate; yearSaid: boolean } {
  const thisMonth = context.now.getMonth();
  const thisYear = context.now.getFullYear();
  if (given !== undefined) return { day: isoOf(Number(given), index + 1, 15), yearSaid: true };
  const words = qualifier?.toLowerCase();
  const said: DateDirection | undefined =
    words === 'last' || words === 'past' || words === 'previous'
      ? 'past'
      : words === 'next' || words === 'coming'
        ? 'future'
        : undefined;
  const back = (said ?? context.direction) === 'past';
  const yearSaid = said !== undefined;
  if (index === thisMonth && !yearSaid) {
    const today = context.now.getDate();
    const day = isoOf(thisYear, index + 1, back ? Math.min(15, today) : Math.max(15, today));
    return { day, yearSaid };
  }
  if (back) return { day: isoOf(index < thisMonth ? thisYear : thisYear - 1, index + 1, 15), yearSaid };
  return { day: isoOf(index > thisMonth ? thisYear : thisYear + 1, index + 1, 15), yearSaid };
}

/**
 * A week, a month or a year is not a day: refused, saying so and giving the day as many days back
 * (or ahead) and the period that counts it, for the user to pick the day they meant.
 */
function vagueRefusal(text: string, option: string, context: DateContext): UsageError {
  const whole = WHOLE_SPAN.exec(plainWords(text));
  const message = `${option} "${text}" is not a date rel understands.`;
  const month = WHOLE_MONTH.exec(plainWords(text));
  if (!whole && month) {
    const [, qualifier, word, given] = month;
    const index = MONTHS.findIndex((m) => m.toLowerCase() === word!.toLowerCase());
    const name = MONTH_NAMES[index]!;
    const { day, yearSaid } = monthExample(index, given, qualifier, context);
    const [year, , dayOfMonth] = calendarParts(day);
    return new UsageError(
      message,
      `"${text}" names a month, not a day: give a day of it, such as ${dayOfMonth} ${name.toLowerCase()}${yearSaid ? ` ${year}` : ''} or ${day}.`,
    );
  }
  if (!whole) throw new RangeError(`not a week, a month or a year: ${text}`);
  const span = whole[2]!.toLowerCase();
  const back = context.direction === 'past';
  const today = toIsoDate(context.now);
  if (whole[1]!.toLowerCase() === 'this') {
    // A day of this week, month or year on the side the option looks to: today looking back,
    // its last day looking ahead (a follow-up due "this month" is due by its end).
    const example = back ? today : lastDayOf(span, today, context.weekStart ?? 1);
    return new UsageError(
      message,
      `"${text}" names a whole ${span}, not a day: give one, such as ${example} (${back ? 'today' : `the end of this ${span}`}), ${back ? 'yesterday' : 'friday'} or a date.`,
    );
  }
  // "a month ago today" is the same day of last month, as "1 month ago" gives it.
  const example =
    span === 'week'
      ? addDaysTo(today, back ? -7 : 7)
      : addMonthsTo(today, (back ? -1 : 1) * SPAN_MONTHS[span]!);
  return new UsageError(
    message,
    `"${text}" names a whole ${span}, not a day: give one, such as ${example} (a ${span} ${back ? 'ago' : 'from'} today), ${back ? 'last monday' : 'next monday'} or the period ${SPAN_PERIOD[span]}.`,
  );
}

/** The last day of the week (weeks beginning on `weekStart`), month or year that `date` is in. */
function lastDayOf(span: string, date: IsoDate, weekStart: number): IsoDate {
  const [year, month] = calendarParts(date);
  if (span === 'year') return isoOf(year, 12, 31);
  if (span === 'month') return isoOf(year, month, daysInMonth(year, month));
  return addDaysTo(date, (weekStart + 6 - weekdayOf(date) + 7) % 7);
}

/**
 * "wed 26 nov" when 26 November is a Thursday: the weekday and the date disagree, and either may
 * be the slip. Refused, naming the weekday the date is and the day each part alone would give.
 */
function weekdayClash(
  text: string,
  date: IsoDate,
  option: string,
  context: DateContext,
): UsageError | undefined {
  const words = /^([a-z]+),? (.+)$/.exec(plainWords(text));
  if (!words || !/\d/.test(words[2]!)) return undefined;
  const named = weekdayIndex(words[1]!);
  if (named < 0 || !(NAMES_A_MONTH.test(words[2]!) || ISO_DATE.test(words[2]!))) return undefined;
  const actual = weekdayOf(date);
  if (actual === named) return undefined;
  const [year, month, day] = calendarParts(date);
  const full = (index: number) => WEEKDAYS[index]![0]!.toUpperCase() + WEEKDAYS[index]!.slice(1);
  const alone = parseSimpleDate(WEEKDAYS[named]!, context.now, context.direction, context.weekStart);
  return new UsageError(
    `${option} "${text}": ${day} ${MONTH_NAMES[month - 1]} ${year} is a ${full(actual)}, not a ${full(named)}.`,
    `Give the date alone (${date}) or the weekday alone (${WEEKDAYS[named]}: ${alone}).`,
  );
}

/**
 * "feb 30", "31 april": a month and a day it does not have. chrono finds no date there and rel
 * would say only that it does not understand; this says which day is not in the calendar and
 * gives the month's last day and the one after it instead.
 */
function dayNotInCalendar(text: string, option: string, context: DateContext): UsageError | undefined {
  const parts = MONTH_AND_DAY.exec(text.replace(/\s+/g, ' '));
  if (!parts) return undefined;
  const day = Number(parts[1] ?? parts[4]);
  const month =
    MONTHS.findIndex((m) => m.toLowerCase() === (parts[2] ?? parts[3])!.slice(0, 3).toLowerCase()) + 1;
  const year = parts[5] === undefined ? context.now.getFullYear() : Number(parts[5]);
  if (month < 1 || day < 1 || day <= daysInMonth(year, month)) return undefined;
  return notInCalendar(`${option} "${text}"`, year, month, day);
}

/**
 * A day after the last of its month (30 February, 31 November), however it was written (feb 30,
 * 2026-02-30, 30/2): which day is not in the calendar, and the month's last day and the one after
 * it instead (and, for 29 February, the last leap year's). `what` is the option and the text.
 */
function notInCalendar(what: string, year: number, month: number, day: number, yearless = false): UsageError {
  const name = MONTH_NAMES[month - 1]!;
  const last = daysInMonth(year, month);
  const written = (iso: string) => (yearless ? iso.slice(5) : iso);
  const instead = `${written(isoOf(year, month, last))} (${last} ${name}) or ${written(addDaysTo(isoOf(year, month, last), 1))}`;
  if (month === 2 && day === 29) {
    // 29 February of a year that is not a leap year.
    return new UsageError(
      `${what}: 29 February ${year} is not in the calendar; ${year} is not a leap year.`,
      `Give a day that is, such as ${instead}, or a leap year's: ${isoOf(leapBefore(year), 2, 29)}.`,
    );
  }
  const has = month === 2 ? '28 days (29 in a leap year)' : `${last} days`;
  return new UsageError(
    `${what}: ${day} ${name} is not in the calendar; ${name} has ${has}.`,
    `Give a day that is, such as ${instead}.`,
  );
}

/**
 * A YYYY-MM-DD (or, for a birthday without its year, MM-DD) that is no day: one after its month's
 * last (notInCalendar), or with a month or a day that no calendar has (2026-13-01, 2026-11-00).
 * `what` is the option and the text, as every date's refusal says them.
 */
export function isoNotInCalendar(text: string, what: string, now: Date): UsageError {
  const yearless = /^\d{2}-\d{2}$/.test(text);
  // Without a year, 29 February is a day (of a leap year): the year 2000 stands in.
  const [year, month, day] = (yearless ? `2000-${text}` : text).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  if (month >= 1 && month <= 12 && day >= 1) return notInCalendar(what, year, month, day, yearless);
  const example = yearless ? toIsoDate(now).slice(5) : toIsoDate(now);
  return new UsageError(
    month >= 1 && month <= 12
      ? `${what} is not a date: there is no day 00 of a month; days run from 01.`
      : `${what} is not a date: there is no month ${(yearless ? text : text.slice(5)).slice(0, 2)}; months run from 01 to 12.`,
    `Write it as ${yearless ? 'MM-DD' : 'YYYY-MM-DD'}, e.g. ${example}.`,
  );
}

/** The latest leap year before `year`. */
function leapBefore(year: number): number {
  let y = year - 1;
  while (daysInMonth(y, 2) !== 29) y--;
  return y;
}

/** "today", "yesterday", "3 days ago", "2 weeks ago", "in 5 days", ... */
export function relativeDay(date: IsoDate, today: IsoDate): string {
  const days = daysBetween(date, today);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  const phrase = spanWords(Math.abs(days));
  return days > 0 ? `${phrase} ago` : `in ${phrase}`;
}

/**
 * How long ago something that has happened was: relativeDay, but a day after today (a
 * conversation logged where the date was already tomorrow, or imported from a clock ahead) is
 * "dated ahead of today", never "tomorrow" or "in 6 weeks" for a day that is past by definition.
 */
export function sinceDay(date: IsoDate, today: IsoDate): string {
  return date > today ? 'dated ahead of today' : relativeDay(date, today);
}

/**
 * A number of days as relativeDay words it: "1 day", "5 days", "9 weeks", "4 months", "2 years".
 * Weeks, months and years are rounded to the nearest, as people say them: a check-in 89 days away
 * is "in 3 months", not "in 2 months".
 */
export function spanWords(span: number): string {
  if (span === 1) return '1 day';
  if (span < 14) return `${span} days`;
  if (span < 60) return `${Math.round(span / 7)} weeks`;
  const months = Math.round(span / 30.44);
  // Twelve months is a year, as people say it ("in a year", not "in 12 months").
  if (months === 12) return '1 year';
  if (span < 730) return `${months} months`;
  return `${Math.round(span / 365.25)} years`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The month of a date, as its three letters: "Nov". */
export function monthName(date: IsoDate): string {
  return MONTHS[calendarParts(date)[1] - 1]!;
}

/** "6 Nov" this year, "6 Nov 2025" otherwise. */
export function shortDate(date: IsoDate, today: IsoDate): string {
  const [year, month, day] = calendarParts(date);
  const dayMonth = `${day} ${MONTHS[month - 1]}`;
  return date.slice(0, 4) === today.slice(0, 4) ? dayMonth : `${dayMonth} ${pad(year, 4)}`;
}

/**
 * "Fri 11 Dec": for dates close to today. Given today, a date in another year and more than three
 * months away says its year ("Wed 19 Nov 2025"), so that a day a year off never passes for this one.
 */
export function dayDate(date: IsoDate, today?: IsoDate): string {
  const [year, month, day] = calendarParts(date);
  const shown = `${WEEKDAY_NAMES[fromIsoDate(date).getDay()]} ${day} ${MONTHS[month - 1]}`;
  return today !== undefined &&
    date.slice(0, 4) !== today.slice(0, 4) &&
    Math.abs(daysBetween(today, date)) > 91
    ? `${shown} ${pad(year, 4)}`
    : shown;
}

/** The local calendar day of a stored timestamp. */
export function localDay(timestamp: string): IsoDate {
  return toIsoDate(new Date(timestamp));
}
