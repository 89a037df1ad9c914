import type { IsoDate } from '../../core/dates.js';
import type { TodoItem } from '../../core/followups.js';
import { displaySafe, plural } from '../../core/text.js';
import { type DateTexts, dateTexts } from '../date-texts.js';
import type { Theme } from '../theme.js';
import { renderTable } from './table.js';

/** "overdue · was due 6 Nov", "due in 3 days · 30 Nov"; each date's texts made once a table. */
export function dueLabel(item: TodoItem, dates: DateTexts): string {
  if (!item.due) return '';
  if (item.overdue) return `overdue · was due ${dates.shown(item.due)}`;
  return `due ${dates.ago(item.due)} · ${dates.shown(item.due)}`;
}

export function renderTodo(
  items: TodoItem[],
  today: IsoDate,
  t: Theme,
  width: number,
  person?: string,
  owner?: 'me' | 'them',
): string {
  const scope = person ? ` with ${displaySafe(person)}` : '';
  if (items.length === 0) {
    // --theirs or --mine: none of those is not none at all, and the hint adds one of that side.
    if (owner === 'them')
      return `No open follow-ups of theirs${scope}. Add one they promised with: rel todo add <name> "What they promised" --theirs`;
    const whose = owner === 'me' ? ' of yours' : '';
    return `No open follow-ups${whose}${scope}. Add one with: rel todo add <name> "What you promised" --due friday`;
  }
  const overdue = items.filter((i) => i.overdue).length;
  const summary = `${plural(items.length, 'open follow-up')}${scope}${overdue ? `, ${overdue} overdue` : ''}`;
  const dates = dateTexts(today);
  const table = renderTable(
    items,
    [
      // The id goes first in a narrow terminal: rel done takes words of the follow-up too.
      { header: 'Id', value: (i) => i.id, style: (s) => t.dim(s), whole: true, drop: 1 },
      {
        header: 'Follow-up',
        value: (i) => `${i.owner === 'them' ? 'They: ' : ''}${displaySafe(i.text)}`,
        flex: true,
        min: 12,
      },
      { header: 'With', value: (i) => displaySafe(i.people.join(', ')), whole: true },
      { header: 'Due', value: (i) => dueLabel(i, dates), style: (s, i) => (i.overdue ? t.warn(s) : s) },
    ],
    width,
    t.dim,
  );
  return `${t.heading(summary)}\n\n${table}\n\n${t.dim('Close one with: rel done <id or words>')}`;
}
