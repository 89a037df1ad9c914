// Option values several commands read the same way.
import { UsageError } from '../../errors.js';

/** `--limit <n>`: a positive whole number. */
export function parseLimit(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new UsageError(`--limit "${text}" is not a positive whole number.`, 'For example: --limit 5');
  }
  return Number(text);
}
