// A write never leaves a record the journal's own check would refuse on the next read. Reads of a
// version rel wrote itself skip that check (codec.ts: the stamp vouches for it), so a record that
// a bug let through (a date "0NaN-NaN-NaN") would be vouched for, every report would fail, and the
// backups would rotate out behind it. A change's records are checked as it is planned; the rest
// of the journal was checked, or written so, before.
import type { Journal } from '../core/journal.js';
import { StoreError } from '../errors.js';
import type { Change } from './changes.js';
import { isJournalShape, isRecordShape } from './shape.js';

const WHAT: Record<string, string> = {
  people: 'a person',
  conversations: 'a conversation',
  followUps: 'a follow-up',
  dismissals: 'a dismissed meeting',
};

/** Refuses (a StoreError, nothing written) a change that leaves a record the journal's check refuses. */
export async function refuseMalformed(
  file: string,
  journal: Journal,
  changes: readonly Change[],
): Promise<void> {
  const ids = new Map<string, Set<string>>();
  let whole = false;
  for (const change of changes) {
    if (change.after === null) continue;
    if (change.id === undefined) whole = true;
    else (ids.get(change.key) ?? ids.set(change.key, new Set()).get(change.key)!).add(change.id);
  }
  const fields = journal as unknown as Record<string, unknown>;
  for (const [key, changed] of ids) {
    const list = fields[key];
    if (!Array.isArray(list)) continue;
    for (const record of list) {
      const id = (record as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || !changed.has(id) || isRecordShape(key, record)) continue;
      const { recordProblem } = await import('./schema.js');
      const problem = recordProblem(key, record);
      if (problem) throw malformed(file, `${WHAT[key] ?? `a record of ${key}`} (${id}) with ${problem}`);
    }
  }
  if (whole && !isJournalShape(journal)) {
    const { schemaProblem } = await import('./schema.js');
    const problem = schemaProblem(journal);
    if (problem) throw malformed(file, problem);
  }
}

function malformed(file: string, what: string): StoreError {
  return new StoreError(
    `rel did not write ${file}: the change would have left ${what}, which the journal cannot hold. Nothing was changed.`,
    'The journal is as it was. This is a fault in rel: please report the command you ran.',
  );
}
