// A note being written in $EDITOR (the long note of an interactive `rel log`) is a plain file for
// as long as the editor is open, even for an encrypted journal: the editor has to read it. It is
// written in a draft folder of its own beside the journal, `.journal.json.draft-<pid>-<random>`
// (0700, the file in it 0600), removed when the editor closes. A rel killed meanwhile leaves the
// folder behind; the pid in its name says whether its owner still runs, so `rel doctor` can name
// the drafts whose owner is gone (with what they hold: size and date) and `rel doctor --fix`
// remove them, and a draft whose owner is alive is never touched.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './files.js';

const prefix = (target: string) => `.${path.basename(target)}.draft-`;

/** The pid that owns a draft folder of this journal, from its name; undefined if it is not one. */
export function draftOwner(target: string, name: string): number | undefined {
  if (!name.startsWith(prefix(target))) return undefined;
  const match = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix(target).length));
  return match ? Number(match[1]) : undefined;
}

/** A new draft folder for this process, beside the journal (whose folder exists). */
export function makeDraftFolder(target: string): string {
  const folder = path.join(
    path.dirname(target),
    `${prefix(target)}${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  fs.mkdirSync(folder, { mode: 0o700 });
  fs.chmodSync(folder, 0o700); // exact, whatever the umask
  return folder;
}

export function removeDraftFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

export interface AbandonedDraft {
  folder: string;
  /** The rel that wrote it, no longer running. */
  pid: number;
  /** What it holds: the bytes of the files in it. */
  bytes: number;
  /** When it was last written. */
  modified: Date;
}

/** Draft folders whose owner is no longer running, with what they hold. */
export function abandonedDrafts(target: string): AbandonedDraft[] {
  const dir = path.dirname(target);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const pid = draftOwner(target, name);
    if (pid === undefined || pid === process.pid || isProcessAlive(pid)) return [];
    const folder = path.join(dir, name);
    const { bytes, modified } = contents(folder);
    return [{ folder, pid, bytes, modified }];
  });
}

/** Removes the drafts whose owner is gone; returns them. */
export function removeAbandonedDrafts(target: string): AbandonedDraft[] {
  const drafts = abandonedDrafts(target);
  for (const draft of drafts) removeDraftFolder(draft.folder);
  return drafts;
}

/** The size of the files in a folder (and its subfolders) and the newest time one was written. */
function contents(folder: string): { bytes: number; modified: Date } {
  let bytes = 0;
  let newest = 0;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
      newest = Math.max(newest, fs.statSync(dir).mtimeMs);
    } catch {
      return;
    }
    for (const entry of entries) {
      const at = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(at);
      else {
        try {
          const stat = fs.statSync(at);
          bytes += stat.size;
          newest = Math.max(newest, stat.mtimeMs);
        } catch {
          // gone meanwhile
        }
      }
    }
  };
  walk(folder);
  return { bytes, modified: new Date(newest) };
}
