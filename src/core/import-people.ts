// The matching of people read from a file against the journal (and against earlier people in
// the file): who is already there, by id, name or e-mail address, and who is added.
import { bornAfter, bornAfterWarning } from './birthdays.js';
import { localDay, toIsoDate } from './dates.js';
import { emailKey } from './emails.js';
import type { AddedPerson, ImportedPerson, ImportProblem, Progress, SkippedPerson } from './import-types.js';
import type { Clock, Journal } from './journal.js';
import { cleanName, newPersonRecord } from './new-person.js';
import { normalize, withoutControls } from './text.js';
import { forgottenIn } from './tombstones.js';

/** An id as rel makes them (an ASCII slug, a random part on collision), never a foreign UID. */
const REL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Holder = { name: string; createdAt?: string | undefined };

/**
 * Whether a person of a file whose id is that of `here` is `here`: the same record (made at the
 * same moment, which a rename keeps), or of the same name. Ids given before they had random parts
 * (`person` for every name without a Latin letter, `ana-silva-2`) were given apart in each
 * journal, so such an id may be someone else's here; a file that does not say when its people
 * were made (a vCard's UID) is taken at its word.
 */
export function sameHolder(here: Holder, incoming: Holder): boolean {
  return (
    incoming.createdAt === undefined ||
    here.createdAt === incoming.createdAt ||
    normalize(here.name) === normalize(incoming.name)
  );
}

/**
 * Why a person of the file is skipped, in words that say what was found: a name, an id, or an
 * e-mail address (one address names one person, as rel add --email has it) that a person in the
 * journal, or an earlier row or card, already has.
 */
function skipReason(
  match: 'id' | 'name' | 'email',
  twin: { id: string; name: string; line: number | null },
  address: string | undefined,
): string {
  if (match === 'email') {
    const whose =
      twin.line === null
        ? `${twin.name}'s (${twin.id}) in your journal`
        : `${twin.name}'s, line ${twin.line}`;
    return `e-mail address ${address} is ${whose}`;
  }
  if (twin.line !== null) return `same ${match} as line ${twin.line}`;
  return match === 'name' ? 'already in your journal' : `already in your journal as ${twin.id} (same id)`;
}

/**
 * Adds the people not yet in the journal; the others are skipped. A person is already there when
 * their id (a vCard UID, the id column of rel's own CSV) is a person's id, else when the name is
 * (ignoring case and accents), else when one of their e-mail addresses is someone's (one address
 * names one person). The same goes for people earlier in the file. rel's own exports keep their ids;
 * a person whose id was forgotten here (rel forget) is skipped as forgotten, as a JSON export's is,
 * since the write would remove them with the forget's other records. A birthday after today (a
 * year is that of their birth) is left out, with a warning, as rel add refuses it.
 */
export function addImportedPeople(
  journal: Journal,
  people: ImportedPerson[],
  clock: Clock,
  progress?: Progress,
): { added: AddedPerson[]; skipped: SkippedPerson[]; warnings: ImportProblem[] } {
  type Known = { id: string; line: number | null } & Holder;
  const byName = new Map<string, Known>();
  const byId = new Map<string, Known>();
  const byEmail = new Map<string, Known>();
  const know = (
    person: { id: string; name: string; createdAt: string; emails?: string[] | undefined },
    line: number | null,
  ) => {
    const known = { id: person.id, line, name: person.name, createdAt: person.createdAt };
    byId.set(person.id, known);
    if (!byName.has(normalize(person.name))) byName.set(normalize(person.name), known);
    for (const email of person.emails ?? [])
      if (!byEmail.has(emailKey(email))) byEmail.set(emailKey(email), known);
  };
  for (const person of journal.people) know(person, null);
  const taken = new Set(journal.people.map((p) => p.id));
  const forgottenAt = forgottenIn(journal);
  const added: AddedPerson[] = [];
  const skipped: SkippedPerson[] = [];
  const warnings: ImportProblem[] = [];
  const today = toIsoDate(clock.now);
  people.forEach((incoming, i) => {
    progress?.(i + 1, people.length);
    const name = cleanName(withoutControls(incoming.name));
    const address = incoming.emails.find((e) => byEmail.has(emailKey(e)));
    const byAddress = address === undefined ? undefined : byEmail.get(emailKey(address));
    const sameId = incoming.id === undefined ? undefined : byId.get(incoming.id);
    const [twin, match] = (
      [
        [sameId && sameHolder(sameId, { name, createdAt: incoming.createdAt }) ? sameId : undefined, 'id'],
        [byName.get(normalize(name)), 'name'],
        [byAddress, 'email'],
      ] as const
    ).find(([known]) => known !== undefined) ?? [undefined, 'name'];
    if (twin) {
      skipped.push({
        name,
        line: incoming.line,
        existingId: twin.id,
        reason: skipReason(match, twin, address),
        match,
        existingName: twin.name,
        existingLine: twin.line,
        ...(match === 'email' ? { email: address } : {}),
      });
      return;
    }
    const ownId =
      incoming.ownId && incoming.id !== undefined && REL_ID.test(incoming.id) && !taken.has(incoming.id)
        ? incoming.id
        : undefined;
    const forgot =
      ownId === undefined
        ? undefined
        : forgottenAt('people', { id: ownId, createdAt: incoming.createdAt ?? '' });
    if (forgot !== undefined) {
      const forgottenOn = localDay(forgot);
      skipped.push({
        name,
        line: incoming.line,
        existingId: null,
        reason: `forgotten on ${forgottenOn} (rel forget)`,
        forgottenOn,
      });
      return;
    }
    let { birthday } = incoming;
    if (birthday && bornAfter(birthday, today)) {
      warnings.push({ line: incoming.line, message: bornAfterWarning(name, birthday, today) });
      birthday = null;
    }
    const person = newPersonRecord(journal, { ...incoming, name, birthday }, clock, taken);
    if (ownId !== undefined) person.id = ownId;
    if (incoming.createdAt) person.createdAt = incoming.createdAt;
    if (incoming.archivedAt) person.archivedAt = incoming.archivedAt;
    journal.people.push(person);
    taken.add(person.id);
    know(person, incoming.line);
    added.push({ id: person.id, name: person.name, line: incoming.line });
  });
  return { added, skipped, warnings };
}
