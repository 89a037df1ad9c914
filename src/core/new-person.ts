// A person added to the journal: the name checked (blank or taken refused), a free id made from
// it, and the record with every field filled in.
import { UsageError } from '../errors.js';
import { newId as randomId } from '../ids.js';
import { type IsoDate, localDay } from './dates.js';
import { editEmails } from './emails.js';
import type { Birthday, Clock, IdSource, Journal, Person } from './journal.js';
import { hasAlias } from './names.js';
import { asciiSlug, controlsIn, displaySafe, normalize } from './text.js';
import { tombstoneKey } from './tombstones.js';

export interface NewPerson {
  name: string;
  role?: string | undefined;
  team?: string | undefined;
  relationship?: string | undefined;
  tags?: string[] | undefined;
  aliases?: string[] | undefined;
  cadenceDays?: number | null | undefined;
  birthday?: Birthday | null | undefined;
  notes?: string[] | undefined;
  emails?: string[] | undefined;
}

export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/**
 * Refuses a name or alias with control characters (ESC, BEL…) or bidi overrides: no one types
 * them in a name, a terminal would replay them, and a file's names (rel import) lose them.
 */
export function checkNameText(name: string, what = 'A name'): void {
  const found = controlsIn(name);
  if (found.length === 0) return;
  throw new UsageError(
    `${what} cannot hold control characters: "${displaySafe(name)}" has ${found.join(' ')}.`,
    'They come from a paste or a stray key; type the name as it should read. Nothing was saved.',
  );
}

/** Refuses a blank name, one with control characters, and a name already taken (ignoring case and accents). */
export function checkNewName(journal: Journal, name: string, except?: string): string {
  const clean = cleanName(name);
  checkNameText(clean);
  if (!normalize(clean))
    throw new UsageError('A name cannot be empty.', 'Give the person\'s name, e.g. rel add "Ana Silva".');
  const key = normalize(clean);
  const twin = journal.people.find((p) => p.id !== except && normalize(p.name) === key);
  if (twin) {
    throw new UsageError(
      `${twin.name} is already in your journal (id ${twin.id}).`,
      `Two people cannot share a name; add something that tells them apart, e.g. "${clean} (Design)".`,
    );
  }
  return clean;
}

/**
 * Refuses an alias that is another person's full name or alias: the word would then name two
 * people, and a command given it could change the wrong one. A first name two people share is
 * allowed, as for names: it fits both, and rel asks which (or refuses without a terminal).
 */
export function checkNewAliases(journal: Journal, aliases: readonly string[], except?: string): void {
  for (const alias of aliases) {
    const key = normalize(alias);
    const other = journal.people.find(
      (p) => p.id !== except && (normalize(p.name) === key || hasAlias(p, alias)),
    );
    if (!other) continue;
    const what = normalize(other.name) === key ? 'the name' : 'an alias';
    throw new UsageError(
      `"${displaySafe(alias)}" is already ${what} of ${displaySafe(other.name)} (id ${other.id}): as an alias it would name two people.`,
      'Give an alias no one else goes by. Nothing was changed.',
    );
  }
}

/**
 * `taken` may be passed in when adding many people at once, to avoid rebuilding it for each.
 * Ids must not collide across machines for different people (sync and import match records by
 * id), so whatever is not the slug of the name itself carries a random part: a numbered suffix
 * ("kim-lee-2") would equal another machine's slug of "Kim Lee 2", and every name without a
 * Latin letter would be "person".
 */
export function uniquePersonId(
  journal: Journal,
  name: string,
  taken: Set<string> = new Set(journal.people.map((p) => p.id)),
  aliases: readonly string[] = [],
  newId: IdSource = randomId,
): string {
  const slug = personSlug(name, aliases);
  // The id of a person forgotten is never used again: their forget removes every record with it
  // (Tombstone.byId), so the person added again anew is another record, with another id.
  const forgotten = new Set(
    (journal.tombstones ?? []).filter((s) => s.forgotten && s.collection === 'people').map((s) => s.idHash),
  );
  const free = (id: string) =>
    !taken.has(id) && (!forgotten.size || !forgotten.has(tombstoneKey('people', id)));
  return freePersonId(slug, free, newId);
}

/**
 * What a person's id is made from: the slug of their name, or, for a name with no Latin letter
 * (李伟), of the first alias that has one ("Li Wei"), so that the hints rel prints ("rel log
 * li-wei") name someone. Undefined when none has one (the id is then "person-…").
 */
export function personSlug(name: string, aliases: readonly string[] = []): string | undefined {
  return [name, ...aliases].map(asciiSlug).find(Boolean);
}

/**
 * A person's id from their slug: the slug itself when `free` takes it, else the slug and a part of
 * six letters and digits from `newId` ("kim-lee-3f9a1c"). rel add's people, and those a sync keeps
 * apart under another id (merge-namesakes.ts, whose `newId` is drawn from the record so that every
 * machine gives the same), are named alike.
 */
export function freePersonId(
  slug: string | undefined,
  free: (id: string) => boolean,
  newId: IdSource,
): string {
  if (slug && free(slug)) return slug;
  const base = slug ?? 'person';
  for (let tries = 0; tries < 8; tries++) {
    const id = `${base}-${randomPart(newId)}`;
    if (free(id)) return id;
  }
  // Only an id source that repeats itself (a test's) gets here.
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

/** Six letters and digits with at least one of each, so that no word or number in a name's slug is ever one. */
function randomPart(newId: IdSource): string {
  let part = '';
  for (let tries = 0; tries < 8; tries++) {
    part = newId()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 6);
    if (/[a-z]/.test(part) && /[0-9]/.test(part)) return part;
  }
  return `p${part.slice(0, 4)}0`;
}

export function addPerson(journal: Journal, input: NewPerson, clock: Clock): Person {
  const name = checkNewName(journal, input.name);
  for (const alias of input.aliases ?? []) checkNameText(alias, 'An alias');
  checkNewAliases(journal, input.aliases ?? []);
  const emails = editEmails(journal, { id: '', name }, input.emails ?? []);
  const person = newPersonRecord(journal, { ...input, name, emails }, clock);
  journal.people.push(person);
  return person;
}

/** A person's record, with a fresh id; the name is taken as it is (checkNewName is the caller's). */
export function newPersonRecord(
  journal: Journal,
  input: NewPerson,
  clock: Clock,
  taken?: Set<string>,
): Person {
  const createdAt = clock.now.toISOString();
  return {
    id: uniquePersonId(journal, input.name, taken, input.aliases, clock.newId),
    name: input.name,
    aliases: unique(input.aliases ?? []),
    role: input.role?.trim() ?? '',
    team: input.team?.trim() ?? '',
    relationship: input.relationship?.trim() ?? '',
    tags: unique(input.tags ?? []),
    cadenceDays: input.cadenceDays ?? null,
    ambitions: [],
    skills: [],
    birthday: input.birthday ?? null,
    notes: unique(input.notes ?? []).map((text) => ({
      id: clock.newId(),
      text,
      addedOn: localDay(createdAt),
    })),
    askNext: [],
    snoozedUntil: null,
    createdAt,
    archivedAt: null,
    // Written only when there are some: older journals have none, and most people need none.
    ...(input.emails?.length ? { emails: input.emails } : {}),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** The local calendar day a person was added: the start of their first cadence. */
export function addedOn(person: Person): IsoDate {
  return localDay(person.createdAt);
}
