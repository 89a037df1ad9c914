// People change: edits, renames, merges of duplicates, archiving and snoozing. Pure operations
// on the journal; the commands resolve names and persist.

import { UsageError } from '../errors.js';
import type { Birthday } from './birthdays.js';
import type { IsoDate } from './dates.js';
import { emailKey } from './emails.js';
import { concerns, followUpPeople } from './followups.js';
import type { Conversation, Journal, Person, Tombstone } from './journal.js';
import { textNames } from './mentions.js';
import { aliasHolder } from './names.js';
import { checkNameText, checkNewName } from './new-person.js';
import { APPENDED_ON_MERGE, type AppendedField, FILLED_ON_MERGE, type FilledField } from './record-fields.js';
import { recordById } from './records.js';
import { displaySafe, normalize } from './text.js';
import { conversationSize } from './together.js';
import { type MovedRecords, recordPersonMerge } from './tombstones.js';

/** The kinds of relationship rel suggests; any other word is kept as typed. */
export const RELATIONSHIPS = ['report', 'manager', 'peer', 'stakeholder', 'mentor', 'friend'];
/** The person as they are in the freshly read journal: another rel may have changed them. */
export function samePerson(journal: Journal, person: Person): Person {
  return recordById(
    journal.people,
    person.id,
    `${person.name} is no longer in the journal; nothing was saved.`,
  );
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values.map((v) => v.replace(/\s+/g, ' ').trim())) {
    const key = normalize(value);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/**
 * A change to a list (tags, aliases) as operations, applied to the list as it is when the change
 * is written: two edits made at once, each adding one tag, keep both. A whole list read earlier
 * and written back would lose what the other added.
 */
export interface ListEdit {
  /** The list's new content, before add and remove (`--tag`). */
  set?: string[];
  add?: string[];
  remove?: string[];
}

const sameWord = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function applyListEdit(current: string[], edit: ListEdit): string[] {
  const remove = edit.remove ?? [];
  return [...(edit.set ?? current), ...(edit.add ?? [])].filter((v) => !remove.some((r) => sameWord(r, v)));
}

/**
 * A list typed over one shown prefilled, comma-separated ("R&D, Berlin, Lisbon"): its values. A
 * shown value that itself holds a comma ("Martin Luther King, Jr.") and is still there whole is
 * one value, not two, so that Enter, or editing another value, leaves it as it was.
 */
export function typedList(shown: readonly string[], text: string): string[] {
  const pieces = text.split(',');
  // The longest first: "A, B, C" before "A, B".
  const whole = shown
    .filter((v) => v.includes(','))
    .sort((a, b) => b.split(',').length - a.split(',').length);
  const values: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    const kept = whole.find((v) => {
      const n = v.split(',').length;
      return i + n <= pieces.length && sameWord(pieces.slice(i, i + n).join(','), v);
    });
    const n = kept ? kept.split(',').length : 1;
    values.push(kept ?? pieces[i]!.trim());
    i += n;
  }
  return values.filter(Boolean);
}

/** The operations that turn the list `shown` (say, prefilled in a prompt) into `typed`. */
export function listChanges(shown: string[], typed: string[]): ListEdit {
  return {
    add: typed.filter((t) => !shown.some((s) => sameWord(s, t))),
    remove: shown.filter((s) => !typed.some((t) => sameWord(s, t))),
  };
}

export interface PersonEdit {
  role?: string;
  team?: string;
  relationship?: string;
  /** null: back to the default cadence. */
  cadenceDays?: number | null;
  tags?: ListEdit;
  /** Removing an alias they do not have is refused. */
  aliases?: ListEdit;
  birthday?: Birthday | null;
  /** The whole list, already checked against the journal (emails.ts editEmails). */
  emails?: string[];
}

