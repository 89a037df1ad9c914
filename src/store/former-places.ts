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
import { fileVersion, headOf, keepDerivedFile, removeDerivedFile } from './files.js';
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

/** The path and file (device:inode) a summary records, from its first bytes. */
function summaryHead(file: string): { place: string; madeFrom: string } | undefined {
  const head = headOf(file, HEAD_BYTES).toString('utf8');
  const made = VERSION.exec(head);
  const place = recordedPath(head);
  return made && place ? { place, madeFrom: `${made[1]}:${made[2]}` } : undefined;
}

const fileOf = (version: string | undefined) => version?.split(':').slice(0, 2).join(':');

/**
 * Where rel recorded, at earlier writes, that this journal was before (placesPath): the
 * summaries that told of it are gone by then, removed by those writes.
 */
function recordedPlaces(stateFolder: string, target: string): string[] {
  try {
    const record = JSON.parse(fs.readFileSync(placesPath(stateFolder, target), 'utf8')) as {
      path?: unknown;
      former?: unknown;
    };
    if (record.path !== target || !Array.isArray(record.former)) return [];
    return record.former.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p));
  } catch {
    return [];
  }
}

/** `$XDG_STATE_HOME/rel/places-<journal>.json`: the paths the journal had before (no names, no content). */
export function placesPath(stateFolder: string, target: string): string {
  return path.join(stateFolder, `places-${stateKey(target)}.json`);
}

/**
 * Keeps, before a write removes them (adapter.ts), what the stray summaries `files` tell of the
 * paths this journal had before (made from its very file, `version`, at a path now gone), with
 * what was recorded for those paths in turn; never throws: a record not kept only costs a later
 * rel forget the copies it would have scrubbed there, and it then says such copies are out of reach.
 */
export function rememberFormerPlaces(
  stateFolder: string,
  target: string,
  version: string | undefined,
  files: string[],
): void {
  try {
    const own = fileOf(version ?? fileVersion(target));
    const moved = files
      .map(summaryHead)
      .filter((h) => h !== undefined && h.madeFrom === own && h.place !== target)
      .map((h) => h!.place);
    if (!moved.length) return;
    const former = [
      ...new Set([
        ...recordedPlaces(stateFolder, target),
        ...moved.flatMap((m) => [m, ...recordedPlaces(stateFolder, m)]),
      ]),
    ].filter((p) => p !== target);
    keepDerivedFile(
      placesPath(stateFolder, target),
      () => `${JSON.stringify({ path: target, former })}\n`,
      'places-write',
    );
    for (const m of moved) removeDerivedFile(placesPath(stateFolder, m));
  } catch {
    // See above: said as out of reach by rel forget.
  }
}

/** What the summaries in `stateFolder`, and the places recorded, tell of where `target` lived before. */
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
  const thisFile = fileOf(fileVersion(target));
  const seen = new Set<string>([target]);
  const maybe: string[] = [];
  const movedFrom = (place: string) => {
    if (seen.has(place) || fileVersion(place) !== 'missing') return;
    seen.add(place);
    found.moved.push(place);
  };
  for (const place of recordedPlaces(stateFolder, target)) movedFrom(place);
  for (const name of names.sort()) {
    const key = SUMMARY_NAME.exec(name)?.[1];
    if (!key || key === own) continue;
    const head = summaryHead(path.join(stateFolder, name));
    if (!head || seen.has(head.place)) continue;
    const { place, madeFrom } = head;
    const there = fileVersion(place);
    const same = thisFile !== undefined && thisFile !== 'missing' && madeFrom === thisFile;
    if (same && there === 'missing') {
      movedFrom(place);
      // Where it was before that, as recorded at that place's writes.
      for (const earlier of recordedPlaces(stateFolder, place)) movedFrom(earlier);
      continue;
    }
    if (same && fileOf(there) === thisFile) found.otherNames.push(place);
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
