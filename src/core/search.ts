// rel search: every place a text can hide (names, notes, listening notes, ambitions and their
// steps, skills, personal notes, appreciation given, follow-ups), matched ignoring case, accents
// and a hyphen inside a word.
import { compareIso, type IsoDate, localDay } from './dates.js';
import { stepsOf, thanksOf } from './facts.js';
import type { JournalReading } from './journal.js';
import { compareNames } from './text.js';

export type SearchField =
  | 'name'
  | 'note'
  | 'heard'
  | 'ambition'
  | 'step'
  | 'skill'
  | 'personalNote'
  | 'thanks'
  | 'followUp';

export interface SearchHit {
  personId: string;
  person: string;
  field: SearchField;
  /** The day the text was written or heard; null for a name. */
  date: IsoDate | null;
  text: string;
  /** Where each typed word was found in `text`: [start, end) in UTF-16 units, for highlighting. */
  matches: [number, number][];
  /** The conversation, ambition, step, skill, note, thanks or follow-up it came from; the person's id for a name. */
  id: string;
}

/**
 * Text folded for comparison: no accents, no case, and a Greek final sigma read as σ (lowercasing a
 * whole word writes its last Σ as ς, a character at a time as σ). Folding a whole text gives the
 * same as folding it a character at a time, only much faster. Several output chars are possible.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('ς', 'σ');
}

/** The folded text and, for each folded position, where it came from in the original. */
function folded(text: string): { folded: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = fold(char);
    for (let i = 0; i < f.length; i++) origin.push(index);
    out += f;
    index += char.length;
  }
  origin.push(index);
  return { folded: out, origin };
}

/** A text of ASCII only (one unit per character, so positions in it are positions in the text). */
const NON_ASCII = /[^\0-\x7f]/;

/** The hyphens a folded text can hold: '-' and U+2010 (NFKD makes the non-breaking U+2011 one). */
const HYPHEN = /[-\u2010]/;
/** A letter or digit: a hyphen between two of them is inside a word. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

export function searchTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/**
 * The pattern that finds a folded term: its characters as typed, but that a hyphen inside a word
 * is optional, in the text as in the term: `oncall` finds "on-call", `on-call` finds "oncall" (and
 * "on-call"), while `on-` and `-call` still want their hyphen. Only a single hyphen between two
 * letters or digits counts: a space is never skipped ("upon calling" must not hold `oncall`). The
 * partial read (store/partial.ts) finds candidate lines with this very pattern.
 */
export function termPattern(term: string): string {
  const chars = [...term];
  const word = (i: number) => WORD_CHAR.test(chars[i] ?? '');
  let pattern = '';
  chars.forEach((char, i) => {
    if (innerHyphen(chars, i)) pattern += '[-\u2010]?';
    else {
      if (word(i - 1) && word(i)) pattern += '[-\u2010]?';
      pattern += char.replace(REGEXP_SYNTAX, '\\$&');
    }
  });
  return pattern;
}

/** Whether chars[i] is a hyphen between two letters or digits. */
function innerHyphen(chars: string[], i: number): boolean {
  return HYPHEN.test(chars[i]!) && WORD_CHAR.test(chars[i - 1] ?? '') && WORD_CHAR.test(chars[i + 1] ?? '');
}

/** A term's pattern (termPattern) as found in a folded text, and in ASCII as it is, ignoring case. */
interface Term {
  folded: RegExp;
  anyCase: RegExp;
}

/** Each term made once: rel who asks for the same few terms for every text. */
const compiledTerms = new Map<string, Term>();
function compiled(term: string): Term {
  let made = compiledTerms.get(term);
  if (!made) {
    const pattern = termPattern(term);
    made = { folded: new RegExp(pattern), anyCase: new RegExp(pattern, 'i') };
    compiledTerms.set(term, made);
  }
  return made;
}

