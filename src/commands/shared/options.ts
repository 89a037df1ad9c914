// Option values several commands read the same way.
import { type Context, parseWhen, today } from '../../context.js';
import { checkNotFuture } from '../../core/conversation-fields.js';
import type { IsoDate } from '../../core/dates.js';
import { UsageError } from '../../errors.js';

/**
 * `--date <when>` of something that happened: today, yesterday, "last friday", 2026-11-20; never
 * ahead. `planFor`: see checkNotFuture.
 */
export async function pastDate(
  ctx: Context,
  text: string,
  option = '--date',
  planFor?: string[],
): Promise<IsoDate> {
  return checkNotFuture(await parseWhen(ctx, text, option, 'past'), today(ctx), option, planFor);
}

/** `--limit <n>`: a positive whole number. */
export function parseLimit(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new UsageError(`--limit "${text}" is not a positive whole number.`, 'For example: --limit 5');
  }
  return Number(text);
}

/**
 * A repeatable option's values, in the order given: commander's argument parser for `--tag a --tag b`.
 * No default needed (commander would print "(default: [])" in the help).
 */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
