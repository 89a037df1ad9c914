// A forget in progress: `.journal.json.forget` names who is being forgotten (encrypted like the
// journal) from before the journal is rewritten until every copy rel keeps is scrubbed. A rel
// killed in between leaves it, and the next rel that opens the journal finishes the forget
// before anything else, so that no backup, undo step or restore can bring the person back.
import fs from 'node:fs';
import path from 'node:path';
import type { Journal } from '../core/journal.js';
import { type Forgotten, forgetPerson } from '../core/people.js';
import type { Decode, Encode } from './codec.js';
import { readStoreFile, writeStoreFile } from './files.js';
import type { RewriteReport } from './kept.js';

export const pendingForgetPath = (target: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.forget`);

export function hasPendingForget(target: string): boolean {
  return fs.existsSync(pendingForgetPath(target));
}

function recordPendingForget(target: string, ids: string[], encode: Encode): void {
  writeStoreFile(pendingForgetPath(target), encode(`${JSON.stringify({ version: 1, forget: ids })}\n`));
}

/** The ids being forgotten; none when the record is unreadable (then there is nothing to replay). */
async function readPendingForget(target: string, decode: Decode): Promise<string[]> {
  const file = pendingForgetPath(target);
  const bytes = readStoreFile(file);
  if (!bytes) return [];
  try {
    const record = JSON.parse(await decode(file, bytes)) as { forget?: unknown };
    return Array.isArray(record.forget) ? record.forget.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function clearPendingForget(target: string): void {
  fs.rmSync(pendingForgetPath(target), { force: true });
}

/** Changes the journal and every copy rel keeps of it through `transform` (Store.rewriteAll). */
type RewriteAll = (transform: (journal: Journal) => void) => Promise<RewriteReport>;

/**
 * Forgets people: from the journal and every copy rel keeps, recorded as pending first so that a
 * rel killed half-way is finished by the next one.
 */
export async function forgetEverywhere(
  target: string,
  ids: string[],
  encode: Encode,
  rewriteAll: RewriteAll,
): Promise<{ forgotten: Forgotten; report: RewriteReport }> {
  recordPendingForget(target, ids, encode);
  let forgotten: Forgotten | undefined;
  const report = await rewriteAll((journal) => {
    for (const id of ids) {
      const result = forgetPerson(journal, id);
      // The first call is the journal itself; later ones are the kept copies.
      forgotten ??= result;
    }
  });
  clearPendingForget(target);
  return { forgotten: forgotten ?? { conversations: 0, sharedKept: 0, followUps: 0 }, report };
}

/** Finishes a forget a killed rel left pending. */
export async function finishPendingForget(
  target: string,
  decode: Decode,
  rewriteAll: RewriteAll,
): Promise<void> {
  if (!hasPendingForget(target)) return;
  const ids = await readPendingForget(target, decode);
  if (ids.length) {
    await rewriteAll((journal) => {
      for (const id of ids) forgetPerson(journal, id);
    });
  }
  clearPendingForget(target);
}
