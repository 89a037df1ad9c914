// rel inbox (list): the meetings still to log as a table, or one at a time in a terminal (the
// walk, ./walk.ts), or as JSON; and `--dismissed`, what was hidden.
import { type Context, mayPrompt, openStore, today } from '../../../context.js';
import { localDay } from '../../../core/dates.js';
import type { InboxRow } from '../../../core/inbox.js';
import { displaySafe, plural } from '../../../core/text.js';
import { showDate } from '../../../ui/display.js';
import { printJson } from '../../../ui/json.js';
import { COUNTS, clock, length, renderInbox } from '../../../ui/render/inbox.js';
import { renderTable } from '../../../ui/render/table.js';
import { theme } from '../../../ui/theme.js';
import { dismissalKey, saveDismissal } from './dismiss.js';
import { keepNudge, loadInbox, type SourceOptions } from './sources.js';

export interface ListOptions extends SourceOptions {
  dismissed?: boolean;
  json?: boolean;
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
    ctx.io.print(
      `Nothing to log since ${showDate(since, todayIso)}: every meeting with someone in your journal is logged${inbox.dismissed.length ? ' or dismissed' : ''}.`,
    );
    return;
  }
  if (mayPrompt(ctx)) {
    ctx.io.print(
      t.heading(`${plural(inbox.rows.length, 'meeting')} to log since ${showDate(since, todayIso)}`),
    );
    const { walk } = await import('./walk.js');
    await walk(ctx, loaded.store, inbox.rows, {
      describe: (row) => describeRow(ctx, row),
      dismiss: (row, series) => saveDismissal(ctx, loaded.store, row, series),
    });
    return;
  }
  ctx.io.print(renderInbox(inbox.rows, { since, today: todayIso, width: ctx.io.width, t }));
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