/** Applies the fields given; returns the names of the fields that changed. */
export function editPerson(person: Person, edit: PersonEdit): string[] {
  const changed: string[] = [];
  const set = <K extends keyof PersonEdit & keyof Person>(key: K, value: Person[K]) => {
    if (JSON.stringify(person[key]) === JSON.stringify(value)) return;
    person[key] = value;
    changed.push(key);
  };
  if (edit.role !== undefined) set('role', edit.role.trim());
  if (edit.team !== undefined) set('team', edit.team.trim());
  if (edit.relationship !== undefined) set('relationship', edit.relationship.trim());
  if (edit.cadenceDays !== undefined) set('cadenceDays', edit.cadenceDays);
  if (edit.tags !== undefined) set('tags', unique(applyListEdit(person.tags, edit.tags)));
  if (edit.aliases !== undefined) {
    for (const alias of [...(edit.aliases.set ?? []), ...(edit.aliases.add ?? [])])
      checkNameText(alias, 'An alias');
    const missing = (edit.aliases.remove ?? []).filter((r) => !person.aliases.some((a) => sameWord(a, r)));
    if (missing.length) {
      throw new UsageError(
        `${displaySafe(person.name)} has no alias "${displaySafe(missing[0]!)}".`,
        person.aliases.length
          ? `Their aliases: ${person.aliases.map((a) => displaySafe(a)).join(', ')}.`
          : 'They have no aliases.',
      );
    }
    set(
      'aliases',
      unique(applyListEdit(person.aliases, edit.aliases)).filter(
        (a) => normalize(a) !== normalize(person.name),
      ),
    );
  }
  if (edit.birthday !== undefined) set('birthday', edit.birthday);
  if (edit.emails !== undefined && JSON.stringify(person.emails ?? []) !== JSON.stringify(edit.emails)) {
    person.emails = edit.emails;
    changed.push('emails');
  }
  return changed;
}

/** A new name; the old one stays as an alias so that it still finds them. The id never changes. */
export function renamePerson(journal: Journal, person: Person, newName: string): string {
  const name = checkNewName(journal, newName, person.id);
  // A new person may take a name that is left as an alias (after rel merge, the README's re-add);
  // a rename makes a word for two people where there was one.
  const aliased = aliasHolder(journal.people, name, person.id);
  if (aliased) {
    throw new UsageError(
      `"${displaySafe(name)}" is already an alias of ${displaySafe(aliased.name)} (id ${aliased.id}): it would name two people.`,
      `Choose a name that tells them apart, or take the alias from them first: rel edit ${aliased.id} --remove-alias "${displaySafe(name)}". Nothing was changed.`,
    );
  }
  const old = person.name;
  if (name === old) throw new UsageError(`${old} is already called that; nothing changed.`);
  person.name = name;
  person.aliases = unique([...person.aliases, old]).filter((a) => normalize(a) !== normalize(name));
  return old;
}

export interface MergeResult {
  conversations: number;
  followUps: number;
  facts: number;
}

/**
 * Moves everything about `duplicate` to `keep`: conversations, follow-ups, ambitions, skills,
 * notes; the duplicate's names become aliases, and the duplicate goes. Fields `keep` left empty
 * are filled from the duplicate.
 */
