// A forget in progress: `.journal.json.forget` names who is being forgotten (encrypted like the
// journal) from before the journal is rewritten until every copy rel keeps is scrubbed. A rel
// killed in between leaves it, and the next rel that opens the journal finishes the forget
// before anything else, so that no backup, undo step or restore can bring the person back.
// It is written only once the journal's lock is held, and removed again when the journal's
// write fails before its rename: a forget that says nothing was saved leaves nothing to finish.
// Besides the ids it holds what the forget found under the lock: the records it changed and the
// versions of the journal before and after it. A rel killed after the journal's rename leaves a
// journal in which there is nothing left to find, and the rel that finishes the forget needs
// them to do all that a forget does: drop the undo steps that concern those records (their
// summaries name the person) and keep the others usable with the journal as forgotten.
import fs from 'node:fs';
import path from 'node:path';
import type { Journal } from '../core/journal.js';
import { type Forgotten, forgetPerson } from '../core/people.js';
import { StoreError } from '../errors.js';
import { type Decode, encodeText } from './codec.js';
import type { Sealing } from './crypto.js';
import {
  FolderNotSynced,
  prepareStoreFile,
  putInPlace,
  readStoreFile,
  syncFolder,
  whatFailed,
} from './files.js';
import type { RewriteReport } from './kept.js';
import { changeSaved } from './stops.js';

export const pendingForgetPath = (target: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.forget`);

export function hasPendingForget(target: string): boolean {
  return fs.existsSync(pendingForgetPath(target));
}

/**
 * What a forget found under the lock, before it wrote the journal: the records it changed there
 * ("key/id", as the undo data names them) and the versions (journalTag) of the journal before
 * and after it.
 */
export interface Planned {
  touched: string[];
  before: string;
  after: string;
  /** Paths this journal had before a move (former-places.ts): the copies kept beside them are scrubbed too. */
  former?: string[];
}

interface PendingRecord {
  version: 1;
  forget: string[];
  /** Absent in a record of an older rel. */
  planned?: Planned;
}

/**
 * A folder fsync that fails once the record took its place does not stop the forget: the
 * journal's own write, in the same folder, syncs that folder again (and warns if it cannot), so
 * failing here would roll back a forget that is on its way for a fault it goes on to repair.
 */
function recordPendingForget(target: string, ids: string[], planned: Planned, sealing: Sealing | null): void {
  const record: PendingRecord = { version: 1, forget: ids, planned };
  const file = pendingForgetPath(target);
  putInPlace(prepareStoreFile(file, encodeText(`${JSON.stringify(record)}\n`, sealing)));
  try {
    syncFolder(path.dirname(file));
  } catch (error) {
    if (!(error instanceof FolderNotSynced)) throw error;
  }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The forget recorded; no ids when the record is unreadable (then there is nothing to replay). */
async function readPendingForget(
  target: string,
  decode: Decode,
): Promise<{ ids: string[]; planned?: Planned }> {
  const file = pendingForgetPath(target);
  const bytes = readStoreFile(file);
  if (!bytes) return { ids: [] };
  try {
    const record = JSON.parse(await decode(file, bytes)) as { forget?: unknown; planned?: Partial<Planned> };
    const ids = strings(record.forget);
    const { touched, before, after, former } = record.planned ?? {};
    if (typeof before !== 'string' || typeof after !== 'string') return { ids };
    return { ids, planned: { touched: strings(touched), before, after, former: strings(former) } };
  } catch {
    return { ids: [] };
  }
}

function clearPendingForget(target: string): void {
  fs.rmSync(pendingForgetPath(target), { force: true });
}

/** What Store.rewriteAll does with the pending record of the forget it writes. */
export interface PendingMarker {
  /** Under the lock, the change planned, before the journal is written: with the journal's key. */
  record(planned: Planned, sealing: Sealing | null): void;
  /** The journal's write failed before its rename: the journal is as it was. */
  clear(): void;
  /** The error to report for `error`, thrown before the journal was rewritten or after. */
  failed(error: unknown, rewritten: boolean): unknown;
}

/**
 * Changes the journal and every copy rel keeps of it through `transform` (Store.rewriteAll); when
 * finishing a forget, with what that forget had planned.
 */
type RewriteAll = (
  transform: (journal: Journal) => void,
  marker?: PendingMarker,
  resumed?: Planned,
) => Promise<RewriteReport>;

/**
 * Forgets people: from the journal and every copy rel keeps, recorded as pending first (under the
 * lock) so that a rel killed half-way is finished by the next one.
 */
export async function forgetEverywhere(
  target: string,
  ids: string[],
  rewriteAll: RewriteAll,
): Promise<{ forgotten: Forgotten; report: RewriteReport }> {
  let forgotten: Forgotten | undefined;
  const marker: PendingMarker = {
    record: (planned, sealing) => recordPendingForget(target, ids, planned, sealing),
    clear: () => clearPendingForget(target),
    failed: (error, rewritten) => (rewritten ? unfinished(error) : error),
  };
  const report = await rewriteAll((journal) => {
    for (const id of ids) {
      const result = forgetPerson(journal, id);
      // The first call is the journal itself; later ones are the kept copies.
      forgotten ??= result;
    }
  }, marker);
  clearPendingForget(target);
  changeSaved(); // nothing left for the next rel
  return { forgotten: forgotten ?? { conversations: 0, sharedKept: 0, followUps: 0, dismissals: 0 }, report };
}

/**
 * Finishes a forget a killed rel left pending, as a whole forget would have done it: the journal
 * and every kept copy rewritten, and the undo steps that concern what it changed dropped.
 */
export async function finishPendingForget(
  target: string,
  decode: Decode,
  rewriteAll: RewriteAll,
): Promise<void> {
  if (!hasPendingForget(target)) return;
  const { ids, planned } = await readPendingForget(target, decode);
  if (ids.length) {
    await rewriteAll(
      (journal) => {
        for (const id of ids) forgetPerson(journal, id);
      },
      undefined,
      planned ?? { touched: ids.map((id) => `people/${id}`), before: '', after: '' },
    );
  }
  clearPendingForget(target);
  changeSaved();
}

/** A forget that failed after the journal was rewritten: saved, and finished by the next rel. */
function unfinished(error: unknown): StoreError {
  return new StoreError(
    `The journal no longer holds them, but not every copy rel keeps could be scrubbed: ${whatFailed(error)}.`,
    'The next rel command finishes the forget (rel doctor --fix, say); free some space first.',
  );
}
