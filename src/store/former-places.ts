// Where a journal lived before, as far as rel knows: the summaries it keeps for rel due and rel
// stats record the journal's path and its file (device and inode), and a journal moved (mv) or
// reached by another name (a hard link) leaves those of its old name behind (stray-summaries.ts)
// until its next write removes them. rel forget reads them first, for the copies rel kept beside
// the journal there (backups, undo data) still hold the person it forgets.
//
// A summary made from this very file (its device and inode) whose path is gone names a folder
// where this journal was: its copies there are this journal's, and are scrubbed as those beside
// it are. One whose path is this file still is another name for it (a hard link). One made from
// another file, whose path is gone, may be of this journal before a move across disks, or of a
// journal removed since: its copies are only named. A journal never summarized at its old place
// (an encrypted one, or one moved before rel wrote there) leaves no trace rel could follow.
import fs from 'node:fs';
import path from 'node:path';
import { fileVersion, headOf } from './files.js';
import { keptCopies } from './kept.js';
import { stateKey } from './paths.js';

const SUMMARY_NAME = /^(?:due|stats)-([0-9a-f]{16})\.json$/;
const VERSION = /"journal":\{"version":"(\d+):(\d+):[\d:]+"/;
const PATH = /"path":("(?:[^"\\]|\\.)*")/;
const HEAD_BYTES = 8192;

export interface FormerPlaces {
  /** Paths this very journal had, now gone: what rel kept beside them is this journal's. */
  moved: string[];
  /** Other names of this journal's file that still stand (hard links). */
  otherNames: string[];
  /** Paths, now gone, of journals that may have been this one: with the copies still beside them. */
  maybe: { place: string; copies: string[] }[];
}

/** What the summaries in `stateFolder` tell of where `target` (as it is now) lived before. */
export function formerPlaces(stateFolder: string | undefined, target: string): FormerPlaces {
  const found: FormerPlaces = { moved: [], otherNames: [], maybe: [] };
  if (!stateFolder) return found;
  let names: string[];
  try {
    names = fs.readdirSync(stateFolder);
  } catch {
    return found;
  }
  const own = stateKey(target);
  const [device, inode] = (fileVersion(target) ?? '').split(':');
  const seen = new Set<string>([target]);
  const maybe: string[] = [];
  for (const name of names.sort()) {
    const key = SUMMARY_NAME.exec(name)?.[1];
    if (!key || key === own) continue;
    const head = headOf(path.join(stateFolder, name), HEAD_BYTES).toString('utf8');
    const made = VERSION.exec(head);
    const place = recordedPath(head);
    if (!made || !place || seen.has(place)) continue;
    const there = fileVersion(place);
    const thisFile = inode !== undefined && made[1] === device && made[2] === inode;
    if (thisFile && there === 'missing') found.moved.push(place);
    else if (thisFile && there?.split(':').slice(0, 2).join(':') === `${device}:${inode}`)
      found.otherNames.push(place);
    else if (there === 'missing') maybe.push(place);
    else continue;
    seen.add(place);
  }
  for (const place of maybe) {
    if (found.moved.includes(place)) continue;
    const copies = keptCopies(place);
    if (copies.length) found.maybe.push({ place, copies });
  }
  return found;
}

function recordedPath(head: string): string | undefined {
  const recorded = PATH.exec(head)?.[1];
  if (!recorded) return undefined;
  try {
    const value = JSON.parse(recorded) as unknown;
    return typeof value === 'string' && path.isAbsolute(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** How many other names (hard links) the journal's file has; 0 when it cannot be looked at. */
export function otherLinks(target: string): number {
  try {
    return Math.max(0, fs.statSync(target).nlink - 1);
  } catch {
    return 0;
  }
}

/** The journal's inode, for finding its other names (find -inum). */
export function inodeOf(target: string): number | undefined {
  try {
    return fs.statSync(target).ino;
  } catch {
    return undefined;
  }
}