export function mergePeople(journal: Journal, keep: Person, duplicate: Person, now: Date): MergeResult {
  if (keep.id === duplicate.id) {
    throw new UsageError(
      `${keep.name} and "${duplicate.name}" are the same person; there is nothing to merge.`,
      'Name the person to keep first, then the duplicate: rel merge "Ana Silva" "Ana S."',
    );
  }
  let conversations = 0;
  // What the merge gives the person kept, by id, for the tombstone (recordPersonMerge).
  const moved: MovedRecords = { ids: [], withKeeper: [] };
  for (const conversation of journal.conversations) {
    if (!conversation.with.includes(duplicate.id)) continue;
    moved.ids.push(conversation.id);
    if (conversation.with.includes(keep.id)) moved.withKeeper.push(conversation.id);
    conversation.with = [...new Set(conversation.with.map((id) => (id === duplicate.id ? keep.id : id)))];
    // What was heard from the duplicate was heard from the person kept.
    if (conversation.heardFrom)
      conversation.heardFrom = conversation.heardFrom.map((id) => (id === duplicate.id ? keep.id : id));
    conversations++;
  }
  let followUps = 0;
  for (const followUp of journal.followUps) {
    if (!concerns(followUp, duplicate.id)) continue;
    moved.ids.push(followUp.id);
    if (concerns(followUp, keep.id)) moved.withKeeper.push(followUp.id);
    if (followUp.personId === duplicate.id) followUp.personId = keep.id;
    if (followUp.personIds) {
      const people = [...new Set(followUp.personIds.map((id) => (id === duplicate.id ? keep.id : id)))];
      // A group follow-up for the two of them now concerns one person.
      if (people.length > 1) followUp.personIds = people;
      else delete followUp.personIds;
    }
    followUps++;
  }
  // Field by field as record-fields.ts says, as a sync does for a duplicate changed meanwhile.
  const lists = keep as unknown as Record<AppendedField, unknown[] | undefined>;
  for (const field of APPENDED_ON_MERGE) {
    const theirs = duplicate[field];
    if (!theirs?.length) continue;
    lists[field] = [...(lists[field] ?? []), ...theirs];
    for (const record of theirs as { id?: unknown }[])
      if (typeof record.id === 'string') moved.ids.push(record.id);
  }
  keep.aliases = unique([...keep.aliases, duplicate.name, ...duplicate.aliases]).filter(
    (a) => normalize(a) !== normalize(keep.name),
  );
  keep.tags = unique([...keep.tags, ...duplicate.tags]);
  const values = keep as unknown as Record<FilledField, unknown>;
  for (const field of FILLED_ON_MERGE)
    if (values[field] === '' || values[field] == null) values[field] = duplicate[field] ?? null;
  const emails = [...(keep.emails ?? []), ...(duplicate.emails ?? [])];
  if (emails.length)
    keep.emails = emails.filter((e, i) => emails.findIndex((x) => emailKey(x) === emailKey(e)) === i);
  // Known since the earlier of the two: the first check-in counts from then.
  if (duplicate.createdAt < keep.createdAt) keep.createdAt = duplicate.createdAt;
  journal.people = journal.people.filter((p) => p.id !== duplicate.id);
  recordPersonMerge(journal, duplicate.id, keep.id, now, moved);
  return {
    conversations,
    followUps,
    facts: duplicate.ambitions.length + duplicate.skills.length + duplicate.notes.length,
  };
}

export function archivePerson(person: Person, now: Date): boolean {
  if (person.archivedAt) return false;
  person.archivedAt = now.toISOString();
  return true;
}

export function unarchivePerson(person: Person): boolean {
  if (!person.archivedAt) return false;
  person.archivedAt = null;
  return true;
}

export interface Leaving {
  on: IsoDate;
  /** Their cadence from now on (the alumni cadence, or --cadence). */
  cadenceDays: number;
}

/**
 * Records that someone left: `leftOn` and the alumni cadence, the earlier cadence kept for
 * `rel left --off`. Marking again changes only the cadence; false when nothing changed.
 * An archived person is refused: archive means "stop reminding me", left means "less often".
 */
export function markLeft(person: Person, leaving: Leaving): boolean {
  refuseArchived(person);
  if (person.leftOn === undefined) {
    person.cadenceBeforeLeft = person.cadenceDays;
    person.leftOn = leaving.on;
  } else if (person.cadenceDays === leaving.cadenceDays) return false;
  person.cadenceDays = leaving.cadenceDays;
  return true;
}

/** Takes `rel left` back: the earlier cadence restored, the fields gone; false when they had not left. */
export function unmarkLeft(person: Person): boolean {
  refuseArchived(person);
  if (person.leftOn === undefined) return false;
  person.cadenceDays = person.cadenceBeforeLeft ?? null;
  delete person.leftOn;
  delete person.cadenceBeforeLeft;
  return true;
}