/** Where every term occurs in the text (first occurrence each), or null when one is missing. */
export function findTerms(text: string, terms: string[]): [number, number][] | null {
  const spans: [number, number][] = [];
  if (!NON_ASCII.test(text)) {
    // Folding ASCII is lowercasing it, position for position: the pattern ignoring (ASCII) case
    // finds in the text as it is what it would find in the folded text, without a folded copy.
    for (const term of terms) {
      const found = compiled(term).anyCase.exec(text);
      if (!found) return null;
      spans.push([found.index, found.index + found[0].length]);
    }
  } else {
    // Rule the text out at once when it can be; where each character went is worked out after.
    const whole = fold(text);
    if (terms.some((term) => !compiled(term).folded.test(whole))) return null;
    const { folded: haystack, origin } = folded(text);
    for (const term of terms) {
      const found = compiled(term).folded.exec(haystack)!;
      spans.push([origin[found.index]!, origin[found.index + found[0].length]!]);
    }
  }
  return spans.length > 1 ? spans.sort((a, b) => a[0] - b[0]) : spans;
}

export function search(journal: JournalReading, query: string): SearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const hits: SearchHit[] = [];
  const consider = (personId: string, field: SearchField, date: IsoDate | null, text: string, id: string) => {
    const matches = findTerms(text, terms);
    if (!matches) return false;
    hits.push({ personId, field, date, text, id, person: names.get(personId) ?? personId, matches });
    return true;
  };
  for (const p of journal.people) {
    // One name hit per person is enough.
    for (const name of [p.name, ...p.aliases]) if (consider(p.id, 'name', null, name, p.id)) break;
    for (const a of p.ambitions) {
      consider(p.id, 'ambition', a.addedOn, a.text, a.id);
      for (const step of stepsOf(a)) consider(p.id, 'step', step.on, step.text, step.id);
    }
    for (const s of p.skills) consider(p.id, 'skill', s.addedOn, s.text, s.id);
    for (const n of p.notes) consider(p.id, 'personalNote', n.addedOn, n.text, n.id);
    for (const t of thanksOf(p)) consider(p.id, 'thanks', t.on, t.text, t.id);
  }
  for (const c of journal.conversations) {
    // A conversation with several people is one hit, under the first of them; what was heard is
    // under the person it was heard from, or under each person there when heard from the group.
    const personId = c.with[0]!;
    if (c.note) consider(personId, 'note', c.date, c.note, c.id);
    c.heard.forEach((h, i) => {
      const from = c.heardFrom?.[i] ?? null;
      for (const id of from === null ? c.with : [from]) consider(id, 'heard', c.date, h, c.id);
    });
  }
  for (const f of journal.followUps) {
    consider(f.personId, 'followUp', f.due ?? localDay(f.createdAt), f.text, f.id);
  }
  return sortHits(hits);
}

/**
 * Names first, then newest first, then by person (compareNames). Each person's place among the
 * names is found once, so that the sort of thousands of hits compares numbers, not names: names
 * that compare equal share a place, and the sort is stable, so the order is the comparison's.
 */
function sortHits(hits: SearchHit[]): SearchHit[] {
  const names = [...new Set(hits.map((hit) => hit.person))].sort(compareNames);
  const place = new Map<string, number>();
  names.forEach((name, i) => {
    const before = names[i - 1];
    place.set(name, before !== undefined && compareNames(before, name) === 0 ? place.get(before)! : i);
  });
  const keyed = hits.map((hit) => ({
    hit,
    name: hit.field === 'name' ? 1 : 0,
    date: hit.date ?? '',
    place: place.get(hit.person)!,
  }));
  keyed.sort((a, b) => b.name - a.name || compareIso(b.date, a.date) || a.place - b.place);
  return keyed.map((k) => k.hit);
}

/** A window of the text around the first match, at most `width` characters, with ellipses. */
export function snippet(
  text: string,
  matches: [number, number][],
  width: number,
): { text: string; matches: [number, number][] } {
  const flat = text.replace(/\s/g, ' ');
  if (flat.length <= width) return { text: flat, matches };
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  start = Math.max(0, end - width);
  const lead = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  const body = flat.slice(start + (lead ? 1 : 0), end - (tail ? 1 : 0));
  const offset = start + (lead ? 1 : 0) - lead.length;
  const shifted = matches
    .map(([s, e]) => [s - offset, e - offset] as [number, number])
    .filter(([s, e]) => s >= lead.length && e <= lead.length + body.length);
  return { text: lead + body + tail, matches: shifted };
}
