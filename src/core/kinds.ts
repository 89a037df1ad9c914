// The kinds of conversation: the usual ones, and one spelling per kind so that reports group them
// (every way of writing a one-to-one is 1:2:1; "Coffee" is coffee).
import { UsageError } from '../errors.js';

export const KINDS = ['1:2:1', 'coffee', 'call', 'meeting', 'walk', 'message'];

export const DEFAULT_KIND = '1:2:1';

/**
 * The kind a conversation logged without --kind is: the default kind, except that a one-to-one
 * (1:2:1) cannot be with several people (named, or `size` besides you), which makes it a meeting.
 */
export function kindWithout(defaultKind: string, people: number, size: number | undefined): string {
  const several = people > 1 || (size ?? 1) > 1;
  return several && canonicalKind(defaultKind) === DEFAULT_KIND ? 'meeting' : defaultKind;
}

/** The ways people write a one-to-one meeting: all of them are the kind 1:2:1. */
const ONE_TO_ONE = new Set([
  '1:2:1',
  '121',
  '1-2-1',
  '1:1',
  '1-1',
  '1on1',
  '1-on-1',
  'one-on-one',
  'one on one',
]);

/**
 * A kind in its one spelling: every way of writing a 1:2:1 is `1:2:1`, and the usual kinds are
 * lower case ("Coffee" is coffee); any other word is kept as typed.
 */
export function canonicalKind(text: string): string {
  const kind = text.replace(/\s+/g, ' ').trim();
  const lower = kind.toLowerCase();
  if (ONE_TO_ONE.has(lower)) return '1:2:1';
  return KINDS.find((k) => k === lower) ?? kind;
}

/** Two kinds are the same kind when their spellings agree, whatever the case ("Standup" is standup). */
export function kindKey(kind: string): string {
  return canonicalKind(kind).toLowerCase();
}

/** Any word; the usual kinds are kept in one spelling ("Coffee" is coffee) so that reports group them. */
export function parseKind(text: string, option = '--kind'): string {
  const kind = canonicalKind(text);
  if (!kind) throw new UsageError(`${option} is empty.`, `Use one of ${KINDS.join(', ')}, or any word.`);
  return kind;
}
