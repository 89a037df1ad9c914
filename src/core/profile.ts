// The brief: everything about one person, assembled from the journal.

import { type Birthday, nextBirthday } from './birthdays.js';
import type { ConversationIndex } from './conversations.js';
import { compareIso, daysBetween, type IsoDate, localDay } from './dates.js';
import { type CheckIn, checkIn } from './due.js';
import { latest, openAskNext, stepsOf, thanksOf } from './facts.js';
import { concerns, isOverdue } from './followups.js';
import { appreciationDue, DEFAULT_GROWTH_RULES, type GrowthRules, quietSteps } from './growth.js';
import type {
  Ambition,
  AmbitionStep,
  AskNext,
  Conversation,
  FollowUpOwner,
  JournalReading,
  Note,
  Person,
  Skill,
  Thanks,
} from './journal.js';
import type { SharedThemes } from './stored-themes.js';
import {
  type ConversationClass,
  conversationClass,
  conversationSize,
  countsAsTogether,
  DEFAULT_TOGETHER_RULES,
  type TogetherRules,
} from './together.js';

/** An active ambition not talked about for this long (or the cadence, if longer) is worth asking about. */
export const STALE_AMBITION_DAYS = 30;

export interface ProfileFollowUp {
  id: string;
  text: string;
  owner: FollowUpOwner;
  done: boolean;
  due: IsoDate | null;
  overdue: boolean;
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
  /**
   * Seen from one person: for each of `heard`, whether it was heard from the whole group rather
   * than from them (several people there, no `Name:` saying it was theirs), so that a brief never
   * shows what the room said as if they had said it.
   */
  heardInGroup?: boolean[];
  /** How many were there besides you: those named, or more when `--size` said so. */
  size: number;
  /** Names of everyone in the conversation. */
  with: string[];
  withIds: string[];
  /** In the profile: the class of the conversation and whether it was time together (the rules). */
  class?: ConversationClass;
  together?: boolean;
}

export interface Profile extends CheckIn {
  id: string;
  name: string;
  role: string;
  team: string;
  relationship: string;
  tags: string[];
  aliases: string[];
  /** E-mail addresses ([] when none are known). */
  emails: string[];
  birthday: Birthday | null;
  /** The next time their birthday comes round (today included), or null. */
  nextBirthday: IsoDate | null;
  /** Personal notes: family, interests, what they care about. */
  notes: Note[];
  createdAt: string;
  archivedAt: string | null;
  /** The day they left (rel left), or null. */
  leftOn: IsoDate | null;
  snoozedUntil: IsoDate | null;
  /** What to ask about next time, most pressing first. */
  talkingPoints: TalkingPoint[];
  /** Open follow-ups whose due date has passed. */
  overdueFollowUps: { id: string; text: string; due: IsoDate }[];
  /** No ambition, skill or personal note recorded: you only know them through work. */
  knownOnlyThroughWork: boolean;
  /** Every status; each with its steps ([] when none), in the order recorded. */
  ambitions: (Ambition & { steps: AmbitionStep[] })[];
  /** Appreciation you gave them, in the order recorded. */
  thanks: Thanks[];
  /** The latest of them, or null. */
  lastAppreciated: Thanks | null;
  skills: Skill[];
  askNext: AskNext[];
  followUps: ProfileFollowUp[];
  /** Newest first. */
  conversations: ProfileConversation[];
  /** Themes they raised that others raised too (set by the command from the last `rel pulse`). */
  sharedThemes?: SharedThemes | null;
}

export type TalkingPoint =
  | { kind: 'askNext'; id: string; text: string; since: IsoDate }
  | {
      kind: 'followUp';
      id: string;
      text: string;
      since: IsoDate;
      owner: FollowUpOwner;
      due: IsoDate | null;
      overdue: boolean;
    }
  | { kind: 'ambition'; id: string; text: string; since: IsoDate; lastDiscussedOn: IsoDate }
  /** An active ambition with nothing done toward it for the ambition-step-period, since `since`. */
  | { kind: 'step'; id: string; text: string; since: IsoDate; lastStep: AmbitionStep | null }
  /** Time together lately, and no appreciation given in the appreciation-period. */
  | { kind: 'appreciation'; since: IsoDate | null; text: string | null };

/**
 * "Ask next time" notes, then open follow-ups (overdue first), then ambitions nothing was done
 * toward for the ambition-step-period or not discussed for a while (the first says more, so an
 * ambition gets one of them), then, when `togetherDays` (the days of time together) are given,
 * appreciation not given lately.
 */
