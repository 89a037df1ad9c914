// Whether a path is the journal or a file rel keeps beside it (paths.ts: backups, undo data,
// restore and upgrade copies, the pulse, a pending forget, drafts, temp files, the lock), or one
// rel keeps for any journal: what a command that writes a file of the user's choosing (rel export
// --out) must never write over.
import fs from 'node:fs';
import path from 'node:path';

/** What `file` is of the journal `target` (its real path): 'journal', 'kept', or undefined for neither. */
export function ownFile(target: string, file: string): 'journal' | 'kept' | undefined {
  const real = realOrPlanned(file);
  const folder = path.dirname(target);
  const name = path.basename(target);
  const isKept = (candidate: string) =>
    path.dirname(candidate) === folder &&
    (path.basename(candidate).startsWith(`.${name}.`) || path.basename(candidate) === `${name}.lock`);
  if (real === target) return 'journal';
  if (isKept(real)) return 'kept';
  // A hard link (or another name for the same file) is the file itself: device and inode say so.
  const stat = statOf(real);
  if (!stat) return undefined;
  const same = (other: string) => {
    const s = statOf(other);
    return s !== undefined && s.dev === stat.dev && s.ino === stat.ino;
  };
  if (same(target)) return 'journal';
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return undefined;
  }
  return entries.some((entry) => isKept(path.join(folder, entry)) && same(path.join(folder, entry)))
    ? 'kept'
    : undefined;
}

/**
 * The names rel gives the files it keeps beside a journal `.X` (paths.ts, drafts.ts,
 * pending-forget.ts, files.ts for the temp files), whichever journal X is: a backup of another
 * journal in the same folder is as much rel's as one of this journal's.
 */
const KEPT_SUFFIX =
  /^\..+\.(backup-\d+|undo|schema-\d+|before-restore(-\d+)?|pulse|keys|forget|draft-.+|(?:[a-z0-9-]+\.)*?\d+\.[0-9a-f]+\.tmp)$/;

/**
 * Whether `file` is something rel keeps for some journal, not necessarily the one being used:
 * 'beside' one, named as a kept copy (`.k.json.backup-1`) or in a folder so named, or named for
 * a file beside it (`k.json.lock`, `.k.json.anything` beside `k.json`); or 'state', anything in rel's state folder
 * `stateFolder` (the summaries, calendar copies and notices of every journal).
 */
export function keptForAJournal(
  file: string,
  stateFolder: string | undefined,
): 'beside' | 'state' | undefined {
  const real = realOrPlanned(file);
  const name = path.basename(real);
  const folder = path.dirname(real);
  // A folder of that name too (the CSV tables' folder, a draft's): a backup could not take its place.
  if (KEPT_SUFFIX.test(name) || KEPT_SUFFIX.test(path.basename(folder))) return 'beside';
  if (name.endsWith('.lock') && isFileIn(folder, name.slice(0, -'.lock'.length))) return 'beside';
  // `.k.json.<anything>` beside k.json, as ownFile takes any `.journal.json.` name for the journal's.
  const parts = name.split('.');
  for (let end = 2; end < parts.length; end++)
    if (parts[0] === '' && isFileIn(folder, parts.slice(1, end).join('.'))) return 'beside';
  if (stateFolder !== undefined && isInFolder(file, stateFolder)) return 'state';
  return undefined;
}

/** Whether `file` is (or would be) inside `folder`, at any depth, whichever links lead to either. */
export function isInFolder(file: string, folder: string): boolean {
  return realOrPlanned(file).startsWith(`${realOrPlanned(folder)}${path.sep}`);
}

function isFileIn(folder: string, name: string): boolean {
  return name !== '' && statOf(path.join(folder, name))?.isFile() === true;
}

/** The real path of a file, or for one not there yet, its folder's real path and its name. */
function realOrPlanned(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
