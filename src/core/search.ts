// rel search: every place a text can hide (names, notes, listening notes, ambitions and their
// steps, skills, personal notes, appreciation given, follow-ups), matched ignoring case and accents.
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
function fold(text: string): string {
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

const NON_ASCII = /\P{ASCII}/u;

export function searchTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Where every term occurs in the text (first occurrence each), or null when one is missing. */
export function findTerms(text: string, terms: string[]): [number, number][] | null {
  const spans: [number, number][] = [];
  if (!NON_ASCII.test(text)) {
    // Folding ASCII is lowercasing it, position for position.
    const haystack = text.toLowerCase();
    for (const term of terms) {
      const at = haystack.indexOf(term);
      if (at < 0) return null;
      spans.push([at, at + term.length]);
    }
  } else {
    // Rule the text out at once when it can be; where each character went is worked out after.
    const whole = fold(text);
    if (terms.some((term) => !whole.includes(term))) return null;
    const { folded: haystack, origin } = folded(text);
    for (const term of terms) {
      const at = haystack.indexOf(term);
      if (at < 0) return null;
      spans.push([origin[at]!, origin[at + term.length]!]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
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
  // Names first, then newest first.
  return hits.sort(
    (a, b) =>
      Number(b.field === 'name') - Number(a.field === 'name') ||
      compareIso(b.date ?? '', a.date ?? '') ||
      compareNames(a.person, b.person),
  );
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
