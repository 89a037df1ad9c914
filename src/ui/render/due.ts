import type { ComingUpRow } from '../../core/birthdays.js';
import { addDaysTo, dayDate, type IsoDate } from '../../core/dates.js';
import type { CheckIn, LastContact } from '../../core/due.js';
import type { TodoItem } from '../../core/followups.js';
import { describeCadence } from '../../core/periods.js';
import { type DateSection, type DueSummary, summarize } from '../../core/plan.js';
import { displaySafe, plural } from '../../core/text.js';
import { type DateTexts, dateTexts } from '../date-texts.js';
import { showKind, shownDueOn } from '../display.js';
import type { Theme } from '../theme.js';
import { type Listable, noOneListed } from './no-one.js';
import { layoutTable, wrap } from './table.js';

export interface DueView {
  rows: ComingUpRow[];
  today: IsoDate;
  withinDays: number | undefined;
  /** --within as typed, in words ("month", "100 years", "14 days"): periodWords. */
  withinWords?: string | undefined;
  tag: string | undefined;
  peopleCount: number;
  /** Everyone in the journal, archived too: a list with only archived people is not an empty journal. */
  everyone?: Listable;
  next: { name: string; dueOn: IsoDate } | undefined;
  /** Titled sections of the rows (by date or by group); without them, one plain list. */
  sections?: { title: string; rows: ComingUpRow[] }[] | undefined;
  /** Counts over everyone due, when the rows are only the first few of them. */
  summary?: DueSummary | undefined;
  /** How many rows --limit kept, when it left some out. */
  limitedTo?: number | undefined;
  /** Every overdue follow-up, whether or not its person is due a catch-up. */
  overdueFollowUps: TodoItem[];
  /** Each person's last contact, to say when it was later than the last time together. */
  lastContacts?: Map<string, LastContact> | undefined;
}

/**
 * Every overdue follow-up, under the list: they are promises, whoever is due a catch-up. Each says
 * whose, as the profile does: yours to keep, or theirs to chase.
 */
function overdueSection(view: DueView, t: Theme, width: number, dates: DateTexts): string[] {
  if (view.overdueFollowUps.length === 0) return [];
  const items = view.overdueFollowUps.flatMap((f) =>
    wrap(
      `${f.owner === 'me' ? 'You promised' : 'They promised'}: ${displaySafe(f.text)} · ${displaySafe(f.people.join(', '))} · was due ${dates.shown(f.due!)} · ${f.id}`,
      width,
      '    ',
      '  • ',
    ),
  );
  return [
    '',
    t.warn(`Overdue follow-ups (${view.overdueFollowUps.length})`),
    ...items,
    t.dim('Close one with: rel done <id>'),
  ];
}

/** How a later contact that was not time together is named: "seen in a group", "message". */
export function seenAs(contact: Pick<LastContact, 'class' | 'kind'>): string {
  if (contact.class === 'written') return displaySafe(showKind(contact.kind));
  if (contact.class === 'group') return 'seen in a group';
  return contact.class === 'smallGroup' ? 'seen in a small group' : 'seen';
}

/**
 * The last time together, and the last contact when it was later and not together:
 * "3 weeks ago · 6 Nov (seen in a group 20 Nov)".
 */
export function lastSeenText(
  row: Pick<CheckIn, 'lastSeen' | 'lastTogether'>,
  today: IsoDate,
  contact?: LastContact,
  dates = dateTexts(today),
): string {
  const { lastSeen, lastTogether } = row;
  const together = lastTogether
    ? `${dates.since(lastTogether)} · ${dates.shown(lastTogether)}`
    : lastSeen
      ? 'not together yet'
      : 'not yet';
  if (!lastSeen || lastSeen === lastTogether || !contact || contact.together) return together;
  return `${together} (${seenAs(contact)} ${dates.shown(lastSeen)})`;
}

/** How a later contact is named in the short form: "group", "small group", "message". */
function seenAsShort(contact: Pick<LastContact, 'class' | 'kind'>): string {
  if (contact.class === 'group') return 'group';
  return contact.class === 'smallGroup' ? 'small group' : seenAs(contact);
}

/**
 * The same in a narrow terminal, dates only: "6 Nov (group 20 Nov)", "not yet (message 24 Nov)".
 * How long ago it was is in the When column already.
 */
export function lastSeenShort(
  row: Pick<CheckIn, 'lastSeen' | 'lastTogether'>,
  today: IsoDate,
  contact?: LastContact,
  dates = dateTexts(today),
): string {
  const { lastSeen, lastTogether } = row;
  const together = lastTogether ? dates.shown(lastTogether) : 'not yet';
  if (!lastSeen || lastSeen === lastTogether || !contact || contact.together) return together;
  return `${together} (${seenAsShort(contact)} ${dates.shown(lastSeen)})`;
}

