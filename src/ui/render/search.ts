import type { IsoDate } from '../../core/dates.js';
import { type SearchHit, snippet } from '../../core/search.js';
import { displaySafe, plural } from '../../core/text.js';
import { showDate } from '../display.js';
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
