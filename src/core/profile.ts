// The brief: everything about one person, assembled from the journal.

import { type Birthday, nextBirthday } from './birthdays.js';
import type { IsoDate } from './dates.js';
import { type CheckIn, checkIn } from './due.js';
import type { Ambition, Conversation, ConversationIndex, Journal, Note, Person, Skill } from './journal.js';

export interface ProfileFollowUp {
  id: string;
  text: string;
  done: boolean;
  due: IsoDate | null;
  doneAt: string | null;
  createdAt: string;
  conversationId: string | null;
}

export interface ProfileConversation {
  id: string;
  date: IsoDate;
  kind: string;
  minutes: number | null;
  note: string;
  heard: string[];
  /** Names of everyone in the conversation. */
  with: string[];
  withIds: string[];
}

export interface Profile extends CheckIn {
  id: string;
  name: string;
  role: string;
  team: string;
  relationship: string;
  tags: string[];
  aliases: string[];
  birthday: Birthday | null;
  /** The next time their birthday comes round (today included), or null. */
  nextBirthday: IsoDate | null;
  notes: Note[];
  createdAt: string;
  archivedAt: string | null;
  ambitions: Ambition[];
  skills: Skill[];
  followUps: ProfileFollowUp[];
  /** Newest first. */
  conversations: ProfileConversation[];
}

export function buildProfile(
  journal: Journal,
  index: ConversationIndex,
  person: Person,
  today: IsoDate,
  defaultCadence?: number,
): Profile {
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const followUps = journal.followUps
    .filter((f) => f.personId === person.id)
    .map((f) => ({
      id: f.id,
      text: f.text,
      done: f.doneAt !== null,
      due: f.due,
      doneAt: f.doneAt,
      createdAt: f.createdAt,
      conversationId: f.conversationId,
    }))
    // Open first, then the oldest promise first: it has waited longest.
    .sort((a, b) => Number(a.done) - Number(b.done) || a.createdAt.localeCompare(b.createdAt));
  const conversations = (index.get(person.id) ?? []).map((c: Conversation) => ({
    id: c.id,
    date: c.date,
    kind: c.kind,
    minutes: c.minutes,
    note: c.note,
    heard: c.heard,
    with: c.with.map((id) => names.get(id) ?? id),
    withIds: c.with,
  }));
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    team: person.team,
    relationship: person.relationship,
    tags: person.tags,
    aliases: person.aliases,
    birthday: person.birthday ?? null,
    nextBirthday: person.birthday ? nextBirthday(person.birthday, today) : null,
    notes: person.notes ?? [],
    createdAt: person.createdAt,
    archivedAt: person.archivedAt,
    ...checkIn(person, index, today, defaultCadence),
    ambitions: person.ambitions,
    skills: person.skills,
    followUps,
    conversations,
  };
}
