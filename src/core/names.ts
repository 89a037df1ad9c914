// Resolving a name typed on the command line to one person.
import type { Person } from './journal.js';
import { compareNames, normalize } from './text.js';

export type Resolution =
  /** `sameName`: others whose name is what was typed, which is this person's id (the id says whom). */
  | { kind: 'found'; person: Person; sameName?: Person[] }
  | { kind: 'ambiguous'; candidates: Person[] }
  /** The full name of one person and an alias of others: the name alone does not say whom. */
  | { kind: 'name-and-alias'; named: Person; aliased: Person[] }
  | { kind: 'unknown'; suggestions: Person[] };

/** Whether the person goes by the word as an alias, ignoring case and accents. */
export function hasAlias(person: Pick<Person, 'aliases'>, word: string): boolean {
  return aliasIs(person, normalize(word));
}

const aliasIs = (person: Pick<Person, 'aliases'>, key: string) =>
  person.aliases.some((a) => normalize(a) === key);

/**
 * Who, other than the person with the id `except`, goes by the word as an alias. A name that is
 * also someone's alias fits two people: resolveName tells them apart (name-and-alias), rel rename
 * and rel edit --alias refuse to make such a word, and rel add says the ids.
 */
export function aliasHolder(people: readonly Person[], word: string, except?: string): Person | undefined {
  const key = normalize(word);
  return people.find((p) => p.id !== except && aliasIs(p, key));
}

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
 * them, or of a later word of the name ("Silva"), is enough. An id wins over every name; a full
 * name wins over a first name; a full name that is another person's alias is told apart
 * (name-and-alias).
 */
export function resolveName(query: string, people: readonly Person[]): Resolution {
  const q = normalize(query);
  if (!q) return { kind: 'unknown', suggestions: [] };
  const keyed = people.map((person) => ({ person, ...keysOf(person) }));

  const exact = keyed.filter((k) => k.exact.includes(q));
  if (exact.length === 1) return { kind: 'found', person: exact[0]!.person };
  // An id never changes and names one person: it is what scripts and hints use ("use the id"),
  // so it wins over a name that happens to be spelt like it (someone added as "ben-okafor").
  const byId = exact.filter((k) => k.exact[0] === q);
  if (byId.length === 1) {
    const sameName = exact.filter((k) => k !== byId[0] && k.exact[1] === q).map((k) => k.person);
    return { kind: 'found', person: byId[0]!.person, ...(sameName.length ? { sameName } : {}) };
  }
  if (exact.length > 1) {
    // A full-name or id match beats a first-name match ("Ana Silva" vs. "Ana Lopes" when typing "ana silva").
    const full = exact.filter((k) => k.exact[0] === q || k.exact[1] === q);
    if (full.length === 1) {
      const picked = full[0]!;
      // An id says whom; a name that is also someone else's alias does not ("Clo" and Chloé's "Clo").
      const aliased = picked.exact[0] === q ? [] : exact.filter((k) => k !== picked && hasAlias(k.person, q));
      if (aliased.length === 0) return { kind: 'found', person: picked.person };
      return { kind: 'name-and-alias', named: picked.person, aliased: aliased.map((k) => k.person) };
    }
    return { kind: 'ambiguous', candidates: exact.map((k) => k.person) };
  }

  const prefixed = keyed.filter((k) => [...k.exact, ...k.words].some((key) => key.startsWith(q)));
  if (prefixed.length === 1) return { kind: 'found', person: prefixed[0]!.person };
  if (prefixed.length > 1) return { kind: 'ambiguous', candidates: prefixed.map((k) => k.person) };

  // The close names are the ones the interactive picker would offer for what was typed.
  return { kind: 'unknown', suggestions: rankPeople(query, people).slice(0, 3) };
}

/**
 * People for what was typed in a search prompt, best first: an exact name, id or alias; then a
 * prefix of the first name; then a prefix of another word of the name or of an alias; then a
 * match inside a word; then names within one or two typos (a transposition is one). Ties go by
 * name. With nothing typed, everyone, in the order given. The command line's "Did you mean" takes
 * the first three of the same ranking, so that it knows every name the picker would find.
 */
export function rankPeople(term: string, people: readonly Person[]): readonly Person[] {
  const q = normalize(term);
  if (!q) return people;
  const allowed = q.length < 3 ? 0 : q.length < 6 ? 1 : 2;
  return people
    .map((person) => ({ person, tier: tierOf(q, person, allowed) }))
    .filter((r) => r.tier < 5)
    .sort((a, b) => a.tier - b.tier || compareNames(a.person.name, b.person.name))
    .map((r) => r.person);
}

function tierOf(q: string, person: Person, allowed: number): number {
  const name = normalize(person.name);
  const aliases = person.aliases.map(normalize);
  if ([name, normalize(person.id), ...aliases].includes(q)) return 0;
  const [first = '', ...rest] = name.split(' ');
  if (first.startsWith(q)) return 1;
  const words = [...rest, ...aliases.flatMap((a) => a.split(' '))];
  if (words.some((w) => w.startsWith(q)) || name.startsWith(q)) return 2;
  if ([name, ...aliases].some((key) => key.includes(q))) return 3;
  if (allowed === 0) return 5;
  const typos = (key: string) => Math.min(typoDistance(q, key), typoDistance(q, key.slice(0, q.length)));
  return [name, first, ...words].some((key) => typos(key) <= allowed) ? 4 : 5;
}

/** Edits between two strings, an adjacent transposition counting as one (optimal string alignment). */
export function typoDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]!.push(best);
    }
  }
  return rows[a.length]![b.length]!;
}
