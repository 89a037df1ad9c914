// rel inbox (list): the meetings still to log as a table, or one at a time in a terminal (the
// walk, ./walk.ts), or as JSON; and `--dismissed`, what was hidden.
import { type Context, mayPrompt, openStore, today } from '../../../context.js';
import { localDay } from '../../../core/dates.js';
import type { InboxRow } from '../../../core/inbox.js';
import { displaySafe, plural } from '../../../core/text.js';
import { showDate } from '../../../ui/display.js';
import { printJson } from '../../../ui/json.js';
import { renderTable } from '../../../ui/render/table.js';
import { theme } from '../../../ui/theme.js';
import { visibleWidth } from '../../../ui/wrap.js';
import { dismissalKey, saveDismissal } from './dismiss.js';
import { keepNudge, loadInbox, type SourceOptions } from './sources.js';

export interface ListOptions extends SourceOptions {
  dismissed?: boolean;
  json?: boolean;
}

const COUNTS: Record<InboxRow['counts'], string> = {
  alone: 'one-to-one',
  smallGroup: 'small group',
  group: 'group',
};

function clock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function length(minutes: number | null): string {
  if (minutes === null) return 'no length';
  if (minutes < 60) return `${minutes}m`;
  return minutes % 60 ? `${Math.floor(minutes / 60)}h${minutes % 60}m` : `${minutes / 60}h`;
}

/** A meeting in one line, for the walk: when, how long, the title, who, how it would count. */
function describeRow(ctx: Context, r: InboxRow): string {
  const t = theme(ctx.io);
  const who = r.people.map((p) => t.bold(displaySafe(p.name))).join(', ');
  const others = r.unknown.length ? ` and ${plural(r.unknown.length, 'other')}` : '';
  return `${showDate(r.date, today(ctx))} ${clock(r.start)} · ${length(r.minutes)} · ${displaySafe(r.title) || '(no title)'} · with ${who}${others} · ${displaySafe(r.kind)}, ${COUNTS[r.counts]}`;
}

/** The row as `--json` prints it. */
function rowJson(r: InboxRow) {
  return {
    id: r.id,
    start: r.start,
    end: r.end,
    minutes: r.minutes,
    title: r.title,
    people: r.people,
    unknown: r.unknown,
    size: r.size,
    counts: r.counts,
    kind: r.kind,
    date: r.date,
    recurring: r.recurring,
    seriesId: r.seriesId,
    unknownAttendees: r.unknownAttendees,
  };
}

/**
 * Who was there, as the table shows it: up to three people of the journal by name, then how many
 * others ("Ben Okafor, Ana Silva +5"), so that a stand-up of eight is one line, not eight.
 * The walk and --json name everyone.
 */
function withWhom(row: InboxRow): string {
  const names = row.people.map((p) => displaySafe(p.name));
  const shown = names.length > 3 ? names.slice(0, 2) : names;
  const others = names.length - shown.length + row.unknown.length;
  return `${shown.join(', ')}${others ? ` +${others}` : ''}`;
}

