// What rel keeps of calendars it fetched, in $XDG_STATE_HOME/rel (~/.local/state/rel):
//   calendar-<journal>-<source>.cache  the last text fetched from a feed or CalDAV source, so that
//                                      `rel inbox` works offline from it; mode 0600, encrypted with
//                                      the journal's key when the journal is encrypted
//   inbox-<journal>.json               the meetings the last `rel inbox` listed (ids, day, people's
//                                      ids, no titles or names), read by `rel due` for its nudge
// <journal> and <source> are the first 16 hex digits of the SHA-256 of the journal's path and of
// the source's address: the folder names neither, and two journals do not share a copy. The
// store re-encrypts the copies with the journal (rel encrypt, decrypt, passphrase) and removes
// them on rel forget: they name the people in the meetings.
import fs from 'node:fs';
import path from 'node:path';
import type { PendingMeeting } from '../core/nudge.js';
import type { Decode, Encode } from './codec.js';
import { makePrivateFolder, readStoreFile, writeStoreFile } from './files.js';
import { type Env, stateKey, xdgFolder } from './paths.js';

export function stateFolder(env: Env): string {
  return path.join(xdgFolder(env, 'XDG_STATE_HOME', '.local/state'), 'rel');
}

export function cachePath(folder: string, target: string, identity: string): string {
  return path.join(folder, `calendar-${stateKey(target)}-${stateKey(identity)}.cache`);
}

export function nudgePath(folder: string, target: string): string {
  return path.join(folder, `inbox-${stateKey(target)}.json`);
}

/** The cached calendars of this journal. */
export function cachedCalendars(folder: string, target: string): string[] {
  const prefix = `calendar-${stateKey(target)}-`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.cache'))
    .map((name) => path.join(folder, name));
}

/**
 * What rel keeps of calendars for this journal in `folder` (none without one): the cached
 * calendars, and with `nudge` the inbox's nudge file too.
 */
export function calendarCopies(folder: string | undefined, target: string, nudge: boolean): string[] {
  if (!folder) return [];
  const files = cachedCalendars(folder, target);
  const file = nudgePath(folder, target);
  return nudge && fs.existsSync(file) ? [...files, file] : files;
}

export interface CachedCalendar {
  version: 1;
  /** When it was fetched (rel's "now"). */
  fetchedAt: string;
  /** The start of the window fetched (CalDAV sends only the window; a feed sends everything). */
  from: string;
  /** The iCalendar texts: one for a feed, one an event for CalDAV. */
  texts: string[];
}

/** The copy kept of a source; undefined when there is none or it is not one rel wrote. */
export async function readCache(file: string, decode: Decode): Promise<CachedCalendar | undefined> {
  const bytes = readStoreFile(file);
  if (!bytes) return undefined;
  const text = await decode(file, bytes);
  try {
    const value = JSON.parse(text) as CachedCalendar;
    return value?.version === 1 &&
      typeof value.fetchedAt === 'string' &&
      Array.isArray(value.texts) &&
      value.texts.every((t) => typeof t === 'string')
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeCache(file: string, cached: CachedCalendar, encode: Encode): void {
  makePrivateFolder(path.dirname(file));
  writeStoreFile(file, encode(JSON.stringify(cached)));
}

export interface StoredNudge {
  version: 1;
  /** When `rel inbox` listed them. */
  at: string;
  meetings: PendingMeeting[];
}

/** The nudge file, or undefined when there is none or it cannot be used: it is only a hint. */
export function readNudge(file: string): StoredNudge | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredNudge;
    return value?.version === 1 && typeof value.at === 'string' && Array.isArray(value.meetings)
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeNudge(file: string, nudge: StoredNudge): void {
  makePrivateFolder(path.dirname(file));
  writeStoreFile(file, `${JSON.stringify(nudge)}\n`);
}
