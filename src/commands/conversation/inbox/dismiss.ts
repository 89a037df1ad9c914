// rel inbox dismiss and restore: a meeting (or its series) hidden from the inbox for good, kept
// in the journal's dismissals, and brought back.
import { type Context, openStore, today } from '../../../context.js';
import { findRow, type InboxRow } from '../../../core/inbox.js';
import type { Dismissal, Journal } from '../../../core/journal.js';
import { displaySafe } from '../../../core/text.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import type { Store } from '../../../store/store.js';
import { showDate } from '../../../ui/display.js';
import { theme } from '../../../ui/theme.js';
import { ID_DAYS, loadInbox, pick, type SourceOptions } from './sources.js';

export interface DismissOptions extends SourceOptions {
  series?: boolean;
}

export function dismissalKey(d: Dismissal): string {
  return d.eventId ?? d.seriesId ?? d.id;
}

export async function dismiss(ctx: Context, id: string, options: DismissOptions): Promise<void> {
  const loaded = await loadInbox(ctx, options, ID_DAYS);
  const { inbox } = loaded;
  const already = findRow(inbox.dismissed, id);
  if (already && already !== 'ambiguous') {
    throw new UsageError(
      `"${displaySafe(already.title)}" (${already.id}) is already dismissed.`,
      'rel inbox --dismissed lists what is; rel inbox restore <id> brings one back.',
    );
  }
  const row = pick(inbox.rows, id, loaded, ctx);
  await saveDismissal(ctx, loaded.store, row, options.series === true);
}

/** A dismissal of the meeting (or of its whole series) written to the journal, and said. */
export async function saveDismissal(
  ctx: Context,
  store: Store,
  row: InboxRow,
  series: boolean,
): Promise<void> {
  const record: Dismissal = {
    id: newId(),
    ...(series ? { seriesId: row.seriesId, fromEventId: row.id } : { eventId: row.id }),
    title: row.title,
    start: row.start,
    createdAt: ctx.io.now.toISOString(),
  };
  await store.update(
    (journal) => {
      journal.dismissals = [...(journal.dismissals ?? []), record];
    },
    { summary: () => `dismissed ${series ? 'every ' : ''}"${row.title}" from the inbox` },
  );
  const t = theme(ctx.io);
  const what = series
    ? `every "${displaySafe(row.title)}"`
    : `"${displaySafe(row.title)}" of ${showDate(row.date, today(ctx))}`;
  ctx.io.out(`${t.good('Dismissed')} ${what}. Bring it back with: rel inbox restore ${dismissalKey(record)}`);
}

export async function restore(ctx: Context, typed: string): Promise<void> {
  const store = await openStore(ctx);
  const keyOf = (journal: Journal) => {
    // A dismissal is restored by its key or, for a series, by the meeting's id it was dismissed by.
    const keys = new Map<string, string>();
    for (const d of journal.dismissals ?? []) {
      keys.set(dismissalKey(d), dismissalKey(d));
      if (d.seriesId && d.fromEventId && !keys.has(d.fromEventId)) keys.set(d.fromEventId, dismissalKey(d));
    }
    const found = findRow(
      [...keys].map(([id, key]) => ({ id, key })),
      typed,
    );
    if (found === 'ambiguous')
      throw new UsageError(`"${displaySafe(typed)}" fits several dismissals.`, 'Give more of the id.');
    if (!found) {
      throw new NotFoundError(
        `Nothing dismissed has the id "${displaySafe(typed)}".`,
        'rel inbox --dismissed lists what is dismissed, with the ids to restore.',
      );
    }
    return found.key;
  };
  keyOf(await store.read());
  const restored = await store.update(
    (journal) => {
      const key = keyOf(journal);
      // The same meeting dismissed on two machines is two records; restoring takes both.
      const gone = (journal.dismissals ?? []).filter((d) => dismissalKey(d) === key);
      journal.dismissals = (journal.dismissals ?? []).filter((d) => dismissalKey(d) !== key);
      return gone[0]!;
    },
    { summary: (d) => `restored "${d.title}" to the inbox` },
  );
  const t = theme(ctx.io);
  ctx.io.out(
    `${t.good('Restored')} ${restored.seriesId ? 'every ' : ''}"${displaySafe(restored.title)}": rel inbox lists it again.`,
  );
}