export async function list(ctx: Context, options: ListOptions): Promise<void> {
  if (options.dismissed) return listDismissed(ctx, options);
  const loaded = await loadInbox(ctx, options);
  await keepNudge(ctx, loaded);
  const { inbox, since } = loaded;
  if (options.json) {
    printJson(ctx.io, inbox.rows.map(rowJson));
    return;
  }
  const t = theme(ctx.io);
  const todayIso = today(ctx);
  if (!inbox.rows.length) {
    ctx.io.out(
      `Nothing to log since ${showDate(since, todayIso)}: every meeting with someone in your journal is logged${inbox.dismissed.length ? ' or dismissed' : ''}.`,
    );
    return;
  }
  if (mayPrompt(ctx)) {
    ctx.io.out(
      t.heading(`${plural(inbox.rows.length, 'meeting')} to log since ${showDate(since, todayIso)}`),
    );
    const { walk } = await import('./walk.js');
    await walk(ctx, loaded.store, inbox.rows, {
      describe: (row) => describeRow(ctx, row),
      dismiss: (row, series) => saveDismissal(ctx, loaded.store, row, series),
    });
    return;
  }
  const table = renderTable(
    inbox.rows,
    [
      // The id is what `rel inbox log` is given: never wrapped; narrow terminals lose the
      // length, how it counts and the kind first.
      { header: 'Id', value: (r) => r.id, style: (s) => t.dim(s), whole: true },
      { header: 'When', value: (r) => `${showDate(r.date, todayIso)} ${clock(r.start)}` },
      { header: 'Length', value: (r) => length(r.minutes), align: 'right', drop: 1 },
      // The title narrows first, to 20 characters; "With" keeps each name on one line.
      {
        header: 'Title',
        value: (r) => displaySafe(r.title) || '(no title)',
        flex: true,
        min: 20,
        shrinkOrder: 1,
      },
      {
        header: 'With',
        value: withWhom,
        flex: true,
        min: Math.max(
          0,
          ...inbox.rows.flatMap((r) => r.people.map((p) => visibleWidth(displaySafe(p.name)) + 1)),
        ),
        shrinkOrder: 2,
      },
      { header: 'Kind', value: (r) => displaySafe(r.kind), drop: 3 },
      { header: 'Counts as', value: (r) => COUNTS[r.counts], drop: 2 },
    ],
    ctx.io.width,
    t.dim,
  );
  const lines = [
    t.heading(`${plural(inbox.rows.length, 'meeting')} to log since ${showDate(since, todayIso)}`),
    table,
  ];
  const strangers = new Map<string, { name: string | null; email: string | null; count: number }>();
  for (const row of inbox.rows) {
    for (const a of row.unknownAttendees) {
      const key = (a.email ?? a.name ?? '').toLowerCase();
      const seen = strangers.get(key);
      if (seen) seen.count++;
      else strangers.set(key, { ...a, count: 1 });
    }
  }
  if (strangers.size) {
    lines.push('', t.heading('Not in your journal'));
    for (const s of [...strangers.values()].sort((a, b) => b.count - a.count)) {
      const who =
        s.name && s.email && s.name !== s.email ? `${s.name} <${s.email}>` : (s.name ?? s.email ?? '');
      lines.push(`  ${displaySafe(who)}${s.count > 1 ? t.dim(` (${s.count} meetings)`) : ''}`);
    }
    lines.push(t.dim('  Add someone: rel add "Name" --email address'));
  }
  lines.push(
    '',
    t.dim('Log one: rel inbox log <id> [--note …]   Log all: rel inbox log --all'),
    t.dim('Hide one: rel inbox dismiss <id>   Hide a series: rel inbox dismiss <id> --series'),
  );
  ctx.io.out(lines.join('\n'));
}

async function listDismissed(ctx: Context, options: ListOptions): Promise<void> {
  const journal = await (await openStore(ctx)).read();
  const dismissals = [...(journal.dismissals ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const rows = dismissals.map((d) => ({
    id: dismissalKey(d),
    series: d.seriesId !== undefined,
    start: d.start,
    title: d.title,
    dismissedAt: d.createdAt,
  }));
  if (options.json) {
    printJson(ctx.io, rows);
    return;
  }
  if (!rows.length) {
    ctx.io.out('Nothing is dismissed.');
    return;
  }
  const t = theme(ctx.io);
  const todayIso = today(ctx);
  const table = renderTable(
    rows,
    [
      { header: 'Id', value: (r) => r.id, style: (s) => t.dim(s) },
      { header: 'What', value: (r) => (r.series ? 'every occurrence' : 'one meeting') },
      {
        header: 'When',
        value: (r) => `${r.series ? 'from ' : ''}${showDate(localDay(r.start), todayIso)} ${clock(r.start)}`,
      },
      { header: 'Title', value: (r) => displaySafe(r.title) || '(no title)', flex: true, min: 10 },
    ],
    ctx.io.width,
    t.dim,
  );
  ctx.io.out(`${table}\n\n${t.dim('Bring one back: rel inbox restore <id>')}`);
}
