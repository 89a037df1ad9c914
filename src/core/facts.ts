// What is recorded about a person: ambitions (their status and the steps toward them), skills,
// personal notes, questions to ask next time, and appreciation given. Each added with a fresh id.
import { UsageError } from '../errors.js';
import type { IsoDate } from './dates.js';
import type {
  Ambition,
  AmbitionStatus,
  AmbitionStep,
  AskNext,
  Clock,
  Note,
  Person,
  Skill,
  Thanks,
} from './journal.js';

export function cleanText(text: string, what: string): string {
  const clean = text.trim();
  if (!clean) throw new UsageError(`The ${what} is empty.`, `Give the ${what} in quotes.`);
  return clean;
}

export function addAmbition(
  person: Person,
  text: string,
  on: IsoDate,
  clock: Clock,
  conversationId: string | null = null,
): Ambition {
  const ambition: Ambition = {
    id: clock.newId(),
    text: cleanText(text, 'ambition'),
    addedOn: on,
    status: 'active',
    lastDiscussedOn: on,
    statusChangedOn: null,
    conversationId,
  };
  person.ambitions.push(ambition);
  return ambition;
}

export function stepsOf(ambition: Ambition): AmbitionStep[] {
  return ambition.steps ?? [];
}

export function thanksOf(person: Person): Thanks[] {
  return person.thanks ?? [];
}

/** The latest of dated records (the one recorded last among those of the same day), or null. */
export function latest<T extends { on: IsoDate }>(records: T[]): T | null {
  let found: T | null = null;
  for (const r of records) if (!found || r.on >= found.on) found = r;
  return found;
}

/**
 * Records a step toward an active ambition. A step is the ambition coming up: its "last
 * discussed" day moves to the step's day (never back).
 */
export function addStep(
  ambition: Ambition,
  text: string,
  on: IsoDate,
  clock: Clock,
  conversationId: string | null = null,
): AmbitionStep {
  if (ambition.status !== 'active') {
    throw new UsageError(
      `"${ambition.text}" is ${ambition.status}; steps are recorded toward active ambitions.`,
      'Reopen it first if it is being worked toward again: rel ambition reopen <name> <words>.',
    );
  }
  const step: AmbitionStep = { id: clock.newId(), text: cleanText(text, 'step'), on, conversationId };
  ambition.steps = [...stepsOf(ambition), step];
  if (ambition.lastDiscussedOn < on) ambition.lastDiscussedOn = on;
  return step;
}

export function addThanks(
  person: Person,
  text: string,
  on: IsoDate,
  clock: Clock,
  conversationId: string | null = null,
): Thanks {
  const thanks: Thanks = { id: clock.newId(), text: cleanText(text, 'appreciation'), on, conversationId };
  person.thanks = [...thanksOf(person), thanks];
  return thanks;
}

export function setAmbitionStatus(ambition: Ambition, status: AmbitionStatus, on: IsoDate): void {
  ambition.status = status;
  ambition.statusChangedOn = on;
  // Knowing that it moved means it was talked about.
  if (ambition.lastDiscussedOn < on) ambition.lastDiscussedOn = on;
}

export function addSkill(
  person: Person,
  text: string,
  on: IsoDate,
  clock: Clock,
  conversationId: string | null = null,
): Skill {
  const skill: Skill = { id: clock.newId(), text: cleanText(text, 'skill'), addedOn: on, conversationId };
  person.skills.push(skill);
  return skill;
}

export function addNote(person: Person, text: string, on: IsoDate, clock: Clock): Note {
  const note: Note = { id: clock.newId(), text: cleanText(text, 'note'), addedOn: on };
  person.notes.push(note);
  return note;
}

export function addAskNext(person: Person, text: string, on: IsoDate, clock: Clock): AskNext {
  const item: AskNext = { id: clock.newId(), text: cleanText(text, 'question'), addedOn: on };
  person.askNext.push(item);
  return item;
}

/** The "ask next time" notes not yet asked. */
export function openAskNext(person: Person): AskNext[] {
  return person.askNext.filter((a) => !a.askedOn);
}

/** Marks a note asked on that day; one asked already keeps its day. False when it was. */
export function markAsked(item: AskNext, on: IsoDate): boolean {
  if (item.askedOn) return false;
  item.askedOn = on;
  return true;
}
