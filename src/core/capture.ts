// Turning what the user typed for `rel log` into a conversation: pure checks and assignment.
import { UsageError } from '../errors.js';
import { daysBetween, type IsoDate } from './dates.js';
import type { FollowUpDraft, Person, PersonalNotes } from './journal.js';
import { resolveName } from './names.js';

export const KINDS = ['1:2:1', 'coffee', 'call', 'meeting', 'walk', 'message'];
export const DEFAULT_KIND = '1:2:1';

export function parseMinutes(text: string): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > 1440) {
    throw new UsageError(
      `--minutes "${text}" is not a number of minutes.`,
      'Give a whole number from 0 to 1440, e.g. --minutes 30.',
    );
  }
  return Number(t);
}

export function parseKind(text: string): string {
  const kind = text.replace(/\s+/g, ' ').trim();
  if (!kind) throw new UsageError('--kind is empty.', `Use one of ${KINDS.join(', ')}, or any word.`);
  return kind;
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

/**
 * "Ana: wants to lead a team" belongs to Ana when "Ana" names one of the people in the
 * conversation; anything else (including a prefix that names no one there) belongs to the first.
 */
export function splitOwner(text: string, participants: Person[]): { personId: string; text: string } {
  const first = participants[0]!;
  const match = /^([^:]{1,80}):\s*(\S[\s\S]*)$/.exec(text.trim());
  if (match && participants.length > 1) {
    const who = resolveName(match[1]!, participants);
    if (who.kind === 'found') return { personId: who.person.id, text: match[2]!.trim() };
  }
  return { personId: first.id, text: text.trim() };
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
    about[personId]!.followUps.push({ text, due: draft.due });
  }
  return about;
}
