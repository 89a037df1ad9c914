// Whether a path is the journal or a file rel keeps beside it (paths.ts: backups, undo data,
// restore and upgrade copies, the pulse, a pending forget, drafts, temp files, the lock): what a
// command that writes a file of the user's choosing (rel export --out) must never write over.
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
