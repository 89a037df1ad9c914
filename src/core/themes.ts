// Themes in listening notes: the words of a note that may name one (#hashtags always; in English
// text, with a language, hyphenated compounds and nouns), merged across spellings, plurals, case
// and accents; and whether a note reads as a worry. Pure: the language (parts of speech and
// sentiment, from libraries) is passed in. What `rel pulse` runs on its worker thread.
import { normalize } from './text.js';

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

// Words that name no theme: time words (with the names of months and days, written out or short:
// "on 6 Dec" is a date), vague nouns, what every note is about anyway, and feelings and hedges:
// "worried about the reorg" is about the reorg, however many people felt it.
const STOP_WORDS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    'hour hours minute minutes fortnight ' +
    'worry worried worries worrying concern concerns concerned anxious anxiety nervous afraid scared fear fears ' +
    'upset unhappy happy glad pleased excited excitement keen frustrated frustration annoyed disappointed ' +
    'sad stressed tired hope hopes hopeful unsure uncertain confused relieved proud ' +
    'maybe perhaps probably possibly likely unlikely somewhat rather quite really pretty fairly ' +
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
  if (other > 0) return english > other;
  // Short or telegraphic notes often have no function word at all ("New baby girl born last
  // week!"): English, unless letters outside the English alphabet hint at another language.
  return english > 0 || words < 6 || /^[a-z]*$/i.test(text.replace(/[^\p{L}]/gu, ''));
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
export function mostWritten(forms: Map<string, number>): string {
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

/** Whether a note reads as a worry: the clause after the last "but" (or however, yet) decides. */
export function isWorry(text: string, language: Language): boolean {
  if (!looksEnglish(text)) return false;
  const clauses = text.split(/\b(?:but|however|yet|though)\b/i);
  const last = clauses.at(-1)!;
  return language.score(last.trim() ? last : text) < 0;
}

/** What the language makes of the period's notes: each note's themes, their spellings, worries. */
export interface NoteReading {
  keys: string[][];
  spellings: Map<string, Map<string, number>>;
  /** Per note: whether it reads as a worry (always false for a group's note or without a language). */
  worries: boolean[];
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