export function talkingPoints(
  person: Person,
  followUps: ProfileFollowUp[],
  cadenceDays: number,
  today: IsoDate,
  rules: GrowthRules = DEFAULT_GROWTH_RULES,
  togetherDays: IsoDate[] = [],
): TalkingPoint[] {
  const points: TalkingPoint[] = openAskNext(person).map((a) => ({
    kind: 'askNext' as const,
    id: a.id,
    text: a.text,
    since: a.addedOn,
  }));
  const open = followUps
    .filter((f) => !f.done)
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        compareIso(a.due ?? '9999', b.due ?? '9999') ||
        compareIso(a.createdAt, b.createdAt),
    );
  for (const f of open) {
    points.push({
      kind: 'followUp',
      id: f.id,
      text: f.text,
      since: localDay(f.createdAt),
      owner: f.owner,
      due: f.due,
      overdue: f.overdue,
    });
  }
  const stale = Math.max(STALE_AMBITION_DAYS, cadenceDays);
  for (const a of person.ambitions) {
    const quiet = quietSteps(a, today, rules);
    if (quiet) {
      points.push({ kind: 'step', id: a.id, text: a.text, since: quiet.since, lastStep: quiet.lastStep });
    } else if (a.status === 'active' && daysBetween(a.lastDiscussedOn, today) >= stale) {
      points.push({
        kind: 'ambition',
        id: a.id,
        text: a.text,
        since: a.addedOn,
        lastDiscussedOn: a.lastDiscussedOn,
      });
    }
  }
  const due = appreciationDue(person, togetherDays, today, rules);
  if (due) {
    points.push({
      kind: 'appreciation',
      since: due.lastAppreciated?.on ?? null,
      text: due.lastAppreciated?.text ?? null,
    });
  }
  return points;
}

/**
 * A conversation as profile and log show it. Seen from one person, `heard` keeps what was heard
 * from them or from the whole group, not what another person in the room said.
 */
export function describeConversation(
  c: Conversation,
  names: Map<string, string>,
  forPerson?: string,
): ProfileConversation {
  const from = (i: number) => c.heardFrom?.[i] ?? null;
  const size = conversationSize(c);
  const kept = c.heard.flatMap((text, i) =>
    forPerson === undefined || from(i) === null || from(i) === forPerson ? [{ text, i }] : [],
  );
  return {
    id: c.id,
    date: c.date,
    kind: c.kind,
    minutes: c.minutes,
    note: c.note,
    heard: kept.map((h) => h.text),
    ...(forPerson === undefined
      ? {}
      : { heardInGroup: kept.map((h) => size > 1 && from(h.i) !== forPerson) }),
    size,
    with: c.with.map((id) => names.get(id) ?? id),
    withIds: c.with,
  };
}

/**
 * A conversation as profile and log show it, with its class and whether it was time together
 * under the rules: what `rel profile --json` and `rel log --json` both carry.
 */
export function describeClassified(
  c: Conversation,
  names: Map<string, string>,
  rules: TogetherRules = DEFAULT_TOGETHER_RULES,
  forPerson?: string,
): ProfileConversation {
  return {
    ...describeConversation(c, names, forPerson),
    class: conversationClass(c, rules.writtenKinds),
    together: countsAsTogether(c, rules),
  };
}

export function buildProfile(
  journal: JournalReading,
  index: ConversationIndex,
  person: Person,
  today: IsoDate,
  defaultCadence?: number,
  rules?: TogetherRules,
  growth: GrowthRules = DEFAULT_GROWTH_RULES,
): Profile {
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const followUps = journal.followUps
    .filter((f) => concerns(f, person.id))
    .map((f) => ({
      id: f.id,
      text: f.text,
      owner: f.owner,
      done: f.doneAt !== null,
      due: f.due,
      overdue: isOverdue(f, today),
      doneAt: f.doneAt,
      createdAt: f.createdAt,
      conversationId: f.conversationId,
    }))
    // Open first, then the oldest promise first: it has waited longest.
    .sort((a, b) => Number(a.done) - Number(b.done) || compareIso(a.createdAt, b.createdAt));
  const together = rules ?? DEFAULT_TOGETHER_RULES;
  const conversations = (index.get(person.id) ?? []).map((c) =>
    describeClassified(c, names, together, person.id),
  );
  const state = checkIn(person, index, today, defaultCadence, rules);
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    team: person.team,
    relationship: person.relationship,
    tags: person.tags,
    aliases: person.aliases,
    emails: person.emails ?? [],
    birthday: person.birthday ?? null,
    nextBirthday: person.birthday ? nextBirthday(person.birthday, today) : null,
    createdAt: person.createdAt,
    archivedAt: person.archivedAt,
    leftOn: person.leftOn ?? null,
    ...state,
    snoozedUntil: person.snoozedUntil,
    talkingPoints: talkingPoints(
      person,
      followUps,
      state.cadenceDays,
      today,
      growth,
      conversations.filter((c) => c.together).map((c) => c.date),
    ),
    overdueFollowUps: followUps
      .filter((f) => f.overdue)
      .map((f) => ({ id: f.id, text: f.text, due: f.due! })),
    knownOnlyThroughWork: person.ambitions.length + person.skills.length + person.notes.length === 0,
    ambitions: person.ambitions.map((a) => ({ ...a, steps: stepsOf(a) })),
    thanks: thanksOf(person),
    lastAppreciated: latest(thanksOf(person)),
    skills: person.skills,
    notes: person.notes,
    askNext: openAskNext(person),
    followUps,
    conversations,
  };
}
