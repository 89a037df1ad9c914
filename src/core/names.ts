// Resolving a name typed on the command line to one person.
import { distance } from 'fastest-levenshtein';
import type { Person } from './journal.js';
import { normalize } from './text.js';

export type Resolution =
  | { kind: 'found'; person: Person }
  | { kind: 'ambiguous'; candidates: Person[] }
  | { kind: 'unknown'; suggestions: Person[] };

/** Every form a person answers to: id, full name, first name, each word of the name, aliases. */
function keysOf(person: Person): { exact: string[]; words: string[] } {
  const name = normalize(person.name);
  const words = name.split(' ');
  return {
    exact: [normalize(person.id), name, words[0]!, ...person.aliases.map(normalize)],
    words: [...words.slice(1), ...person.aliases.flatMap((a) => normalize(a).split(' '))],
  };
}

/**
 * Case- and accent-insensitive. An exact match on id, name, first name or alias wins over
 * prefixes ("Sam" picks Sam even when Samantha exists); otherwise a unique prefix of any of
 * them, or of a later word of the name ("Silva"), is enough.
 */
export function resolveName(query: string, people: Person[]): Resolution {
  const q = normalize(query);
  if (!q) return { kind: 'unknown', suggestions: [] };
  const keyed = people.map((person) => ({ person, ...keysOf(person) }));

  const exact = keyed.filter((k) => k.exact.includes(q));
  if (exact.length === 1) return { kind: 'found', person: exact[0]!.person };
  if (exact.length > 1) {
    // A full-name or id match beats a first-name match ("Ana Silva" vs. "Ana Lopes" when typing "ana silva").
    const full = exact.filter((k) => k.exact[0] === q || k.exact[1] === q);
    if (full.length === 1) return { kind: 'found', person: full[0]!.person };
    return { kind: 'ambiguous', candidates: exact.map((k) => k.person) };
  }

  const prefixed = keyed.filter((k) => [...k.exact, ...k.words].some((key) => key.startsWith(q)));
  if (prefixed.length === 1) return { kind: 'found', person: prefixed[0]!.person };
  if (prefixed.length > 1) return { kind: 'ambiguous', candidates: prefixed.map((k) => k.person) };

  return { kind: 'unknown', suggestions: suggest(q, keyed) };
}

function suggest(q: string, keyed: { person: Person; exact: string[]; words: string[] }[]): Person[] {
  const limit = Math.max(1, Math.min(3, Math.floor(q.length / 3)));
  // Compared with the start of each key, so that "Ana" is close to "Anastasia" too.
  const slip = (key: string) => {
    const start = key.slice(0, q.length);
    // A transposition ("bne" for "ben") is one slip, not two.
    return sameLetters(q, start) ? 1 : distance(q, start);
  };
  return keyed
    .map((k) => ({ person: k.person, score: Math.min(...[...k.exact, ...k.words].map(slip)) }))
    .filter((s) => s.score <= limit)
    .sort((a, b) => a.score - b.score || a.person.name.localeCompare(b.person.name))
    .slice(0, 3)
    .map((s) => s.person);
}

/** People whose name, alias or id contains the typed text: for search prompts. */
export function matchPeople(term: string, people: Person[]): Person[] {
  const q = normalize(term);
  if (!q) return people;
  return people.filter((p) => [p.id, p.name, ...p.aliases].some((key) => normalize(key).includes(q)));
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && a !== b && [...a].sort().join('') === [...b].sort().join('');
}
