// rel's own JSON export back in: records keep their ids; what is already there (same id, or a
// person of the same name) is left alone, so that importing the same file twice adds nothing.

import { bornAfter, bornAfterWarning, isCalendarBirthday } from './birthdays.js';
import { type IsoDate, isCalendarDate, localDay } from './dates.js';
import { emailKey, emailsOf } from './emails.js';
import { takeDismissals, takeTombstones } from './import-markers.js';
import { sameHolder } from './import-people.js';
import type { ImportProblem, JournalMerge, Progress } from './import-types.js';
import type { Conversation, IdSource, Journal, Person } from './journal.js';
import { cleanName, uniquePersonId } from './new-person.js';
import { CADENCE_CAP, overCadenceCap } from './periods.js';
import { normalize, withoutControls } from './text.js';
import { forgottenIn } from './tombstones.js';

/**
 * Merges an exported journal into this one. A person whose id is already there, or whose name is
 * (then their records join that person), is skipped; conversations and follow-ups whose id is
 * already there are skipped. Importing the same file twice adds nothing.
 */
export function addFromExport(
  journal: Journal,
  incoming: Journal,
  lineOf: (collection: string, index: number) => number | null,
  progress?: Progress,
  /** By conversation id, the names of the people in it: whom an id not in the journal means. */
  names?: Map<string, string[]>,
  /** For a person whose id is someone else's here: the random part of their own. */
  newId?: IdSource,
  /** Today, here: a conversation after it is refused, as rel log refuses it. */
  today?: IsoDate,
  /** Where a record is in the file's list (records not read are not in `incoming`). */
  positionOf: (collection: string, index: number) => number = (_, index) => index,
): JournalMerge {
  const result: JournalMerge & { warnings: ImportProblem[] } = {
    added: [],
    skipped: [],
    conversations: { added: 0, skipped: 0 },
    followUps: { added: 0, skipped: 0 },
    problems: [],
    warnings: [],
  };
  const total = incoming.people.length + incoming.conversations.length + incoming.followUps.length;
  let done = 0;
  const step = () => progress?.(++done, total);
  // The file's own forgets first: what they removed stays out of this journal as of the file.
  const stones = takeTombstones(journal, incoming.tombstones ?? []);
  if (stones.notTaken.length) result.forgetsNotTaken = stones.notTaken;
  /** The names of the people of the file left out as forgotten: a dismissal naming them stays out. */
  const forgottenNames: string[] = [];
  const forgottenAt = forgottenIn(journal);
  const forgotten = { people: 0, conversations: 0, followUps: 0 };
  const ids = new Set(journal.people.map((p) => p.id));
  const holders = new Map(journal.people.map((p) => [p.id, p]));
  const byName = new Map(journal.people.map((p) => [normalize(p.name), p.id]));
  const byEmail = new Map<string, Person>();
  for (const p of journal.people)
    for (const e of emailsOf(p)) if (!byEmail.has(emailKey(e))) byEmail.set(emailKey(e), p);
  /** A record with no line of its own (the file is not one record a line) is named by its place. */
  const placed = (collection: string, index: number, line: number | null) =>
    line === null ? `${collection}[${positionOf(collection, index)}] ` : '';
  /** Incoming person id -> the id it has in this journal. */
  const target = new Map<string, string>();
  incoming.people.forEach((read: Person, i) => {
    step();
    const line = lineOf('people', i);
    const person = { ...read, name: cleanName(withoutControls(read.name)) };
    const forgot = forgottenAt('people', person);
    if (forgot !== undefined && !ids.has(person.id)) {
      const forgottenOn = localDay(forgot);
      const reason = `forgotten on ${forgottenOn} (rel forget)`;
      result.skipped.push({ name: person.name, line, existingId: null, reason, forgottenOn });
      forgottenNames.push(person.name, ...person.aliases);
      forgotten.people++;
      return;
    }
    const holder = holders.get(person.id);
    const twin = holder && sameHolder(holder, person) ? person.id : byName.get(normalize(person.name));
    if (twin !== undefined) {
      target.set(person.id, twin);
      const reason = twin === person.id ? 'already in your journal' : `already in your journal as ${twin}`;
      result.skipped.push({ name: person.name, line, existingId: twin, reason });
      return;
    }
    const kept = structuredClone(person);
    const who = `${placed('people', i, line)}${person.name}`;
    // Their id is someone else's here: they come in under one of their own, with their records.
    if (ids.has(kept.id)) kept.id = uniquePersonId(journal, kept.name, ids, kept.aliases, newId);
    // A cadence rel add and edit refuse (a typo, 20000d for 200d): the default applies instead.
    if (kept.cadenceDays !== null && overCadenceCap(kept.cadenceDays)) {
      result.warnings.push({
        line,
        message: `${who}: a cadence of ${kept.cadenceDays} days is longer than rel takes (at most ${CADENCE_CAP}); imported with the default cadence instead (set one with rel edit "${person.name}" --cadence)`,
      });
      kept.cadenceDays = null;
    }
    // A birthday that is no day (29 Feb is one: it is kept) would fail every report that counts to it.
    // The person comes in without it: a warning, as the over-long cadence above, not a bad record.
    if (kept.birthday && !isCalendarBirthday(kept.birthday)) {
      result.warnings.push({
        line,
        message: `${who}: birthday "${kept.birthday}" is not a real calendar date; imported without it`,
      });
      kept.birthday = null;
    }
    // One after today is the day of a birth still to come (rel add refuses it): left out alike.
    if (kept.birthday && today !== undefined && bornAfter(kept.birthday, today)) {
      result.warnings.push({ line, message: bornAfterWarning(person.name, kept.birthday, today) });
      kept.birthday = null;
    }
    // One address names one person (rel add --email): one someone here already has stays theirs.
    const held = emailsOf(kept).filter((e) => byEmail.has(emailKey(e)));
    if (held.length) {
      kept.emails = emailsOf(kept).filter((e) => !held.includes(e));
      if (kept.emails.length === 0) delete kept.emails;
      const whose = held.map((e) => {
        const holder = byEmail.get(emailKey(e))!;
        return `${e} is ${holder.name}'s (${holder.id})`;
      });
      result.warnings.push({
        line,
        message: `${who}: ${held.length === 1 ? 'an e-mail address' : 'e-mail addresses'} someone here has (one address names one person): ${whose.join(', ')}; imported without ${held.length === 1 ? 'it' : 'them'}`,
      });
    }
    for (const e of emailsOf(kept)) if (!byEmail.has(emailKey(e))) byEmail.set(emailKey(e), kept);
    journal.people.push(kept);
    ids.add(kept.id);
    holders.set(kept.id, kept);
    byName.set(normalize(person.name), kept.id);
    target.set(person.id, kept.id);
    result.added.push({ id: kept.id, name: person.name, line });
  });
  const personId = (id: string) => target.get(id) ?? (ids.has(id) ? id : undefined);

  const conversationIds = new Set(journal.conversations.map((c) => c.id));
  incoming.conversations.forEach((conversation, i) => {
    step();
    if (conversationIds.has(conversation.id)) {
      result.conversations.skipped++;
      return;
    }
    if (forgottenAt('conversations', conversation) !== undefined) {
      result.conversations.skipped++;
      forgotten.conversations++;
      return;
    }
    if (!isCalendarDate(conversation.date)) {
      result.problems.push({
        line: lineOf('conversations', i),
        message: `${placed('conversations', i, lineOf('conversations', i))}conversation ${conversation.id} is dated "${conversation.date}", which is not a real calendar date`,
      });
      return;
    }
    if (today !== undefined && conversation.date > today) {
      result.problems.push({
        line: lineOf('conversations', i),
        message: `${placed('conversations', i, lineOf('conversations', i))}conversation ${conversation.id} is dated ${conversation.date}, which is in the future; rel records what has happened, once it has (as rel log does)`,
      });
      return;
    }
    const people = conversation.with.map((id, j) => {
      // rel's conversations table names each person too: an id that is someone else here, while
      // the name is someone's, is an id another journal gave apart (sameHolder).
      const named = byName.get(normalize(names?.get(conversation.id)?.[j] ?? '\u0000'));
      return named !== undefined && personId(id) !== undefined ? named : (personId(id) ?? named);
    });
    const missing = conversation.with.filter((_, j) => people[j] === undefined);
    if (missing.length) {
      result.problems.push({
        line: lineOf('conversations', i),
        message: `${placed('conversations', i, lineOf('conversations', i))}conversation ${conversation.id} is with ${missing.join(', ')}, who is in neither the file nor your journal`,
      });
      return;
    }
    const kept: Conversation = { ...structuredClone(conversation), with: [...new Set(people as string[])] };
    // Whom each note was heard from is one of those there: it goes to whom they went to.
    if (conversation.heardFrom) {
      kept.heardFrom = conversation.heardFrom.map((from) => {
        if (from === null) return null;
        const j = conversation.with.indexOf(from);
        return (j < 0 ? personId(from) : people[j]) ?? null;
      });
    }
    journal.conversations.push(kept);
    conversationIds.add(conversation.id);
    result.conversations.added++;
  });

  const followUpIds = new Set(journal.followUps.map((f) => f.id));
  incoming.followUps.forEach((followUp, i) => {
    step();
    if (followUpIds.has(followUp.id)) {
      result.followUps.skipped++;
      return;
    }
    if (forgottenAt('followUps', followUp) !== undefined) {
      result.followUps.skipped++;
      forgotten.followUps++;
      return;
    }
    if (followUp.due && !isCalendarDate(followUp.due)) {
      result.problems.push({
        line: lineOf('followUps', i),
        message: `${placed('followUps', i, lineOf('followUps', i))}follow-up ${followUp.id} is due "${followUp.due}", which is not a real calendar date`,
      });
      return;
    }
    const owner = personId(followUp.personId);
    const owners = followUp.personIds?.map(personId);
    if (owner === undefined || owners?.includes(undefined)) {
      result.problems.push({
        line: lineOf('followUps', i),
        message: `${placed('followUps', i, lineOf('followUps', i))}follow-up ${followUp.id} is for ${followUp.personId}, who is in neither the file nor your journal`,
      });
      return;
    }
    journal.followUps.push({
      ...structuredClone(followUp),
      personId: owner,
      ...(owners ? { personIds: [...new Set(owners as string[])] } : {}),
    });
    followUpIds.add(followUp.id);
    result.followUps.added++;
  });
  const dismissals = takeDismissals(journal, incoming.dismissals ?? [], forgottenNames);
  if (stones.kept.forgotten + stones.kept.deletions + dismissals > 0)
    result.kept = { ...stones.kept, dismissals };
  if (forgotten.people + forgotten.conversations + forgotten.followUps > 0) {
    const { people: _, ...records } = forgotten;
    result.forgotten = records;
  }
  return result;
}
