// The stored result of the last `rel pulse`: the themes it found and whose voices raised them,
// kept beside the journal (.journal.json.pulse, mode 0600) so that `rel profile` can say "On-call
// came up with 3 others" without reading the whole journal for it. Encrypted with the journal's
// key when the journal is encrypted; `rel encrypt`, `decrypt` and `passphrase` re-encode it with
// the other kept copies, and `rel forget` prunes the forgotten person from it (Store.rewriteAll).
import fs from 'node:fs';
import type { IsoDate } from '../core/dates.js';
import type { Journal } from '../core/journal.js';
import { pruneThemes, type ThemeMentions } from '../core/stored-themes.js';
import type { Decode, Encode } from './codec.js';
import { fileVersion, readStoreFile, writeStoreFile } from './files.js';
import { withLock } from './lock.js';
import { lockPath, pulsePath } from './paths.js';

export interface StoredPulse {
  version: 1;
  /** When that pulse ran (rel's "now"). */
  ranAt: string;
  since: IsoDate;
  until: IsoDate;
  themes: ThemeMentions[];
}

function isStoredPulse(value: unknown): value is StoredPulse {
  const v = value as StoredPulse | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.since === 'string' &&
    typeof v.until === 'string' &&
    Array.isArray(v.themes) &&
    v.themes.every(
      (t) =>
        typeof t?.theme === 'string' &&
        Array.isArray(t.mentions) &&
        t.mentions.every(
          (m) =>
            (m?.personId === null || typeof m?.personId === 'string') &&
            typeof m.conversationId === 'string' &&
            typeof m.date === 'string',
        ),
    )
  );
}

/**
 * The last pulse's result; undefined when there is none or it cannot be read (it is only a
 * summary: the next `rel pulse` writes it again). A wrong passphrase is an error, as for the journal.
 */
export async function readStoredPulse(target: string, decode: Decode): Promise<StoredPulse | undefined> {
  const file = pulsePath(target);
  const bytes = readStoreFile(file);
  if (!bytes) return undefined;
  const text = await decode(file, bytes);
  try {
    const value: unknown = JSON.parse(text);
    return isStoredPulse(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a pulse's result, under the journal's lock and only if the journal is still the version
 * the pulse read (`readVersion`): a pulse that raced a `rel forget` must not write back the
 * forgotten. Returns whether it was written; a journal that does not exist gets no file beside it.
 */
export async function writeStoredPulse(
  target: string,
  pulse: StoredPulse,
  readVersion: string | undefined,
  encode: Encode,
  timeoutMs: number,
): Promise<boolean> {
  if (readVersion === undefined || readVersion === 'missing') return false;
  return withLock(
    lockPath(target),
    async () => {
      if (fileVersion(target) !== readVersion) return false;
      writeStoreFile(pulsePath(target), encode(`${JSON.stringify(pulse)}\n`));
      return true;
    },
    { timeoutMs },
  );
}

/**
 * After a change that must leave no trace (rel forget), drops from the stored pulse the people and
 * conversations the journal no longer has; an unreadable one is removed. Call it under the lock.
 * Says what it did to the file, if anything.
 */
export async function pruneStoredPulse(
  target: string,
  journal: Journal,
  decode: Decode,
  encode: Encode,
): Promise<'rewritten' | 'removed' | undefined> {
  const file = pulsePath(target);
  if (!fs.existsSync(file)) return undefined;
  let stored: StoredPulse | undefined;
  try {
    stored = await readStoredPulse(target, decode);
  } catch {
    stored = undefined;
  }
  if (!stored) {
    fs.rmSync(file, { force: true });
    return 'removed';
  }
  const pruned: StoredPulse = { ...stored, themes: pruneThemes(stored.themes, journal) };
  writeStoreFile(file, encode(`${JSON.stringify(pruned)}\n`));
  return 'rewritten';
}