export function dueText(row: CheckIn | ComingUpRow, today: IsoDate, dates = dateTexts(today)): string {
  if ('reason' in row && row.reason === 'birthday') {
    return row.overdueDays === 0
      ? 'birthday today'
      : `birthday ${dates.ago(row.dueOn)} · ${dates.shown(row.dueOn)}`;
  }
  // Coming due on a day off: due from the working day before, so counted from that day on every
  // day after it too (the day off itself, and once it has passed), as `rel due` lists it.
  const on = shownDueOn(row);
  const due = on === today ? 'due today' : `due ${dates.ago(on)} · ${dates.shown(on)}`;
  // Listed in a planning window that a snooze ends in: from that day, with what is due by then.
  if ('snoozedUntil' in row && row.snoozedUntil !== undefined && row.snoozedUntil > today) {
    const until = `snoozed until ${dates.shown(row.snoozedUntil)}`;
    return on < row.snoozedUntil ? `${until} (due since ${dates.shown(on)})` : `${due} (${until})`;
  }
  return due;
}

/** `width` lays out the table; `proseWidth` wraps the sentences and bullets (no limit into a pipe). */
export function renderDue(view: DueView, t: Theme, width: number, proseWidth = width): string {
  const { rows, today } = view;
  const dates = dateTexts(today);
  if (rows.length === 0) {
    const allArchived = view.everyone && noOneListed(view.everyone);
    if (allArchived) return wrap(allArchived, proseWidth, '').join('\n');
    if (view.peopleCount === 0) {
      return [
        ...wrap('Your journal has no one in it yet. Add the people you work with:', proseWidth, ''),
        '  rel add "Ana Silva" --role Engineer --cadence 2w',
      ].join('\n');
    }
    const scope = view.tag ? ` tagged ${displaySafe(view.tag)}` : '';
    const lines = [
      `No one${scope} is due a catch-up${view.withinDays ? ' in that window' : ' today'}. Nice work keeping in touch.`,
    ];
    if (view.next && !view.tag) {
      lines.push(
        `Next up: ${displaySafe(view.next.name)}, ${dayDate(view.next.dueOn, today)}. Plan ahead with: rel due --within 2w`,
      );
    }
    return [
      ...lines.flatMap((line) => wrap(line, proseWidth, '')),
      ...overdueSection(view, t, proseWidth, dates),
    ].join('\n');
  }
  const table = layoutTable(
    view.sections ? view.sections.flatMap((section) => section.rows) : rows,
    [
      { header: 'Name', value: (r) => displaySafe(r.name), style: (s) => t.bold(s), whole: true },
      {
        header: 'Last seen',
        value: (r) => lastSeenText(r, today, view.lastContacts?.get(r.id), dates),
        short: (r) => lastSeenShort(r, today, view.lastContacts?.get(r.id), dates),
        drop: 2,
      },
      { header: 'Cadence', value: (r) => describeCadence(r.cadenceDays), drop: 1 },
      {
        header: 'When',
        value: (r) => dueText(r, today, dates),
        style: (s, r) =>
          r.reason === 'birthday'
            ? t.accent(s)
            : r.overdueDays > r.cadenceDays
              ? t.warn(s)
              : r.overdueDays < 0
                ? t.dim(s)
                : s,
      },
    ],
    width,
    t.dim,
  );
  // One table for every section keeps the columns aligned; each section's title goes above its rows,
  // the column headings once, under the first title. A row may take several lines.
  const lines: string[] = [];
  let row = 0;
  for (const section of view.sections ?? [{ title: '', rows }]) {
    if (section.title) lines.push(...(lines.length ? [''] : []), t.heading(section.title));
    if (row === 0) lines.push(table.header);
    lines.push(...table.rows.slice(row, row + section.rows.length));
    row += section.rows.length;
  }
  const counts = view.summary ?? summarize(rows);
  const summary = `${summaryText(counts, view.withinDays, view.withinWords)}${view.limitedTo ? ` · showing ${view.limitedTo}` : ''}`;
  const footer = wrap('Time to catch up. After you do: rel log <name>', proseWidth, '').map((line) =>
    t.dim(line),
  );
  const heading = wrap(summary, proseWidth, '').map((line) => t.heading(line));
  return [...heading, '', ...lines, '', ...footer, ...overdueSection(view, t, proseWidth, dates)].join('\n');
}

/** "7 people due a catch-up · 2 not seen in over twice their cadence · 3 coming due in the next 2 weeks" */
export function summaryText(
  summary: DueSummary,
  withinDays: number | undefined,
  withinWords?: string,
): string {
  const parts = [
    summary.due ? `${plural(summary.due, 'person', 'people')} due a catch-up` : 'No one due today',
  ];
  if (summary.longOverdue) parts.push(`${summary.longOverdue} not seen in over twice their cadence`);
  if (summary.coming)
    parts.push(
      `${summary.coming} coming due in the next ${withinWords ?? (withinDays ? describeWindow(withinDays) : 'days')}`,
    );
  if (summary.birthdays) parts.push(plural(summary.birthdays, 'birthday'));
  return parts.join(' · ');
}

function describeWindow(days: number): string {
  if (days === 1) return 'day';
  if (days % 7 === 0) return days === 7 ? 'week' : `${days / 7} weeks`;
  return `${days} days`;
}

/** A section's title in the planning view. */
export function sectionTitle(section: DateSection, today: IsoDate): string {
  if (section.kind === 'overdue') return 'Overdue';
  if (section.kind === 'today') return `Today · ${dayDate(today)}`;
  if (section.kind === 'day')
    return section.start === addDaysTo(today, 1)
      ? `Tomorrow · ${dayDate(section.start!)}`
      : dayDate(section.start!);
  return section.start! <= today ? 'Later this week' : `Week of ${dayDate(section.start!)}`;
}
