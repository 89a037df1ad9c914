// A conversation's fields as typed, checked: its minutes, how many were there, a day that has
// happened. Each refusal says what to type instead.
import { UsageError } from '../errors.js';
import { daysBetween, type IsoDate } from './dates.js';
import { durationMinutes } from './periods.js';

/** The longest conversation rel keeps: a whole day. */
export const MOST_MINUTES = 1440;

/**
 * `--minutes` (or, with `option` not a flag, an answer at the prompt: its examples then are what
 * to type there, not a flag).
 */
export function parseMinutes(text: string, option = '--minutes'): number {
  const minutes = durationMinutes(text);
  const flag = option.startsWith('--');
  if (minutes !== undefined && minutes > MOST_MINUTES) {
    throw new UsageError(
      `${option} ${text.trim()} is out of range: a conversation lasts from 0 to 1440 minutes (a whole day).`,
      `For example: ${flag ? '--minutes ' : ''}90 for an hour and a half.`,
    );
  }
  if (minutes === undefined) {
    throw new UsageError(
      `${option} "${text}" is not a number of minutes.`,
      `Give a whole number of minutes from 0 to 1440, e.g. ${flag ? '--minutes 30' : '30'}, 45min, 1h or 1h30.`,
    );
  }
  return minutes;
}

/** `--size`: how many people besides you were there in all; never fewer than the people named. */
export function parseSize(text: string, named: number, option = '--size'): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 100000) {
    throw new UsageError(
      `${option} "${text}" is not a number of people.`,
      'Give how many others were there in all, besides you, e.g. --size 12.',
    );
  }
  const size = Number(t);
  if (size < named) {
    throw new UsageError(
      `${option} ${size} is fewer than the ${named} people named.`,
      `${option} counts everyone who was there besides you, named or not: at least ${named}.`,
    );
  }
  return size;
}

/**
 * The date, when it is not after today. `planFor`: the people of a conversation being logged,
 * whose refusal says how to plan one ahead instead (a follow-up due that day).
 */
export function checkNotFuture(date: IsoDate, today: IsoDate, option: string, planFor?: string[]): IsoDate {
  const ahead = daysBetween(today, date);
  if (ahead > 0) {
    // Tomorrow may be today where the conversation was (a time zone ahead): rel dates by this
    // clock, and a day ahead already in the journal counts as today in every report.
    const plan =
      planFor &&
      ` To plan a conversation ahead, make it a follow-up due that day: rel todo add ${planFor.length === 1 ? typedName(planFor[0]!) : '<name>'} "Catch up" --due ${date}`;
    throw new UsageError(
      `${option} ${date} is in the future; rel records what has happened, once it has.`,
      (ahead === 1
        ? `Give today or an earlier date. Days are this machine's: here it is ${today}, so a conversation had where it was already ${date} is logged as today.`
        : 'Give today or an earlier date.') + (plan ?? ''),
    );
  }
  return date;
}

/** A name as it is typed in a command shown: quoted when it has more than letters, digits, - . _ */
const typedName = (name: string) =>
  /^[\p{L}\p{N}._-]+$/u.test(name) ? name : name.includes('"') ? '<name>' : `"${name}"`;
