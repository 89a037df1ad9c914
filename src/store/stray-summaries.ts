// The summaries rel keeps in its state folder are named by the journal's path (paths.ts
// stateKey). A journal moved (mv, a sync client), or reached by a second name (a hard link, a
// path given another way), leaves the summaries of its old name behind: the names, follow-ups and
// conversations of that journal in the clear, which no rel would read again (their key names a
// version no file has), and which rel encrypt or rel forget of the journal at its new name would
// not reach. Every write of a journal removes them (adapter.ts), and so does rel doctor.
//
// A summary is another name's copy of this journal when it was made from this very file (its
// version's device and inode are this file's), or when it records a path (rel writes one in each
// summary) whose file is gone or no longer the version it was made from: it can never be used
// again.
// Summaries of other journals that still stand for them are left alone.
import fs from 'node:fs';
import path from 'node:path';
import { fileVersion, headOf, removeDerivedFile } from './files.js';
import { stateKey } from './paths.js';

const SUMMARY_NAME = /^(?:due|stats)-([0-9a-f]{16})\.json$/;
// The version (device, inode, size, times) and the path, both in the summary's first bytes.
const VERSION = /"journal":\{"version":"((\d+):(\d+):[\d:]+)"/;
const PATH = /"path":("(?:[^"\\]|\\.)*")/;
const HEAD_BYTES = 8192;

/**
 * The summaries in `stateFolder` of the journal `target` kept under other names, and those of
 * journals no longer there as they were. `version`: the journal's version (files.ts fileVersion;
 * its device and inode name the file), by default as it is now.
 */
export function straySummaries(stateFolder: string, target: string, version?: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(stateFolder);
  } catch {
    return [];
  }
  const own = stateKey(target);
  const [device, inode] = (version ?? fileVersion(target) ?? '').split(':');
  const strays: string[] = [];
  for (const name of names) {
    const key = SUMMARY_NAME.exec(name)?.[1];
    if (!key || key === own) continue;
    const file = path.join(stateFolder, name);
    const head = headOf(file, HEAD_BYTES).toString('utf8');
    const made = VERSION.exec(head);
    const sameFile = made !== null && inode !== undefined && made[2] === device && made[3] === inode;
    if (sameFile || outlived(head, made)) strays.push(file);
  }
  return strays;
}

/**
 * Removes the stray summaries (see straySummaries); never throws. Returns those removed, and
 * those left because they could not be (a folder or file rel may not change).
 */
export function removeStraySummaries(
  stateFolder: string,
  target: string,
  version?: string,
  /** Told of the strays before they go (former-places.ts keeps where the journal was). */
  before?: (strays: string[]) => void,
): { removed: string[]; left: string[] } {
  const removed: string[] = [];
  const left: string[] = [];
  const strays = straySummaries(stateFolder, target, version);
  if (strays.length) before?.(strays);
  for (const file of strays) (removeDerivedFile(file) ? removed : left).push(file);
  return { removed, left };
}

/**
 * The summary records its journal's path, and the file there (if any) is not the version it was
 * made from: no rel reads it again (due-summary.ts uses a summary only for its very version).
 */
function outlived(head: string, made: RegExpExecArray | null): boolean {
  const recorded = PATH.exec(head)?.[1];
  if (!recorded || !made) return false;
  try {
    const journal = JSON.parse(recorded) as unknown;
    if (typeof journal !== 'string') return false;
    const now = fileVersion(journal);
    // A file that cannot be looked at (a folder not readable now) is given the benefit of the doubt.
    if (now === undefined) return false;
    return now !== made[1];
  } catch {
    return false;
  }
}
