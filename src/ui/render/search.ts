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

/**
 * `rel search --json`: the hits without their matches, exactly as `printJson` would print them
 * (JSON.stringify(hits, null, 2)), written out field by field: thousands of hits are neither
 * copied without their matches nor walked by the generic stringify.
 */
export function printSearchJson(io: Io, hits: SearchHit[]): void {
  if (hits.length === 0) {
    io.out('[]');
    return;
  }
  const q = JSON.stringify;
  let piece = '[\n';
  hits.forEach((hit, i) => {
    // The order of a hit's own fields, as search() makes them.
    piece += `  {\n    "personId": ${q(hit.personId)},\n    "field": ${q(hit.field)},\n    "date": ${q(hit.date)},\n    "text": ${q(hit.text)},\n    "id": ${q(hit.id)},\n    "person": ${q(hit.person)}\n  }${i + 1 < hits.length ? ',' : ''}`;
    if ((i + 1) % HITS_AT_ONCE === 0 && i + 1 < hits.length) {
      io.out(piece);
      piece = '';
    } else piece += '\n';
  });
  io.out(`${piece}]`);
}
