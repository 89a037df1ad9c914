// What the team is telling you: the themes several people raised in what you heard, and who may
// need a word. Pure: the language (parts of speech and sentiment, from libraries) is passed in, and without
// one only #hashtags make themes. Reading the notes for themes is themes.ts; what is kept of a pulse
// for the profiles, stored-themes.ts.
import { addDaysTo, type IsoDate } from './dates.js';
import type { Conversation, JournalReading, Person } from './journal.js';
import { type Mention, type ThemeMentions, voices } from './stored-themes.js';
import { normalize } from './text.js';
import { type Language, mostWritten, type NoteReading, readNotes, themeKey } from './themes.js';

/** The default window: the last four weeks, today included. */
export const PULSE_WEEKS = 4;

/** One listening note, as the pulse sees it: whose it is, or null for the whole group. */
export interface HeardNote {
  personId: string | null;
  conversationId: string;
  date: IsoDate;
  /** When the conversation was logged: orders notes of one day. */
  createdAt: string;
  text: string;
}

export interface PulseTheme {
  theme: string;
  people: { id: string; name: string }[];
  /** Group conversations it came up in, each counted once whoever was there. */
  groups: number;
  /** Listening notes it came up in. */
  mentions: number;
  last: IsoDate;
}

export interface PulseWorry {
  id: string;
  name: string;
  /** The last three things heard from them, oldest first. */
  notes: { text: string; date: IsoDate }[];
  /** What each note was about: its first theme word, or its first words. */
  topics: string[];
}

export interface QuietAmbition {
  id: string;
  name: string;
  ambition: string;
  /** The last day it came up: before the window began. */
  since: IsoDate;
}

export interface Pulse {
  since: IsoDate;
  until: IsoDate;
  themes: PulseTheme[];
  worries: PulseWorry[];
  quietAmbitions: QuietAmbition[];
  /** Notes read, for the headline. */
  notes: number;
  /** Every theme's mentions, for the stored result the profile reads. */
  stored: ThemeMentions[];
}

/** What a pulse reads of a journal: everyone, and the conversations (those of its window, at least). */
export type PulseJournal = Pick<JournalReading, 'people' | 'conversations'>;

export interface PulseOptions {
  since: IsoDate;
  until: IsoDate;
  team?: string | undefined;
  tag?: string | undefined;
  /** Without a language, themes come from #hashtags alone and no note reads as a worry. */
  language?: Language | undefined;
}

export function defaultSince(today: IsoDate): IsoDate {
  return addDaysTo(today, -(PULSE_WEEKS * 7 - 1));
}

/** Who a pulse listens to: people not archived, of the team and with the tag asked for. */
export function inScope(person: Person, team?: string, tag?: string): boolean {
  if (person.archivedAt) return false;
  if (team !== undefined && normalize(person.team) !== normalize(team)) return false;
  if (tag !== undefined && !person.tags.some((t) => normalize(t) === normalize(tag))) return false;
  return true;
}

/**
 * The listening notes of the window. A note from a conversation with one person is theirs; with
 * several, `heardFrom` says whose, and a note heard from nobody in particular is the group's.
 * A group note counts when someone in scope was there; a note from someone no longer in the
 * journal (forgotten) is left out.
 */
export function heardNotes(
  journal: PulseJournal,
  options: { since: IsoDate; until: IsoDate },
  scope: Set<string>,
): HeardNote[] {
  const known = new Set(journal.people.map((p) => p.id));
  const notes: HeardNote[] = [];
  for (const c of journal.conversations) {
    if (c.date < options.since || c.date > options.until || c.heard.length === 0) continue;
    c.heard.forEach((text, i) => {
      const personId = whose(c, i);
      if (personId === undefined) return;
      if (personId === null ? !c.with.some((id) => scope.has(id)) : !scope.has(personId)) return;
      if (personId !== null && !known.has(personId)) return;
      notes.push({ personId, conversationId: c.id, date: c.date, createdAt: c.createdAt, text });
    });
  }
  return notes;
}

/** Whose the i-th note is: a person id, null for the group, undefined when it names no one there. */
function whose(c: Conversation, i: number): string | null | undefined {
  if (c.with.length === 1 && !c.heardFrom?.[i]) return c.with[0];
  const from = c.heardFrom?.[i] ?? null;
  if (from === null) return null;
  return c.with.includes(from) ? from : undefined;
}

/** Words of people's names: "Ana said…" is not a theme. */
function nameWords(people: readonly Person[]): Set<string> {
  const words = new Set<string>();
  for (const p of people)
    for (const w of [p.name, ...p.aliases].join(' ').split(/\s+/)) words.add(themeKey(w));
  words.delete('');
  return words;
}

