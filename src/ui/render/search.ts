import type { IsoDate } from '../../core/dates.js';
import { type SearchHit, snippet } from '../../core/search.js';
import { displaySafe, plural } from '../../core/text.js';
import { showDate } from '../display.js';
import type { Io } from '../io.js';
import type { Theme } from '../theme.js';

const FIELD_LABELS: Record<SearchHit['field'], string> = {
  name: 'name',
  note: 'note',
  heard: 'heard',
  ambition: 'ambition',
  step: 'step',
  skill: 'skill',
  personalNote: 'personal note',
  thanks: 'thanks',
  followUp: 'follow-up',
};

/** The text with each match marked; every piece made safe for the terminal on its own. */
export function highlighted(text: string, matches: [number, number][], t: Theme): string {
  let out = '';
  let at = 0;
  for (const [start, end] of matches) {
    if (start < at) continue;
    out += displaySafe(text.slice(at, start)) + t.mark(displaySafe(text.slice(start, end)));
    at = end;
  }
  return out + displaySafe(text.slice(at));
}

/** `width` fits each match's snippet: no limit into a pipe (see io.proseWidth), so grep finds it whole. */
export function renderSearch(
  hits: SearchHit[],
  query: string,
  today: IsoDate,
  t: Theme,
  width: number,
): string {
  if (hits.length === 0) return `Nothing found for "${displaySafe(query)}".`;
  const lines = [t.heading(`${plural(hits.length, 'match', 'matches')} for "${displaySafe(query)}"`)];
  for (const hit of hits) {
    const where = [
      displaySafe(hit.person),
      FIELD_LABELS[hit.field],
      hit.date ? showDate(hit.date, today) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const shown = snippet(hit.text, hit.matches, Math.max(20, width - 4));
    lines.push('', `  ${t.bold(where)}`, `    ${highlighted(shown.text, shown.matches, t)}`);
  }
  return lines.join('\n');
}

/** Hits in the JSON a piece is printed in at a time (io.out ends each with a newline). */
const HITS_AT_ONCE = 256;

/** A hit as --json shows it: all its fields but where the words matched, in the order search() makes them. */
function jsonHit({ personId, field, date, text, id, person }: SearchHit) {
  return { personId, field, date, text, id, person };
}

/**
 * `rel search --json`: the hits without their matches, exactly as `printJson` would print them
 * (JSON.stringify(hits, null, 2)). A few hundred hits at a time, each piece the pretty-printed
 * array without its brackets, so that thousands of hits are never one text; each piece's hits
 * copied without their matches, which costs less than JSON.stringify picking the fields from a
 * list of names (its slow path).
 */
export function printSearchJson(io: Io, hits: SearchHit[]): void {
  if (hits.length <= HITS_AT_ONCE) {
    io.out(JSON.stringify(hits.map(jsonHit), null, 2));
    return;
  }
  for (let at = 0; at < hits.length; at += HITS_AT_ONCE) {
    const piece = JSON.stringify(hits.slice(at, at + HITS_AT_ONCE).map(jsonHit), null, 2);
    // "[\n" ... "\n]": the inside, at the indent of the whole array.
    const inside = piece.slice(2, -2);
    const last = at + HITS_AT_ONCE >= hits.length;
    io.out(`${at === 0 ? '[\n' : ''}${inside}${last ? '\n]' : ','}`);
  }
}
