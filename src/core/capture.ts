// Turning what the user typed for `rel log` into a conversation: pure checks, assignment, and the
// records a capture makes.
import { NotFoundError, UsageError } from '../errors.js';
import { type FollowUpDraft, logConversation, type PersonalNotes } from './conversations.js';
import { daysBetween, durationMinutes, type IsoDate } from './dates.js';
import { closeFollowUp } from './followups.js';
import type { Clock, Conversation, Journal, Person } from './journal.js';
import { resolveName } from './names.js';
import { addPerson, checkNewName, type NewPerson, newPersonRecord } from './new-person.js';
import { byIdOrWords, type Pick } from './records.js';
import { normalize } from './text.js';

export const KINDS = ['1:2:1', 'coffee', 'call', 'meeting', 'walk', 'message'];
export const DEFAULT_KIND = '1:2:1';

export function parseMinutes(text: string, option = '--minutes'): number {
  const minutes = durationMinutes(text);
  if (minutes !== undefined && minutes > 1440) {
    throw new UsageError(
      `${option} ${text.trim()} is out of range: a conversation lasts from 0 to 1440 minutes (a whole day).`,
      'For example: --minutes 90 for an hour and a half.',
    );
  }
  if (minutes === undefined) {
    throw new UsageError(
      `${option} "${text}" is not a number of minutes.`,
      'Give a whole number of minutes from 0 to 1440, e.g. --minutes 30, 45min, 1h or 1h30.',
    );
  }
  return minutes;
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

/** The ways people write a one-to-one meeting: all of them are the kind 1:2:1. */
const ONE_TO_ONE = new Set([
  '1:2:1',
  '121',
  '1-2-1',
  '1:1',
  '1-1',
  '1on1',
  '1-on-1',
  'one-on-one',
  'one on one',
]);

/**
 * A kind in its one spelling: every way of writing a 1:2:1 is `1:2:1`, and the usual kinds are
 * lower case ("Coffee" is coffee); any other word is kept as typed.
 */
export function canonicalKind(text: string): string {
  const kind = text.replace(/\s+/g, ' ').trim();
  const lower = kind.toLowerCase();
  if (ONE_TO_ONE.has(lower)) return '1:2:1';
  return KINDS.find((k) => k === lower) ?? kind;
}

/** Two kinds are the same kind when their spellings agree, whatever the case ("Standup" is standup). */
export function kindKey(kind: string): string {
  return canonicalKind(kind).toLowerCase();
}

/** Any word; the usual kinds are kept in one spelling ("Coffee" is coffee) so that reports group them. */
export function parseKind(text: string, option = '--kind'): string {
  const kind = canonicalKind(text);
  if (!kind) throw new UsageError(`${option} is empty.`, `Use one of ${KINDS.join(', ')}, or any word.`);
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

const WHOSE = {
  ambitions: { noun: 'an ambition', flag: '--ambition' },
  skills: { noun: 'a skill', flag: '--skill' },
} as const;

/**
 * Sorts each list's entries to the person they are about. In a conversation with several people
 * an entry without a `Name: ` prefix belongs to everyone there: an ask-next note goes to each of
 * them, a follow-up is one record for them all (filed under the first). Ambitions and skills are
 * personal: one without a prefix is refused, before anything is written.
 */
export function assignNotes(lists: CaptureLists, participants: Person[]): Record<string, PersonalNotes> {
  const about: Record<string, PersonalNotes> = {};
  for (const p of participants) about[p.id] = { ambitions: [], skills: [], followUps: [], askNext: [] };
  const group = participants.length > 1;
  const everyone = participants.map((p) => p.id);
  for (const field of ['ambitions', 'skills'] as const) {
    for (const entry of lists[field]) {
      if (!entry.trim()) continue;
      const named = group ? namedOwner(entry, participants) : undefined;
      if (group && !named) {
        const { noun, flag } = WHOSE[field];
        const first = participants[0]!.name.split(' ')[0];
        throw new UsageError(
          `Whose is "${entry.trim()}"? With several people there, ${noun} needs a name: it is personal.`,
          `Start it with their name, e.g. ${flag} "${first}: ${entry.trim()}". Nothing was saved.`,
        );
      }
      about[named?.personId ?? participants[0]!.id]![field].push(named?.text ?? entry.trim());
    }
  }
  for (const entry of lists.askNext) {
    if (!entry.trim()) continue;
    const named = group ? namedOwner(entry, participants) : undefined;
    for (const personId of named ? [named.personId] : everyone)
      about[personId]!.askNext.push(named?.text ?? entry.trim());
  }
  for (const draft of lists.followUps) {
    if (!draft.text.trim()) continue;
    const named = group ? namedOwner(draft.text, participants) : undefined;
    if (named) about[named.personId]!.followUps.push({ ...draft, text: named.text });
    else
      about[everyone[0]!]!.followUps.push({
        ...draft,
        text: draft.text.trim(),
        ...(group ? { personIds: everyone } : {}),
      });
  }
  return about;
}

/** Someone in the conversation: in the journal already, or to be added when it is saved. */
export type Participant =
  | { isNew: false; person: Person }
  | { isNew: true; person: Person; details: Omit<NewPerson, 'name'> };

/** Everything `rel log` was told, by flags or at the prompts: plain data, nothing written yet. */
export interface Capture {
  participants: Participant[];
  date: IsoDate;
  kind: string;
  minutes: number | null;
  note: string;
  heard: string[];
  lists: CaptureLists;
  /** Ids of active ambitions that came up. */
  discussed: string[];
  /** Ids of "ask next time" notes that were asked in this conversation. */
  asked: string[];
  /** Ids of open follow-ups ticked done in this conversation. */
  done: string[];
  /** Steps toward ambitions of people already in the journal (`--step`, or at the prompt). */
  steps?: StepDraft[];
  /** Appreciation given, as typed (`--thanks`): a `Name: ` prefix says whose, else everyone there. */
  thanks?: string[];
  size: number | undefined;
  counts: boolean | undefined;
  /** The calendar event it was logged from (`rel inbox`), if any. */
  eventId?: string;
}

/**
 * A person named in `rel log` who is not in the journal yet, as they will be added: a whole
 * record, so that "Name: " prefixes and the prompts can name them. Until the conversation is
 * saved their id is a placeholder, `+new-<position among the participants>` (no real id starts
 * with "+"); the id they get is settled under the lock.
 */
export function provisionalPerson(
  journal: Journal,
  name: string,
  others: Participant[],
  clock: Clock,
): Person {
  const clean = checkNewName(journal, name);
  if (others.some((o) => o.isNew && normalize(o.person.name) === normalize(clean))) {
    throw new UsageError(`"${clean}" is named twice.`);
  }
  return { ...newPersonRecord(journal, { name: clean }, clock), id: `+new-${others.length}` };
}

export interface Recorded {
  conversation: Conversation;
  /** The people of the conversation as they now are in the journal. */
  people: Person[];
  /** Names of the people added with it. */
  added: string[];
  /** What was noted about each person, by their id in the journal. */
  about: Record<string, PersonalNotes>;
}

/**
 * The records a capture makes, applied to a journal read fresh under the lock: new people added
 * (or found, when another rel added them meanwhile), follow-ups ticked done closed, and the
 * conversation with its notes. A participant removed meanwhile refuses the whole capture.
 */
export function recordCapture(journal: Journal, capture: Capture, clock: Clock): Recorded {
  const named = capture.participants.map((p) => p.person);
  const notes = assignNotes(capture.lists, named);
  const listening = attributeHeard(capture.heard, named);
  const ids = new Map<string, string>();
  const added: string[] = [];
  for (const participant of capture.participants) {
    const { person } = participant;
    if (participant.isNew) {
      const twin = journal.people.find((p) => normalize(p.name) === normalize(person.name));
      if (twin) ids.set(person.id, twin.id);
      else {
        ids.set(person.id, addPerson(journal, { ...participant.details, name: person.name }, clock).id);
        added.push(person.name);
      }
    } else if (journal.people.some((p) => p.id === person.id)) ids.set(person.id, person.id);
    else {
      throw new NotFoundError(
        `${person.name} was removed from the journal while you were typing; nothing was saved.`,
      );
    }
  }
  const idOf = (id: string) => ids.get(id) ?? id;
  const thanks = assignThanks(capture.thanks ?? [], named).map((t) => ({ ...t, personId: idOf(t.personId) }));
  // Follow-ups ticked done at the prompt; one closed meanwhile by another rel stays as it is.
  for (const id of capture.done) {
    const followUp = journal.followUps.find((f) => f.id === id && f.doneAt === null);
    if (followUp) closeFollowUp(followUp, clock.now);
  }
  const about: Record<string, PersonalNotes> = {};
  for (const [id, personal] of Object.entries(notes)) {
    about[idOf(id)] = {
      ...personal,
      followUps: personal.followUps.map((draft) =>
        draft.personIds ? { ...draft, personIds: draft.personIds.map(idOf) } : draft,
      ),
    };
  }
  const conversation = logConversation(
    journal,
    {
      date: capture.date,
      kind: capture.kind,
      minutes: capture.minutes,
      note: capture.note,
      heard: listening.heard,
      heardFrom: listening.heardFrom?.map((id) => (id === null ? null : idOf(id))),
      discussed: capture.discussed,
      asked: capture.asked,
      steps: capture.steps ?? [],
      thanks,
      with: named.map((p) => idOf(p.id)),
      size: capture.size,
      counts: capture.counts,
      about,
      ...(capture.eventId ? { eventId: capture.eventId } : {}),
    },
    clock,
  );
  const people = conversation.with.flatMap((id) => journal.people.filter((p) => p.id === id));
  return { conversation, people, added, about };
}

/** A step toward one of the ambitions of someone in a conversation, as `rel log --step` gives it. */
export interface StepDraft {
  personId: string;
  ambitionId: string;
  text: string;
}

/** Appreciation for one person in a conversation, as `rel log --thanks` gives it. */
export interface ThanksDraft {
  personId: string;
  text: string;
}

/**
 * `--step "<Name: >words: text"` entries, each sorted to an active ambition of someone there. The
 * words pick the ambition as `rel ambition done` picks it; one active ambition needs none ("text"
 * alone). A `Name: ` prefix says whose; without one, the ambitions of everyone there are looked
 * in. An entry that picks no ambition, or several, is refused before anything is written.
 */
export function assignSteps(entries: string[], participants: Person[]): StepDraft[] {
  const drafts: StepDraft[] = [];
  if (participants.length === 0 && entries.some((e) => e.trim())) {
    throw new UsageError(
      'A step is toward an ambition of someone already in your journal, and no one here is yet.',
      'Log the conversation first, then: rel ambition step <name> <words> "<what was done>". Nothing was saved.',
    );
  }
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    // With one person there, "Tom: design: …" names him; "design: …" is words and the step.
    let named = namedOwner(entry, participants);
    if (named && participants.length === 1 && !named.text.includes(':')) named = undefined;
    const people = named ? participants.filter((p) => p.id === named!.personId) : participants;
    const rest = named?.text ?? entry;
    const colon = rest.indexOf(':');
    const words = colon >= 0 ? rest.slice(0, colon).trim() : '';
    const text = (colon >= 0 ? rest.slice(colon + 1) : rest).trim();
    const candidates = people.flatMap((p) =>
      p.ambitions
        .filter((a) => a.status === 'active')
        .map((a) => ({ id: a.id, text: a.text, personId: p.id })),
    );
    const example = `--step "${participants[0]!.name.split(' ')[0]}: <words of the ambition>: <what was done>"`;
    if (!text)
      throw new UsageError(`The step "${entry}" has no text after its words.`, `Give it as ${example}.`);
    const whose = people.length === 1 ? people[0]!.name : 'anyone there';
    if (candidates.length === 0) {
      throw new UsageError(
        `${whose} has no active ambition for the step "${text}".`,
        'Add the ambition first (--ambition), or record the step later with rel ambition step. Nothing was saved.',
      );
    }
    const list = candidates.map((c) => `"${c.text}"`).join(', ');
    const picked: Pick<(typeof candidates)[number]> =
      !words && candidates.length === 1
        ? { kind: 'found', record: candidates[0]! }
        : byIdOrWords(candidates, words);
    if (picked.kind !== 'found') {
      const problem = !words
        ? `Which ambition is the step "${text}" toward? ${people.length === 1 ? `${whose} has` : 'Those there have'} several.`
        : picked.kind === 'several'
          ? `"${words}" fits several ambitions: ${list}.`
          : `No active ambition of ${whose} matches "${words}".`;
      throw new UsageError(problem, `There are: ${list}. Give it as ${example}. Nothing was saved.`);
    }
    const found = picked.record;
    drafts.push({ personId: found.personId, ambitionId: found.id, text });
  }
  return drafts;
}

/**
 * `--thanks "<what for>"` entries: with several people there, a `Name: ` prefix says whose, and
 * without one it is for everyone there.
 */
export function assignThanks(entries: string[], participants: Person[]): ThanksDraft[] {
  const drafts: ThanksDraft[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const named = participants.length > 1 ? namedOwner(entry, participants) : undefined;
    for (const p of named ? participants.filter((p) => p.id === named.personId) : participants)
      drafts.push({ personId: p.id, text: named?.text ?? entry });
  }
  return drafts;
}
