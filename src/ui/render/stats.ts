import { daysBetween, monthName } from '../../core/dates.js';
import { describeCadence } from '../../core/periods.js';
import type { Stats, TimeRow } from '../../core/stats.js';
import { displaySafe, plural } from '../../core/text.js';
import { showDate, showKind } from '../display.js';
import type { Theme } from '../theme.js';
import { visibleWidth } from '../wrap.js';
import { type BarRow, barChart, columnChart, meter } from './chart.js';
import { type Listable, noOneListed } from './no-one.js';
import { wrap } from './table.js';

/** People listed by time; the rest are summed up in one line. */
const TOP_PEOPLE = 10;

export function hoursText(minutes: number): string {
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours}h ${String(rest).padStart(2, '0')}m` : `${hours}h`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function timeRows(rows: { label: string; row: TimeRow }[]): BarRow[] {
  // Time when it was noted; the number of conversations otherwise (messages have no minutes).
  const byMinutes = rows.some((r) => r.row.minutes > 0);
  return rows.map(({ label, row }) => ({
    label,
    value: byMinutes ? row.minutes : row.conversations,
    text: `${byMinutes ? `${hoursText(row.minutes)} · ` : ''}${row.conversations}`,
  }));
}

/** Parts joined with " · ", starting a new line where the next part would not fit. */
function joinFitting(parts: string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && visibleWidth(`${last} · ${part}`) <= width)
      lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  return lines;
}

function periodText(stats: Stats): string {
  const days = daysBetween(stats.since, stats.until) + 1;
  const span = days % 7 === 0 ? plural(days / 7, 'week') : plural(days, 'day');
  return `${span} · ${showDate(stats.since, stats.until)} – ${showDate(stats.until, stats.until)}`;
}

/**
 * `width` lays out the charts and meters; `proseWidth` wraps the sentences and lists (no limit into
 * a pipe, so that grep finds a line whole).
 */
export function renderStats(
  stats: Stats,
  t: Theme,
  width: number,
  proseWidth = width,
  everyone?: Listable,
): string {
  // Everyone there archived: a journal with people, whose list is empty.
  const allArchived = !stats.tag && everyone && noOneListed(everyone);
  if (allArchived)
    return [t.heading('Your relationships'), '', ...wrap(allArchived, proseWidth, '')].join('\n');
  // A journal with no one in it: no span nor zero counts to report, only how to begin.
  if (stats.people === 0 && !stats.tag) {
    return [
      t.heading('Your relationships'),
      '',
      'Your journal has no one in it yet. Add someone with rel add "Name", or explore a sample: rel demo --store /tmp/rel-demo.json',
    ].join('\n');
  }
  const scope = stats.tag ? ` tagged ${displaySafe(stats.tag)}` : '';
  const lines: string[] = [
    t.heading('Your relationships'),
    ...joinFitting(
      [
        periodText(stats),
        `${plural(stats.people, 'person', 'people')}${scope}`,
        plural(stats.conversations, 'conversation'),
        `${hoursText(stats.minutes)} in all`,
      ],
      proseWidth,
    ),
  ];
  if (stats.people === 0 && stats.tag) {
    lines.push('', `No one is tagged ${displaySafe(stats.tag)}. See the tags in use with: rel people`);
    return lines.join('\n');
  }
  const section = (title: string, body: string[]) => {
    if (body.length) lines.push('', ...wrap(title, proseWidth, '').map((l) => t.heading(l)), ...body);
  };

  const meterWidth = Math.max(5, Math.min(24, width - 60));
  const gauge = (share: number, text: string) =>
    wrap(
      `${percent(share)} ${text}`,
      proseWidth,
      ' '.repeat(meterWidth + 3),
      `  ${meter(share, meterWidth)} `,
    );
  section('At a glance', [
    ...gauge(
      stats.coverage.share,
      `had time together within their cadence (${stats.coverage.count} of ${stats.coverage.of})`,
    ),
    ...gauge(
      stats.listening.share,
      `of conversations with listening notes (${stats.listening.count} of ${stats.listening.of})`,
    ),
  ]);

  const weekColumns = stats.weekly.map((w, i) => {
    const month = monthName(w.start);
    const previous = i > 0 ? monthName(stats.weekly[i - 1]!.start) : '';
    return { value: w.conversations, label: month !== previous ? month : '' };
  });
  const chart = columnChart(weekColumns, width - 2);
  const busiest = stats.weekly.reduce(
    (a, b) => (b.conversations > a.conversations ? b : a),
    stats.weekly[0]!,
  );
  const average = stats.conversations / Math.max(1, stats.weekly.length);
  section(`Conversations per ${chart.perColumn === 1 ? 'week' : `${chart.perColumn} weeks`}`, [
    ...chart.lines.map((l) => `  ${l}`),
    ...wrap(
      `${average.toFixed(1)} a week on average; busiest: week of ${showDate(busiest.start, stats.until)} (${busiest.conversations})`,
      proseWidth,
      '  ',
    ),
  ]);

  const byClass = stats.minutesByClass;
  section('Time by kind of contact', [
    ...wrap(
      [
        `alone ${hoursText(byClass.alone)}`,
        `small groups ${hoursText(byClass.smallGroup)}`,
        `groups ${hoursText(byClass.group)}`,
        `written ${hoursText(byClass.written)}`,
      ].join(' · '),
      proseWidth,
      '  ',
    ),
  ]);

  const people = stats.perPerson.slice(0, TOP_PEOPLE);
  const others = stats.perPerson.slice(TOP_PEOPLE);
  section('Time together, by person (hours · conversations)', [
    ...barChart(timeRows(people.map((row) => ({ label: displaySafe(row.name), row }))), width),
    ...(others.length
      ? [
          `  … and ${plural(others.length, 'more person', 'more people')}, ${hoursText(others.reduce((s, r) => s + r.minutes, 0))}`,
        ]
      : []),
  ]);
  const grouped = (rows: TimeRow[], none: string) =>
    barChart(timeRows(rows.map((row) => ({ label: row.key ? displaySafe(row.key) : none, row }))), width);
  section('By team', grouped(stats.perTeam, '(no team)'));
  section('By relationship', grouped(stats.perRelationship, '(not set)'));
  section(
    'By kind of conversation',
    grouped(
      stats.perKind.map((row) => ({ ...row, key: showKind(row.key) })),
      '(none)',
    ),
  );

  section(
    'Longest gaps',
    stats.longestGaps.flatMap((g) => {
      const what =
        g.from === null
          ? // No time together yet: they may have met in a group or written, which is no gap's end.
            `${plural(g.days, 'day')}, no time together since added ${showDate(g.addedOn ?? stats.until, stats.until)}`
          : g.to === null
            ? `${plural(g.days, 'day')} and counting, since ${showDate(g.from, stats.until)}`
            : `${plural(g.days, 'day')}, ${showDate(g.from, stats.until)} – ${showDate(g.to, stats.until)}`;
      return wrap(
        `${displaySafe(g.name)}: ${what} (${describeCadence(g.cadenceDays)})`,
        proseWidth,
        '    ',
        '  ',
      );
    }),
  );
  section(
    'Drifting apart (each gap longer than the one before)',
    stats.drifting.flatMap((d) =>
      wrap(
        `${displaySafe(d.name)}: ${d.gaps.join(' → ')} days${d.open ? ' and counting' : ''} (${describeCadence(d.cadenceDays)})`,
        proseWidth,
        '    ',
        '  ',
      ),
    ),
  );
  if (stats.drifting.length) {
    lines.push(
      '',
      ...wrap('A catch-up soon turns a drift around: rel due --within 1w', proseWidth, '').map((l) =>
        t.dim(l),
      ),
    );
  }
  section(
    'Appreciation given, by person',
    stats.appreciation.flatMap((a) =>
      wrap(
        `${displaySafe(a.name)}: ${plural(a.count, 'time')}, last ${showDate(a.last, stats.until)}`,
        proseWidth,
        '    ',
        '  ',
      ),
    ),
  );
  return lines.join('\n');
}
