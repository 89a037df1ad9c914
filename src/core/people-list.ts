// What `rel people` lists: everyone (or with --all the archived too, with --alumni only those who
// left), with their check-in, sorted by name. Pure: the journal (whole, or the summary kept beside
// it, which keeps everything read here: core/due-summary.ts) and today come in.
import type { Birthday } from './birthdays.js';
import type { ConversationIndex } from './conversations.js';
import type { IsoDate } from './dates.js';
import { type CheckIn, checkIn, type LastContact, lastContact } from './due.js';
import type { Journal } from './journal.js';
import { compareNames } from './text.js';
import type { TogetherRules } from './together.js';

export interface PeopleFilter {
  /** Archived people too. */
  all?: boolean | undefined;
  /** Only the people who left (rel left). */
  alumni?: boolean | undefined;
}

export interface PeopleRow extends CheckIn {
  id: string;
  name: string;
  role: string;
  team: string;
  relationship: string;
  tags: string[];
  aliases: string[];
  birthday: Birthday | null;
  archivedAt: string | null;
  leftOn: IsoDate | null;
  /** The day a snooze (rel snooze) ends, as the person's record has it, or null. */
  snoozedUntil: IsoDate | null;
}

/** The rows of `rel people` (and its --json), in the order shown. */
export function peopleRows(
  journal: Journal,
  index: ConversationIndex,
  today: IsoDate,
  filter: PeopleFilter,
  defaultCadence: number,
  rules: TogetherRules,
): PeopleRow[] {
  return journal.people
    .filter((p) => (filter.all || !p.archivedAt) && (!filter.alumni || p.leftOn !== undefined))
    .map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      team: p.team,
      relationship: p.relationship,
      tags: p.tags,
      aliases: p.aliases,
      ...checkIn(p, index, today, defaultCadence, rules),
      birthday: p.birthday ?? null,
      archivedAt: p.archivedAt,
      leftOn: p.leftOn ?? null,
      snoozedUntil: p.snoozedUntil,
    }))
    .sort((a, b) => compareNames(a.name, b.name));
}

/**
 * The last contact of each person listed whose last contact was not their last time together:
 * what the "Last seen" column of rel due and rel people says beside the time together (for the
 * others it says nothing more, and their contact is not worked out).
 */
export function lastContacts(
  rows: readonly (Pick<CheckIn, 'lastSeen' | 'lastTogether'> & { id: string })[],
  index: ConversationIndex,
  rules: TogetherRules,
): Map<string, LastContact> {
  const contacts = new Map<string, LastContact>();
  for (const row of rows) {
    if (!row.lastSeen || row.lastSeen === row.lastTogether) continue;
    const contact = lastContact(index.get(row.id), rules);
    if (contact) contacts.set(row.id, contact);
  }
  return contacts;
}
