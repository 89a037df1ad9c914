// What `rel log` was told, as a plain capture, and the records it makes: new people added (or
// found), follow-ups ticked done closed, the conversation logged with what was said, each part
// sorted to its person (attribution.ts).
import { NotFoundError, UsageError } from '../errors.js';
import {
  assignNotes,
  assignThanks,
  attributeHeard,
  type CaptureLists,
  type StepDraft,
} from './attribution.js';
import { logConversation, type PersonalNotes } from './conversations.js';
import type { IsoDate } from './dates.js';
import { closeFollowUp } from './followups.js';
import type { Clock, Conversation, Journal, Person } from './journal.js';
import { addPerson, checkNewName, type NewPerson, newPersonRecord } from './new-person.js';
import { normalize } from './text.js';

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
