// The inbox in a terminal: one meeting at a time, oldest first (so the newest is last). Enter
// opens rel log's own capture, prefilled from the calendar (who, when, kind, minutes, size); s
// skips it for now, d dismisses it, n never asks about its series again, q stops. Each answer is
// saved as it is given, so Ctrl+C keeps what was logged before it and loses only the meeting
// being captured. Loaded only when a terminal is there to answer.
import { type Context, today, togetherRules } from '../../../context.js';
import { recordCapture } from '../../../core/capture.js';
import { alreadyDone, type InboxRow } from '../../../core/inbox.js';
import { displaySafe, plural } from '../../../core/text.js';
import { notTogetherBecause } from '../../../core/together.js';
import { CancelError, UsageError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import type { Store } from '../../../store/store.js';
import { showDate } from '../../../ui/display.js';
import type { Key } from '../../../ui/prompts.js';
import { loggedSentence } from '../../../ui/render/log.js';
import { theme } from '../../../ui/theme.js';
import { capture, type LogFlags } from '../log/capture.js';

type Action = 'log' | 'skip' | 'dismiss' | 'never' | 'quit';

export interface WalkHelpers {
  /** The meeting in one line: when, how long, title, who, how it counts. */
  describe: (row: InboxRow) => string;
  /** Dismisses the meeting (or its whole series), in the journal. */
  dismiss: (row: InboxRow, series: boolean) => Promise<void>;
}

interface Tally {
  logged: number;
  skipped: number;
  dismissed: number;
}

function summary(tally: Tally, left: number): string {
  const parts = [`Logged ${tally.logged}`, `skipped ${tally.skipped}`, `dismissed ${tally.dismissed}`];
  return `${parts.join(', ')}${left ? `; ${plural(left, 'meeting')} not looked at` : ''}.`;
}

export async function walk(
  ctx: Context,
  store: Store,
  rows: InboxRow[],
  helpers: WalkHelpers,
): Promise<void> {
  const { askKey } = await ctx.prompts();
  const t = theme(ctx.io);
  const tally: Tally = { logged: 0, skipped: 0, dismissed: 0 };
  const never = new Set<string>();
  // The meetings from `from` on that the walk would still show (n takes a series' later ones).
  const left = (from: number) => rows.slice(from).filter((r) => !never.has(r.seriesId)).length;
  let index = 0;
  for (; index < rows.length; index++) {
    const row = rows[index]!;
    if (never.has(row.seriesId)) continue;
    ctx.io.print(`\n${t.dim(`${index + 1} of ${rows.length}`)}  ${helpers.describe(row)}`);
    const keys: Key<Action>[] = [
      { key: 'enter', label: 'log', value: 'log' },
      { key: 's', label: 'skip', value: 'skip' },
      { key: 'd', label: 'dismiss', value: 'dismiss' },
      ...(row.recurring ? [{ key: 'n', label: 'never this series', value: 'never' } as const] : []),
      { key: 'q', label: 'stop', value: 'quit' },
    ];
    let action: Action | undefined;
    try {
      action = await askKey('Log it?', keys);
      if (action === 'log' && !(await logRow(ctx, store, row))) continue;
    } catch (error) {
      if (!(error instanceof CancelError)) throw error;
      const lost = action === 'log' ? `; "${displaySafe(row.title)}" was not saved` : '';
      throw new CancelError(`Stopped${lost}. ${summary(tally, left(index))}`);
    }
    if (action === 'quit') break;
    if (action === 'log') tally.logged++;
    else if (action === 'skip') tally.skipped++;
    else {
      await helpers.dismiss(row, action === 'never');
      tally.dismissed++;
      if (action === 'never') never.add(row.seriesId);
    }
  }
  ctx.io.print(`\n${summary(tally, left(index))}`);
}

/**
 * rel log's capture, with what the calendar knows already given; then the write, with its event
 * id. False, with nothing saved, when another rel logged or dismissed the meeting meanwhile.
 */
async function logRow(ctx: Context, store: Store, row: InboxRow): Promise<boolean> {
  const journal = await store.read();
  const flags: LogFlags = {
    names: row.people.map((p) => p.id),
    options: {},
    date: row.date,
    minutes: row.minutes ?? undefined,
    kind: row.kind,
    due: null,
    size: row.size,
    interactive: true,
  };
  const captured = await capture(ctx, journal, flags);
  let refused: UsageError | undefined;
  let saved: ReturnType<typeof recordCapture>;
  try {
    saved = await store.update(
      (fresh) => {
        // The capture takes minutes: checked again on the journal read under the write's lock.
        const done = alreadyDone(fresh, row, togetherRules(ctx).writtenKinds);
        if (done) {
          refused = new UsageError(`"${displaySafe(row.title)}" (${row.id}) is already ${done}.`);
          throw refused;
        }
        return recordCapture(fresh, { ...captured, eventId: row.id }, { now: ctx.io.now, newId });
      },
      { summary: () => `logged "${row.title}" of ${row.date} from the calendar` },
    );
  } catch (error) {
    if (refused === undefined || error !== refused) throw error;
    ctx.io.err(`rel: ${refused.message} Nothing was saved.`);
    return false;
  }
  const t = theme(ctx.io);
  const c = saved.conversation;
  const because = notTogetherBecause(c, togetherRules(ctx));
  ctx.io.print(
    `${loggedSentence(
      t,
      c,
      saved.people.map((p) => p.name),
      `on ${showDate(c.date, today(ctx))}`,
    )}.`,
  );
  if (because) ctx.io.print(t.dim(`Seen, not time together (${because}): next check-ins stay as they were.`));
  return true;
}
