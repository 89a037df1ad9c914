// Turning what the user typed for `rel log` into a conversation: pure checks and assignment.
import { UsageError } from '../errors.js';
import { daysBetween, type IsoDate } from './dates.js';
import type { FollowUpDraft, Person, PersonalNotes } from './journal.js';
import { resolveName } from './names.js';

export const KINDS = ['1:2:1', 'coffee', 'call', 'meeting', 'walk', 'message'];
export const DEFAULT_KIND = '1:2:1';

export function parseMinutes(text: string, option = '--minutes'): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > 1440) {
    throw new UsageError(
      `${option} "${text}" is not a number of minutes.`,
      'Give a whole number from 0 to 1440, e.g. --minutes 30.',
    );
  }
  return Number(t);
}

/** `--size`: how many people besides you were there in all; never fewer than the people named. */
export function parseSize(text: string, named: number, option = '--size'): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 100000) {
    throw new UsageError(
      `${option} "${text}" is not a number of people.`,
      'Give how many others were there in all, besides you, e.g. --size 12.',
    );
  }
  const size = Number(t);
  if (size < named) {
    throw new UsageError(
      `${option} ${size} is fewer than the ${named} people named.`,
      `${option} counts everyone who was there besides you, named or not: at least ${named}.`,
    );
  }
  return size;
}

/** Any word; the usual kinds are kept in one spelling ("Coffee" is coffee) so that reports group them. */
export function parseKind(text: string, option = '--kind'): string {
  const kind = text.replace(/\s+/g, ' ').trim();
  if (!kind) throw new UsageError(`${option} is empty.`, `Use one of ${KINDS.join(', ')}, or any word.`);
  return (
    KINDS.find((k) => k === kind.toLowerCase()) ??
    (kind.toLowerCase() === '121' || kind.toLowerCase() === '1:1' ? '1:2:1' : kind)
  );
}

export function checkNotFuture(date: IsoDate, today: IsoDate, option: string): IsoDate {
  if (daysBetween(today, date) > 0) {
    throw new UsageError(
      `${option} ${date} is in the future; a conversation is logged once it has happened.`,
      'Give today or an earlier date.',
    );
  }
  return date;
}

/** The person a "Name: " prefix names among the people in the conversation, and the text after it. */
export function namedOwner(
  text: string,
  participants: Person[],
): { personId: string; text: string } | undefined {
  const match = /^([^:]{1,80}):\s*(\S[\s\S]*)$/.exec(text.trim());
  if (!match) return undefined;
  const who = resolveName(match[1]!, participants);
  return who.kind === 'found' ? { personId: who.person.id, text: match[2]!.trim() } : undefined;
}

/**
 * "Ana: wants to lead a team" belongs to Ana when "Ana" names one of the people in the
 * conversation; anything else (including a prefix that names no one there) belongs to the first.
 */
export function splitOwner(text: string, participants: Person[]): { personId: string; text: string } {
  // With one person there is no one to choose between: "Re: budget" stays as typed.
  const named = participants.length > 1 ? namedOwner(text, participants) : undefined;
  return named ?? { personId: participants[0]!.id, text: text.trim() };
}

/**
 * Listening notes of a conversation with several people: "Ben: wants more ownership" was heard
 * from Ben; a note without a prefix was heard from the group (null), and shows in every brief.
 */
export function attributeHeard(
  entries: string[],
  participants: Person[],
): { heard: string[]; heardFrom?: (string | null)[] } {
  const kept = entries.map((e) => e.trim()).filter(Boolean);
  if (participants.length < 2) return { heard: kept };
  const owned = kept.map((e) => namedOwner(e, participants) ?? { personId: null, text: e });
  const heard = owned.map((o) => o.text);
  return owned.some((o) => o.personId) ? { heard, heardFrom: owned.map((o) => o.personId) } : { heard };
}

export interface CaptureLists {
  ambitions: string[];
  skills: string[];
  followUps: FollowUpDraft[];
  askNext: string[];
}

/** Sorts each list's entries to the person they are about. */
export function assignNotes(lists: CaptureLists, participants: Person[]): Record<string, PersonalNotes> {
  const about: Record<string, PersonalNotes> = {};
  for (const p of participants) about[p.id] = { ambitions: [], skills: [], followUps: [], askNext: [] };
  for (const field of ['ambitions', 'skills', 'askNext'] as const) {
    for (const entry of lists[field]) {
      if (!entry.trim()) continue;
      const { personId, text } = splitOwner(entry, participants);
      about[personId]![field].push(text);
    }
  }
  for (const draft of lists.followUps) {
    if (!draft.text.trim()) continue;
    const { personId, text } = splitOwner(draft.text, participants);
    about[personId]!.followUps.push({ ...draft, text });
  }
  return about;
}