function refuseArchived(person: Person): void {
  if (person.archivedAt) {
    throw new UsageError(
      `${person.name} is archived, out of rel due and rel people.`,
      `Bring them back first: rel unarchive ${person.id} (then rel left ${person.id}).`,
    );
  }
}

/** Hidden from `rel due` while today is before `until`; null ends a snooze. */
export function snoozePerson(person: Person, until: IsoDate | null, today: IsoDate): void {
  if (until !== null && until <= today) {
    throw new UsageError(
      `--until ${until} is not after today; a snooze needs a day to end on.`,
      'Give a later day: friday, 2w, 2026-12-20 (or --off to end a snooze).',
    );
  }
  person.snoozedUntil = until;
}

export interface Forgotten {
  conversations: number;
  /** Conversations with others too: kept for them, without this person. */
  sharedKept: number;
  followUps: number;
  /** Meetings dismissed from rel inbox whose titles named them. */
  dismissals: number;
}

/** A person merged into someone forgotten: the record of the merge, as a forget of their id. */
export function forgetOfMerged(stone: Tombstone): Tombstone {
  const { mergedInto: _into, moved: _moved, ...rest } = stone;
  return { ...rest, forgotten: true, byId: true };
}

/**
 * Takes a person out of a conversation with others, as a forget does (here, and in a merge that
 * brings a forget made elsewhere: merge-tombstones.ts): it stays the size it was, so that a group
 * meeting does not become a 1:2:1 that counts as time together (a number, not who they were), and
 * what was heard from them is about them: it goes with them; the group's notes stay.
 */
export function leaveConversation(
  c: Pick<Conversation, 'with' | 'kind' | 'size' | 'heard' | 'heardFrom'>,
  personId: string,
): void {
  const size = conversationSize(c);
  c.with = c.with.filter((id) => id !== personId);
  if (size > c.with.length) c.size = size;
  if (c.heardFrom) {
    const from = c.heardFrom;
    c.heard = c.heard.filter((_, i) => from[i] !== personId);
    c.heardFrom = from.filter((id) => id !== personId);
  }
}

/**
 * Removes a person and everything about them: their record (ambitions, skills, notes with it),
 * their follow-ups, and conversations that were with them alone. A conversation with others too
 * stays for the others, without them. Works on any copy of the journal: it only needs the id.
 */
export function forgetPerson(journal: Journal, personId: string): Forgotten {
  const result: Forgotten = { conversations: 0, sharedKept: 0, followUps: 0, dismissals: 0 };
  const person = journal.people.find((p) => p.id === personId);
  journal.people = journal.people.filter((p) => p.id !== personId);
  journal.conversations = journal.conversations.filter((c) => {
    if (!c.with.includes(personId)) return true;
    if (c.with.length === 1) {
      result.conversations++;
      return false;
    }
    leaveConversation(c, personId);
    result.sharedKept++;
    return true;
  });
  const before = journal.followUps.length;
  // A follow-up made for a group stays for the others, without them; one only theirs goes.
  journal.followUps = journal.followUps.filter((f) => {
    if (!concerns(f, personId)) return true;
    const others = followUpPeople(f).filter((id) => id !== personId);
    if (others.length === 0) return false;
    f.personId = others[0]!;
    if (others.length > 1) f.personIds = others;
    else delete f.personIds;
    return true;
  });
  result.followUps = before - journal.followUps.length;
  // A dismissed meeting's title names the people in it ("1:1 with Ana Silva"): one that names them goes.
  if (person && journal.dismissals?.length) {
    const names = [person.name, ...person.aliases];
    const kept = journal.dismissals.filter((d) => !textNames(d.title, names));
    result.dismissals = journal.dismissals.length - kept.length;
    journal.dismissals = kept;
  }
  // Someone merged into them is them: the merge's record (which names them in mergedInto) becomes
  // a forget of that id too, by its hash alone.
  if (journal.tombstones?.length)
    journal.tombstones = journal.tombstones.map((s) => (s.mergedInto === personId ? forgetOfMerged(s) : s));
  return result;
}
