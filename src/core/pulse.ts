// What the team is telling you: the themes several people raised in what you heard, and who may
// need a word. Pure: the language (parts of speech and sentiment, from libraries) is passed in, and without
// one only #hashtags make themes.

import { UsageError } from '../errors.js';
import { addDaysTo, type IsoDate } from './dates.js';
import type { Conversation, Journal, Person } from './journal.js';
import { normalize } from './text.js';

/** The default window: the last four weeks, today included. */
export const PULSE_WEEKS = 4;

/** A word of a text as the language library reads it: as written, its dictionary form, its part of speech. */
export interface Word {
  word: string;
  lemma: string;
  /** Universal part-of-speech tag: NOUN, PROPN, VERB, DET, ADP, … */
  pos: string;
}

/** What `rel pulse` needs of a language: the words of a text, tagged, and a sentiment score. */
export interface Language {
  words(text: string): Word[];
  /** Below zero reads as a worry. */
  score(text: string): number;
}

/** One listening note, as the pulse sees it: whose it is, or null for the whole group. */
export interface HeardNote {
  personId: string | null;
  conversationId: string;
  date: IsoDate;
  /** When the conversation was logged: orders notes of one day. */
  createdAt: string;
  text: string;
}

/** One mention of a theme: the person it came from (null: a group) and where. */
export interface Mention {
  personId: string | null;
  conversationId: string;
  date: IsoDate;
}

