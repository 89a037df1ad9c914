import type { WhoField, WhoHit } from '../../core/growth.js';
import { displaySafe, plural } from '../../core/text.js';
import type { Theme } from '../theme.js';
import { highlighted } from './search.js';
import { wrap } from './table.js';

const FIELD_LABELS: Record<WhoField, string> = {
  skill: 'skill',
  ambition: 'ambition',
  personalNote: 'personal note',
};

/** One person a line: "Tom O'Brien · skill: graphic design · ambition: work in design full-time". */
export function renderWho(hits: WhoHit[], query: string, archived: number, t: Theme, width: number): string {
  const asked = `"${displaySafe(query)}"`;
  const more = archived
    ? `\n${t.dim(`${plural(archived, 'archived person', 'archived people')} too: rel who ${displaySafe(query)} --all`)}`
    : '';
  if (hits.length === 0) {
    return `No one's skills, ambitions or personal notes hold ${asked}.${more || `\n${t.dim(`To record a talent: rel skill <name> "Graphic design"`)}`}`;
  }
  const lines: string[] = [];
  for (const hit of hits) {
    const parts = hit.matches.map((m) => `${FIELD_LABELS[m.field]}: ${highlighted(m.text, m.spans, t)}`);
    lines.push(...wrap([t.bold(displaySafe(hit.name)), ...parts].join(' · '), width, '    ', ''));
  }
  return lines.join('\n') + more;
}
