// Whom each thing said in a conversation is about: a `Name: ` prefix names one person there;
// without one, a note belongs to everyone there, and what is personal (an ambition, a skill, a
// step) is refused. Pure: the people of the conversation come in, entries sorted by person go out.
import { UsageError } from '../errors.js';
import type { FollowUpDraft, PersonalNotes } from './conversations.js';
import type { Person } from './journal.js';
import { resolveName } from './names.js';
import { byIdOrWords, type Pick } from './records.js';

/** The person a "Name: " prefix names among the people in the conversation, and the text after it. */
export function namedOwner(
  text: string,
  participants: Person[],
): { personId: string; text: string } | undefined {
  const match = /^([^:]{1,80}):\s*(\S[\s\S]*)$/.exec(text.trim());
  if (!match) return undefined;
  const who = resolveName(match[1]!, participants);
  // Two people there answer to it (two Anas): taking it for the group's would give one person's
  // words to everyone there, and guessing one of them could be the wrong one.
  if (who.kind === 'ambiguous') {
    const names = who.candidates.map((p) => p.name);
    throw new UsageError(
      `"${match[1]!.trim()}" in "${text.trim()}" fits ${names.length} people there (${names.join(', ')}).`,
      `Start it with the whole name, e.g. "${names[0]}: ${match[2]!.trim()}". Nothing was saved.`,
    );
  }
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
  return reattributeHeard(entries, { heard: [] }, participants);
}

/**
 * Listening notes given again (rel conversation edit --heard): a "Name: " prefix says whose, a
 * note kept as it was keeps whom it was heard from, any other is the group's. Without this the
 * old list of who said what stayed, and the new notes took the old speakers by position.
 */
export function reattributeHeard(
  entries: string[],
  before: { heard: string[]; heardFrom?: (string | null)[] },
  participants: Person[],
): { heard: string[]; heardFrom?: (string | null)[] } {
  const kept = entries.map((e) => e.trim()).filter(Boolean);
  if (participants.length < 2) return { heard: kept };
  const owned = kept.map((e) => {
    const named = namedOwner(e, participants);
    if (named) return named;
    const i = before.heard.indexOf(e);
    return { personId: i >= 0 ? (before.heardFrom?.[i] ?? null) : null, text: e };
  });
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
