// Finding one record (an ambition, a follow-up, a conversation) from what the user typed: an id,
// a unique prefix of one, or words of its text; and finding one again by its id.
import { NotFoundError } from '../errors.js';
import { displaySafe, normalize } from './text.js';

export interface Identified {
  id: string;
  text: string;
}

/**
 * The record with exactly this id, or undefined. With `gone`, a record that is not there is a
 * NotFoundError with that message: one found before a change and looked for again inside it (the
 * journal read again under the lock), which someone else removed meanwhile.
 */
export function recordById<T extends { id: string }>(records: readonly T[], id: string): T | undefined;
export function recordById<T extends { id: string }>(records: readonly T[], id: string, gone: string): T;
export function recordById<T extends { id: string }>(
  records: readonly T[],
  id: string,
  gone?: string,
): T | undefined {
  for (const record of records) if (record.id === id) return record;
  if (gone !== undefined) throw new NotFoundError(gone);
  return undefined;
}

export type Pick<T> = { kind: 'found'; record: T } | { kind: 'several'; records: T[] } | { kind: 'none' };

/** The fewest characters of an id that pick a record by its start ("four" in tooShortForId's words). */
const ID_PREFIX_MIN = 4;

const startingWith = <T extends { id: string }>(records: T[], q: string) =>
  records.filter((r) => r.id.toLowerCase().startsWith(q));

/** An exact id wins; otherwise a unique id prefix (ID_PREFIX_MIN characters or more). */
export function byId<T extends { id: string }>(records: T[], typed: string): Pick<T> {
  const q = typed.trim().toLowerCase();
  if (!q) return { kind: 'none' };
  const exact = records.find((r) => r.id.toLowerCase() === q);
  if (exact) return { kind: 'found', record: exact };
  if (q.length < ID_PREFIX_MIN) return { kind: 'none' };
  const prefixed = startingWith(records, q);
  if (prefixed.length === 1) return { kind: 'found', record: prefixed[0]! };
  return prefixed.length ? { kind: 'several', records: prefixed } : { kind: 'none' };
}

/**
 * When byId found nothing because what was typed is too short to pick by (fewer than
 * ID_PREFIX_MIN characters) yet starts some ids: the NotFoundError saying so, naming a few of
 * them; undefined otherwise. `noun`: what the records are ("conversation"); `command`: one that
 * takes an id, for the example.
 */
export function tooShortForId<T extends { id: string }>(
  records: T[],
  typed: string,
  noun: string,
  command: string,
): NotFoundError | undefined {
  const q = typed.trim().toLowerCase();
  const started = q && q.length < ID_PREFIX_MIN ? startingWith(records, q) : [];
  if (!started.length) return undefined;
  const ids = started.slice(0, 3).map((r) => r.id);
  return new NotFoundError(
    `"${displaySafe(typed)}" is too short to pick a ${noun} by: give at least four characters of its id (${ids.join(', ')}${started.length > 3 ? ', …' : ''} start${started.length === 1 ? 's' : ''} with it).`,
    `For example: ${command} ${ids[0]!.slice(0, Math.max(ID_PREFIX_MIN, q.length + 1))}`,
  );
}

/** Records whose text holds every typed word (case- and accent-insensitive). */
export function byWords<T>(records: T[], words: string, textOf: (record: T) => string): Pick<T> {
  const terms = normalize(words).split(' ').filter(Boolean);
  if (terms.length === 0) return records.length ? { kind: 'several', records } : { kind: 'none' };
  const matches = records.filter((r) => {
    const text = normalize(textOf(r));
    return terms.every((t) => text.includes(t));
  });
  if (matches.length === 1) return { kind: 'found', record: matches[0]! };
  return matches.length ? { kind: 'several', records: matches } : { kind: 'none' };
}

/** An id (or unique id prefix) first, then words of the text. */
export function byIdOrWords<T extends Identified>(records: T[], typed: string): Pick<T> {
  const single = typed.trim().split(/\s+/).length === 1;
  if (single) {
    const found = byId(records, typed);
    if (found.kind !== 'none') return found;
  }
  return byWords(records, typed, (r) => r.text);
}
