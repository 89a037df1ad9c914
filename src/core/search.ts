// rel search: every place a text can hide (names, notes, listening notes, ambitions, skills,
// personal notes, follow-ups), matched ignoring case and accents.
import { type IsoDate, localDay } from './dates.js';
import type { Journal } from './journal.js';

export type SearchField = 'name' | 'note' | 'heard' | 'ambition' | 'skill' | 'personalNote' | 'followUp';

export interface SearchHit {
  personId: string;
  person: string;
  field: SearchField;
  /** The day the text was written or heard; null for a name. */
  date: IsoDate | null;
  text: string;
  /** Where each typed word was found in `text`: [start, end) in UTF-16 units, for highlighting. */
  matches: [number, number][];
  /** The conversation, ambition, skill, note or follow-up it came from; the person's id for a name. */
  id: string;
}

/** One character folded for comparison: no accents, no case. Several output chars are possible (ß). */
function fold(char: string): string {
  return char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
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

export function searchTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => [...t].map(fold).join(''));
}

/** Where every term occurs in the text (first occurrence each), or null when one is missing. */
export function findTerms(text: string, terms: string[]): [number, number][] | null {
  const { folded: haystack, origin } = folded(text);
  const spans: [number, number][] = [];
  for (const term of terms) {
    const at = haystack.indexOf(term);
    if (at < 0) return null;
    spans.push([origin[at]!, origin[at + term.length]!]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

export function search(journal: Journal, query: string): SearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const hits: SearchHit[] = [];
  const consider = (hit: Omit<SearchHit, 'matches' | 'person'>) => {
    const matches = findTerms(hit.text, terms);
    if (matches) hits.push({ ...hit, person: names.get(hit.personId) ?? hit.personId, matches });
  };
  for (const p of journal.people) {
    for (const name of [p.name, ...p.aliases]) {
      const before = hits.length;
      consider({ personId: p.id, field: 'name', date: null, text: name, id: p.id });
      if (hits.length > before) break; // one name hit per person is enough
    }
    for (const a of p.ambitions)
      consider({ personId: p.id, field: 'ambition', date: a.addedOn, text: a.text, id: a.id });
    for (const s of p.skills)
      consider({ personId: p.id, field: 'skill', date: s.addedOn, text: s.text, id: s.id });
    for (const n of p.notes)
      consider({ personId: p.id, field: 'personalNote', date: n.addedOn, text: n.text, id: n.id });
  }
  for (const c of journal.conversations) {
    // A conversation with several people is one hit, under the first of them.
    const personId = c.with[0]!;
    if (c.note) consider({ personId, field: 'note', date: c.date, text: c.note, id: c.id });
    for (const h of c.heard) consider({ personId, field: 'heard', date: c.date, text: h, id: c.id });
  }
  for (const f of journal.followUps) {
    consider({
      personId: f.personId,
      field: 'followUp',
      date: f.due ?? localDay(f.createdAt),
      text: f.text,
      id: f.id,
    });
  }
  // Names first, then newest first.
  return hits.sort(
    (a, b) =>
      Number(b.field === 'name') - Number(a.field === 'name') ||
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.person.localeCompare(b.person),
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
