// A forget in progress: `.journal.json.forget` names who is being forgotten (encrypted like the
// journal) from before the journal is rewritten until every copy rel keeps is scrubbed. A rel
// killed in between leaves it, and the next rel that opens the journal finishes the forget
// before anything else, so that no backup, undo step or restore can bring the person back.
import fs from 'node:fs';
import path from 'node:path';
import { readStoreFile, writeStoreFile } from './files.js';
import type { Decode, Encode } from './history.js';

export const pendingForgetPath = (target: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.forget`);

export function hasPendingForget(target: string): boolean {
  return fs.existsSync(pendingForgetPath(target));
}

export function recordPendingForget(target: string, ids: string[], encode: Encode): void {
  writeStoreFile(pendingForgetPath(target), encode(`${JSON.stringify({ version: 1, forget: ids })}\n`));
}

/** The ids being forgotten; none when the record is unreadable (then there is nothing to replay). */
export async function readPendingForget(target: string, decode: Decode): Promise<string[]> {
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

export function clearPendingForget(target: string): void {
  fs.rmSync(pendingForgetPath(target), { force: true });
}