/** A theme with every mention of it in the window: what the stored result of a pulse keeps. */
export interface ThemeMentions {
  theme: string;
  mentions: Mention[];
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

/**
 * A team or tag no one has is a typo, not a quiet team: refused with the ones that exist, so that
 * an empty report always means nothing was heard.
 */
export function checkScope(people: Person[], team?: string, tag?: string): void {
  const known = (values: string[]) => [...new Set(values.filter((v) => normalize(v)))].sort();
  if (team !== undefined && !people.some((p) => normalize(p.team) === normalize(team))) {
    const teams = known(people.map((p) => p.team));
    throw new UsageError(
      `No one in your journal is in the team "${team}".`,
      teams.length
        ? `The teams are: ${teams.join(', ')}.`
        : 'Give people a team with rel edit <name> --team <team>.',
    );
  }
  if (tag !== undefined && !people.some((p) => p.tags.some((t) => normalize(t) === normalize(tag)))) {
    const tags = known(people.flatMap((p) => p.tags));
    throw new UsageError(
      `No one in your journal has the tag "${tag}".`,
      tags.length ? `The tags are: ${tags.join(', ')}.` : 'Tag people with rel edit <name> --add-tag <tag>.',
    );
  }
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
  journal: Journal,
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

// Words that name no theme: time words, vague nouns, and what every note is about anyway.
const STOP_WORDS = new Set(
  (
    'time times thing things stuff lot lots bit bits way ways day days week weeks month months year years ' +
    'date dates today tomorrow yesterday tonight morning afternoon evening night weekend weekends moment moments ' +
    'people person everyone everybody someone somebody anyone anybody nobody one ones other others ' +
    'something anything nothing everything kind sort part point fact idea case end start side place ' +
    'work job team company feeling feelings sense need needs want wants chance issue issues problem problems ' +
    'question questions answer answers reason reasons number numbers row half couple rest sake ' +
    'he she they them her him his hers theirs me my mine you your yours we us our ours it its ' +
    'i lot today mr ms mrs dr etc yes no ok okay'
  ).split(' '),
);

// Function words of a few common languages: a note is read for nouns only when it looks English.
const ENGLISH = new Set(
  (
    'the a an of to and or in on at by as up out off over into about after before from with without ' +
    'for is are was were be been being am has have had do does did will would can could should may ' +
    'might must it its this that these those there here what who how why when where which than then ' +
    'not no but so if too very more less most just still again also all some any each every much many ' +
    'i me my we us our you your he him his she her they them their wants feels said says thinks'
  ).split(' '),
);
const OTHER_LANGUAGES = new Set(
  (
    'le la les des du un une et est sont pour avec dans sur pas que qui il elle ' + // French
    'der die das und ist sind nicht mit für ein eine auf dem den ' + // German
    'el los las y es son con por para una del que no ' + // Spanish
    'o os as é são com não uma em ' + // Portuguese
    'il lo gli di che è sono per non con'
  ) // Italian
    .split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const HASHTAG = /(?<![\p{L}\p{N}_&])#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu;
const COMPOUND = /(?<![\p{L}\p{N}#-])[\p{L}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)+(?![\p{L}\p{N}-])/gu;

/** Whether a note reads as English: some English function words and fewer of other languages'. */
export function looksEnglish(text: string): boolean {
  let english = 0;
  let other = 0;
  let words = 0;
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    words++;
    if (ENGLISH.has(word)) english++;
    else if (OTHER_LANGUAGES.has(word)) other++;
  }
  // Short notes often have no function word at all ("Pager alerts"): English unless shown otherwise.
  return other === 0 ? english > 0 || words < 6 : english > other;
}

/** The form themes are merged in: no case, accents, hyphens, spaces or other marks. */
export function themeKey(word: string): string {
  return normalize(word).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A spelling as shown: lower case, except words written with several capitals (OKR, API). */
function spelling(written: string): string {
  return (written.match(/\p{Lu}/gu)?.length ?? 0) >= 2 ? written : written.toLowerCase();
}

/** A candidate theme in one note: its key and how it was written there. */
interface Candidate {
  key: string;
  written: string;
  /** For a word not read as a noun: its own key, when it differs from its dictionary form's. */
  alt?: string;
}

const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);

const keep = (c: Candidate) => c.key.length >= 3 && !/^\d+$/.test(c.key) && !STOP_WORDS.has(c.key);

/**
 * The words of one note that may name a theme: `found`, its #hashtags always and, in English text
 * (with a language), its hyphenated compounds (on-call) and nouns in their dictionary form; and
 * `others`, its other words, which count where other notes use them as nouns.
 */
function readNote(text: string, language?: Language): { found: Candidate[]; others: Candidate[] } {
  const found: Candidate[] = [];
  const others: Candidate[] = [];
  for (const [, tag] of text.matchAll(HASHTAG)) found.push({ key: themeKey(tag!), written: spelling(tag!) });
  if (language && looksEnglish(text)) {
    const rest = text.replace(HASHTAG, ' ');
    for (const [compound] of rest.matchAll(COMPOUND))
      found.push({ key: themeKey(compound), written: spelling(compound) });
    const words = language.words(rest.replace(COMPOUND, ' , '));
    words.forEach((w, i) => {
      const prev = words[i - 1];
      const ing = w.pos === 'VERB' && /ing$/i.test(w.word);
      // The light model reads short notes' nouns as verbs: "the deploy", "about hiring".
      const noun =
        w.pos === 'NOUN' ||
        w.pos === 'PROPN' ||
        (ing && (!prev || prev.pos === 'ADP')) ||
        (w.pos === 'VERB' &&
          prev !== undefined &&
          (prev.pos === 'DET' || POSSESSIVES.has(prev.word.toLowerCase())));
      const key = themeKey(ing ? w.word : w.lemma || w.word);
      if (noun) found.push({ key, written: spelling(w.word) });
      else others.push({ key, written: spelling(w.word), alt: themeKey(w.word) });
    });
  }
  return { found: found.filter(keep), others: others.filter(keep) };
}

/** The candidate themes of one note, on its own (see readNote). */
export function candidates(text: string, language?: Language): Candidate[] {
  return readNote(text, language).found;
}

/** Adjacent words written apart ("on call") that other notes write as one theme ("on-call"). */
function spacedForms(text: string, keys: Set<string>): Candidate[] {
  const words = text.split(/\s+/);
  const found: Candidate[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i]!.replace(/^[^\p{L}\p{N}]+/u, '');
    const second = words[i + 1]!.replace(/[^\p{L}\p{N}]+$/u, '');
    // Only two plain words: "on-call" and "call, on" are not "on call".
    if (!/^[\p{L}\p{N}]+$/u.test(first) || !/^[\p{L}\p{N}]+$/u.test(second)) continue;
    const key = themeKey(first + second);
    if (keys.has(key)) found.push({ key, written: spelling(`${first} ${second}`) });
  }
  return found;
}

/** Plural keys folded into their singular when both occur: deploys → deploy, policies → policy. */
function pluralFold(keys: Set<string>): Map<string, string> {
  const fold = new Map<string, string>();
  for (const key of keys) {
    const singular = [
      key.endsWith('ies') ? `${key.slice(0, -3)}y` : undefined,
      key.endsWith('es') ? key.slice(0, -2) : undefined,
      key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : undefined,
    ].find((s) => s !== undefined && s.length >= 3 && keys.has(s));
    if (singular) fold.set(key, singular);
  }
  return fold;
}

/**
 * Each note's themes, merged across spellings, plurals, case and accents (note index → keys),
 * and how each theme was written. A word read as a noun anywhere counts wherever it is written.
 */
export function noteThemes(
  notes: { text: string }[],
  language: Language | undefined,
  names: Set<string>,
): { keys: string[][]; spellings: Map<string, Map<string, number>> } {
  const read = notes.map((n) => readNote(n.text, language));
  const keys = new Set(read.flatMap((r) => r.found.map((c) => c.key)));
  const perNote = read.map((r, i) => {
    const list = [...r.found];
    for (const c of r.others) {
      if (keys.has(c.key)) list.push(c);
      else if (c.alt && keys.has(c.alt)) list.push({ key: c.alt, written: c.written });
    }
    if (!language) return list;
    const spaced = spacedForms(notes[i]!.text, keys);
    if (spaced.length === 0) return list;
    // "on call" is the theme on-call, not "call".
    const parts = new Set(spaced.flatMap((c) => c.written.split(' ').map(themeKey)));
    return [...list.filter((c) => !parts.has(c.key)), ...spaced];
  });
  const fold = pluralFold(keys);
  const spellings = new Map<string, Map<string, number>>();
  const result = perNote.map((list) => {
    const own = new Set<string>();
    for (const c of list) {
      const key = fold.get(c.key) ?? c.key;
      if (names.has(key)) continue; // a person's name is not a theme
      own.add(key);
      const forms = spellings.get(key) ?? new Map<string, number>();
      forms.set(c.written, (forms.get(c.written) ?? 0) + 1);
      spellings.set(key, forms);
    }
    return [...own];
  });
  return { keys: result, spellings };
}

/** The spelling written most often (ties: the first written). */
function mostWritten(forms: Map<string, number>): string {
  let best = '';
  let count = 0;
  for (const [form, n] of forms) {
    if (n > count) {
      best = form;
      count = n;
    }
  }
  return best;
}

/** Words of people's names: "Ana said…" is not a theme. */
function nameWords(people: Person[]): Set<string> {
  const words = new Set<string>();
  for (const p of people)
    for (const w of [p.name, ...p.aliases].join(' ').split(/\s+/)) words.add(themeKey(w));
  words.delete('');
  return words;
}

/** Whether a note reads as a worry: the clause after the last "but" (or however, yet) decides. */
export function isWorry(text: string, language: Language): boolean {
  if (!looksEnglish(text)) return false;
  const clauses = text.split(/\b(?:but|however|yet|though)\b/i);
  const last = clauses.at(-1)!;
  return language.score(last.trim() ? last : text) < 0;
}

/** Voices that raised a theme: each person once, each group conversation once. */
export function voices(mentions: Mention[]): number {
  return new Set(mentions.map((m) => m.personId ?? `group:${m.conversationId}`)).size;
}

/** What the language makes of the period's notes: each note's themes, their spellings, worries. */
export interface NoteReading {
  keys: string[][];
  spellings: Map<string, Map<string, number>>;
  /** Per note: whether it reads as a worry (always false for a group's note or without a language). */
  worries: boolean[];
}

/** The notes a pulse reads, and the words of people's names (no theme): what a reader needs. */
export function pulseNotes(journal: Journal, options: PulseOptions): { notes: HeardNote[]; names: string[] } {
  const scope = new Set(journal.people.filter((p) => inScope(p, options.team, options.tag)).map((p) => p.id));
  return { notes: heardNotes(journal, options, scope), names: [...nameWords(journal.people)] };
}

/** Reads the notes with the language (or hashtags alone): the part `rel pulse` runs off the main thread. */
export function readNotes(
  notes: { text: string; personId: string | null }[],
  names: string[],
  language: Language | undefined,
): NoteReading {
  const { keys, spellings } = noteThemes(notes, language, new Set(names));
  const worries = notes.map(
    (n) => language !== undefined && n.personId !== null && isWorry(n.text, language),
  );
  return { keys, spellings, worries };
}

/**
 * The pulse. `read` is pulseNotes' result and what readNotes made of it, when the caller read the
 * notes itself (`rel pulse`, on a worker thread); otherwise they are read here, with the language.
 */
export function computePulse(
  journal: Journal,
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

/** A theme a person raised that others raised too: for the line in their profile. */
export interface SharedTheme {
  theme: string;
  /** Other people who raised it. */
  others: number;
  /** Group conversations it came up in. */
  groups: number;
}

/** The line in a profile: the themes they share, from the last pulse or from hashtags alone. */
export interface SharedThemes {
  from: 'pulse' | 'hashtags';
  since: IsoDate;
  until: IsoDate;
  themes: SharedTheme[];
}

/** The themes this person raised that other people (or groups) raised too, most shared first. */
export function sharedThemesOf(personId: string, themes: ThemeMentions[], known: Set<string>): SharedTheme[] {
  const shared: SharedTheme[] = [];
  for (const t of themes) {
    const mentions = t.mentions.filter((m) => m.personId === null || known.has(m.personId));
    if (!mentions.some((m) => m.personId === personId)) continue;
    const others = new Set(
      mentions.flatMap((m) => (m.personId && m.personId !== personId ? [m.personId] : [])),
    ).size;
    const groups = new Set(mentions.filter((m) => m.personId === null).map((m) => m.conversationId)).size;
    if (others + groups > 0) shared.push({ theme: t.theme, others, groups });
  }
  return shared.sort((a, b) => b.others + b.groups - (a.others + a.groups) || a.theme.localeCompare(b.theme));
}

/**
 * The stored themes without the people the journal no longer has (a forgotten person) nor the
 * conversations it no longer has; a theme left with fewer than two voices goes.
 */
export function pruneThemes(themes: ThemeMentions[], journal: Journal): ThemeMentions[] {
  const people = new Set(journal.people.map((p) => p.id));
  const conversations = new Set(journal.conversations.map((c) => c.id));
  return themes
    .map((t) => ({
      theme: t.theme,
      mentions: t.mentions.filter(
        (m) => conversations.has(m.conversationId) && (m.personId === null || people.has(m.personId)),
      ),
    }))
    .filter((t) => voices(t.mentions) >= 2);
}