/** The notes a pulse reads, and the words of people's names (no theme): what a reader needs. */
export function pulseNotes(
  journal: PulseJournal,
  options: PulseOptions,
): { notes: HeardNote[]; names: string[] } {
  const scope = new Set(journal.people.filter((p) => inScope(p, options.team, options.tag)).map((p) => p.id));
  return { notes: heardNotes(journal, options, scope), names: [...nameWords(journal.people)] };
}

/**
 * The pulse. `read` is pulseNotes' result and what readNotes made of it, when the caller read the
 * notes itself (`rel pulse`, on a worker thread); otherwise they are read here, with the language.
 */
export function computePulse(
  journal: PulseJournal,
  options: PulseOptions,
  read?: { notes: HeardNote[]; reading: NoteReading },
): Pulse {
  const scoped = journal.people.filter((p) => inScope(p, options.team, options.tag));
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  let notes: HeardNote[];
  let reading: NoteReading;
  if (read) ({ notes, reading } = read);
  else {
    const input = pulseNotes(journal, options);
    notes = input.notes;
    reading = readNotes(notes, input.names, options.language);
  }
  const { keys, spellings, worries: worried } = reading;

  const byTheme = new Map<string, Mention[]>();
  notes.forEach((note, i) => {
    for (const key of keys[i]!) {
      const list = byTheme.get(key) ?? [];
      list.push({ personId: note.personId, conversationId: note.conversationId, date: note.date });
      byTheme.set(key, list);
    }
  });
  const stored: ThemeMentions[] = [];
  for (const [key, mentions] of byTheme) {
    if (voices(mentions) >= 2) stored.push({ theme: mostWritten(spellings.get(key)!), mentions });
  }
  const themes = stored
    .map((t) => describeTheme(t, names))
    .sort(
      (a, b) =>
        b.people.length + b.groups - (a.people.length + a.groups) ||
        b.mentions - a.mentions ||
        b.last.localeCompare(a.last) ||
        a.theme.localeCompare(b.theme),
    );
  stored.sort((a, b) => a.theme.localeCompare(b.theme));

  const worries = findWorries(scoped, notes, keys, spellings, worried);
  const quietAmbitions = scoped
    .flatMap((p) =>
      p.ambitions
        .filter((a) => a.status === 'active' && a.lastDiscussedOn < options.since)
        .map((a) => ({ id: p.id, name: p.name, ambition: a.text, since: a.lastDiscussedOn })),
    )
    .sort((a, b) => a.since.localeCompare(b.since) || a.name.localeCompare(b.name));
  return {
    since: options.since,
    until: options.until,
    themes,
    worries,
    quietAmbitions,
    notes: notes.length,
    stored,
  };
}

/** A stored theme as shown: its people by name (still in the journal), groups, mentions, last. */
export function describeTheme(t: ThemeMentions, names: Map<string, string>): PulseTheme {
  const people = [...new Set(t.mentions.flatMap((m) => (m.personId ? [m.personId] : [])))]
    .filter((id) => names.has(id))
    .map((id) => ({ id, name: names.get(id)! }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const groups = new Set(t.mentions.filter((m) => m.personId === null).map((m) => m.conversationId)).size;
  return {
    theme: t.theme,
    people,
    groups,
    mentions: t.mentions.length,
    last:
      t.mentions
        .map((m) => m.date)
        .sort()
        .at(-1) ?? '',
  };
}

function findWorries(
  scoped: Person[],
  notes: HeardNote[],
  keys: string[][],
  spellings: Map<string, Map<string, number>>,
  worried: boolean[],
): PulseWorry[] {
  const byPerson = new Map<string, number[]>();
  notes.forEach((note, i) => {
    if (note.personId === null) return;
    const list = byPerson.get(note.personId) ?? [];
    list.push(i);
    byPerson.set(note.personId, list);
  });
  const worries: PulseWorry[] = [];
  for (const person of scoped) {
    const mine = (byPerson.get(person.id) ?? []).sort(
      (a, b) =>
        notes[a]!.date.localeCompare(notes[b]!.date) ||
        notes[a]!.createdAt.localeCompare(notes[b]!.createdAt),
    );
    const lastThree = mine.slice(-3);
    if (lastThree.length < 3 || !lastThree.every((i) => worried[i])) continue;
    worries.push({
      id: person.id,
      name: person.name,
      notes: lastThree.map((i) => ({ text: notes[i]!.text, date: notes[i]!.date })),
      topics: lastThree.map((i) => {
        const key = keys[i]![0];
        return key ? mostWritten(spellings.get(key)!) : notes[i]!.text.split(/\s+/).slice(0, 3).join(' ');
      }),
    });
  }
  return worries.sort(
    (a, b) => b.notes[2]!.date.localeCompare(a.notes[2]!.date) || a.name.localeCompare(b.name),
  );
}
