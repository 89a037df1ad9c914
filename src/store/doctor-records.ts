// What `rel doctor` finds in the journal's records: ids used twice or pointing at no one, and
// people who share a name or an e-mail address.
import { bornAfter, isCalendarBirthday } from '../core/birthdays.js';
import { type IsoDate, isCalendarDate } from '../core/dates.js';
import { emailKey } from '../core/emails.js';
import { followUpPeople } from '../core/followups.js';
import { duplicateIds } from '../core/integrity.js';
import type { Journal } from '../core/journal.js';
import { CADENCE_CAP, overCadenceCap } from '../core/periods.js';
import { normalize } from '../core/text.js';
import type { Finding } from './shared-types.js';

export const list = (values: string[], max = 5) =>
  values.length > max
    ? `${values.slice(0, max).join(', ')} and ${values.length - max} more`
    : values.join(', ');

/** Ids used twice, and ids that point at no one: both mean a hand edit or a bad merge. */
export function checkRecords(
  journal: Journal,
  file: string,
  restoreFix: string,
  /** Today, here: a conversation after it is one rel log would have refused. */
  today?: IsoDate,
): Finding[] {
  const findings: Finding[] = [];
  const byHand = `edit ${file} by hand (each id must be unique and point at a record), or ${restoreFix}`;
  for (const { what, ids } of duplicateIds(journal)) {
    findings.push({
      check: 'ids',
      severity: 'error',
      message: `Ids used by more than one of the ${what}: ${list(ids)}.`,
      fix: byHand,
    });
  }
  const seen = new Set<string>();
  const names = new Set<string>();
  for (const p of journal.people) {
    const key = normalize(p.name);
    (seen.has(key) ? names : seen).add(key);
  }
  if (names.size)
    findings.push({
      check: 'people',
      severity: 'warning',
      message: `People with the same name (ignoring case and accents): ${list([...names])}; a name then picks the first.`,
      fix: `rename one of them in ${file}, e.g. "Name (Team)"`,
    });
  // Two copies merged (rel sync) can each have given someone the same address.
  const owned = new Set<string>();
  const shared = new Set<string>();
  for (const p of journal.people) {
    for (const key of new Set((p.emails ?? []).map(emailKey))) (owned.has(key) ? shared : owned).add(key);
  }
  if (shared.size)
    findings.push({
      check: 'people',
      severity: 'warning',
      message: `E-mail addresses that more than one person has: ${list([...shared])}; rel inbox takes the last of them.`,
      fix: 'remove it from all but one: rel edit <name> --remove-email <address>',
    });
  const people = new Set(journal.people.map((p) => p.id));
  const conversations = new Set(journal.conversations.map((c) => c.id));
  const dangling = [
    ...journal.conversations.flatMap((c) =>
      c.with.filter((id) => !people.has(id)).map((id) => `conversation ${c.id} names ${id}`),
    ),
    ...journal.followUps.flatMap((f) =>
      followUpPeople(f)
        .filter((id) => !people.has(id))
        .map((id) => `follow-up ${f.id} is for ${id}`),
    ),
    ...journal.followUps
      .filter((f) => f.conversationId !== null && !conversations.has(f.conversationId))
      .map((f) => `follow-up ${f.id} comes from conversation ${f.conversationId}`),
  ];
  if (dangling.length)
    findings.push({
      check: 'ids',
      severity: 'error',
      message: `Records point at ids that are not in the journal: ${list(dangling, 3)}.`,
      fix: byHand,
    });
  // What was heard from someone no longer there (a forget that an older rel's sync brought kept
  // it): the note is about them, and still searchable.
  const heardFromNoOne = journal.conversations.flatMap((c) =>
    [...new Set(c.heardFrom ?? [])]
      .filter((id): id is string => id !== null && !people.has(id))
      .map((id) => `conversation ${c.id} from ${id}`),
  );
  if (heardFromNoOne.length)
    findings.push({
      check: 'ids',
      severity: 'warning',
      message: `Listening notes heard from someone who is not in the journal (forgotten, or merged away): ${list(heardFromNoOne, 3)}.`,
      fix: `edit ${file} by hand: in that conversation, remove the note from "heard" and the id at the same place in "heardFrom" (for someone merged into another, put that person's id there instead)`,
    });
  // A day that is not in the calendar (2026-02-30) has the form a record check accepts, and fails
  // every report that counts with it: named here, record by record.
  const noDay = [
    ...journal.people
      .filter((p) => p.birthday && !isCalendarBirthday(p.birthday))
      .map((p) => `${p.id}'s birthday ${p.birthday}`),
    ...journal.conversations
      .filter((c) => !isCalendarDate(c.date))
      .map((c) => `conversation ${c.id} on ${c.date}`),
    ...journal.followUps
      .filter((f) => f.due && !isCalendarDate(f.due))
      .map((f) => `follow-up ${f.id} due ${f.due}`),
  ];
  if (noDay.length)
    findings.push({
      check: 'dates',
      severity: 'error',
      message: `Days that are not in the calendar, which reports cannot count with: ${list(noDay, 3)}.`,
      fix: `correct them: rel edit <name> --birthday, rel conversation edit <id> --date, rel todo edit <id> --due (or by hand in ${file})`,
    });
  findings.push(...checkRefused(journal, today));
  return findings;
}

/**
 * What rel log, add and edit refuse, come in by another way (an older rel's import, a hand edit,
 * a sync from a machine whose clock was ahead): a conversation dated after today, which moves
 * the next check-in past it, a birthday whose year is after today, and a cadence longer than rel takes.
 */
function checkRefused(journal: Journal, today: IsoDate | undefined): Finding[] {
  const findings: Finding[] = [];
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const ahead =
    today === undefined
      ? []
      : journal.conversations
          .filter((c) => isCalendarDate(c.date) && c.date > today)
          .map(
            (c) =>
              `conversation ${c.id} on ${c.date} (with ${c.with.map((id) => names.get(id) ?? id).join(', ')})`,
          );
  if (ahead.length)
    findings.push({
      check: 'dates',
      severity: 'warning',
      message: `Conversations dated in the future, which rel log refuses (reports count each as today until its day comes): ${list(ahead, 3)}.`,
      fix: 'give each the day it happened: rel conversation edit <id> --date <day> (or rel conversation delete <id>)',
    });
  const unborn =
    today === undefined
      ? []
      : journal.people
          .filter((p) => p.birthday && isCalendarBirthday(p.birthday) && bornAfter(p.birthday, today))
          .map((p) => `${p.name} (${p.id}): ${p.birthday}`);
  if (unborn.length)
    findings.push({
      check: 'dates',
      severity: 'warning',
      message: `Birthdays after today, which rel add and edit refuse (a year is the year they were born): ${list(unborn, 3)}.`,
      fix: 'give the year they were born, or the day alone: rel edit <name> --birthday 1990-05-01 (or 05-01, or none)',
    });
  const long = journal.people
    .filter((p) => p.cadenceDays !== null && overCadenceCap(p.cadenceDays))
    .map((p) => `${p.name} (${p.id}): ${p.cadenceDays} days`);
  if (long.length)
    findings.push({
      check: 'people',
      severity: 'warning',
      message: `Cadences longer than rel takes (at most ${CADENCE_CAP}), which rel add and edit refuse: ${list(long, 3)}.`,
      fix: 'rel edit <name> --cadence <period> (yearly, 2y, ...), or rel archive <name> for someone you no longer keep up with',
    });
  return findings;
}
