// The stored result of the last `rel pulse`: the themes it found and whose voices raised them,
// kept beside the journal (.journal.json.pulse, mode 0600) so that `rel profile` can say "On-call
// came up with 3 others" without reading the whole journal for it. Encrypted with the journal's
// key when the journal is encrypted; `rel encrypt`, `decrypt` and `passphrase` re-encode it with
// the other kept copies, and `rel forget` prunes the forgotten person from it (Store.rewriteAll).
// It also keeps what the language libraries answered for the notes that pulse read, so that the
// next pulse reads the same notes without loading them.
import fs from 'node:fs';
import type { IsoDate } from '../core/dates.js';
import type { Journal } from '../core/journal.js';
import { type LanguageAnswers, noAnswers, readFromAnswers } from '../core/language-answers.js';
import { heardNotes } from '../core/pulse.js';
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
  /** The language's answers for that pulse's notes; absent from a file an earlier rel wrote. */
  language?: StoredAnswers;
}

/** LanguageAnswers as kept: each text with its words ([word, lemma, part of speech]) or score. */
export interface StoredAnswers {
  /** The libraries' and src/core/language.ts's key (scripts/language-key.mjs) the answers came from. */
  key: string;
  words: [string, [string, string, string][]][];
  scores: [string, number][];
}

/** Put in by scripts/build.mjs (and vitest.config.ts). */
declare const REL_LANGUAGE_KEY: string;

export function storedAnswers(answers: LanguageAnswers): StoredAnswers {
  return {
    key: REL_LANGUAGE_KEY,
    words: [...answers.words].map(([text, words]) => [text, words.map((w) => [w.word, w.lemma, w.pos])]),
    scores: [...answers.scores],
  };
}

/** The kept answers, when this rel's libraries gave them; none when absent, other or malformed. */
export function answersOf(stored: StoredPulse | undefined): LanguageAnswers {
  const kept = stored?.language;
  const text = (v: unknown) => typeof v === 'string';
  if (
    kept?.key !== REL_LANGUAGE_KEY ||
    !Array.isArray(kept.words) ||
    !Array.isArray(kept.scores) ||
    !kept.words.every(
      (e) =>
        Array.isArray(e) &&
        text(e[0]) &&
        Array.isArray(e[1]) &&
        e[1].every((w) => Array.isArray(w) && w.length === 3 && w.every(text)),
    ) ||
    !kept.scores.every((e) => Array.isArray(e) && text(e[0]) && typeof e[1] === 'number')
  )
    return noAnswers();
  return {
    words: new Map(
      kept.words.map(([t, words]) => [t, words.map(([word, lemma, pos]) => ({ word, lemma, pos }))]),
    ),
    scores: new Map(kept.scores),
  };
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
  if (stored.language) pruned.language = storedAnswers(pruneAnswers(answersOf(stored), stored, journal));
  writeStoreFile(file, encode(`${JSON.stringify(pruned)}\n`));
  return 'rewritten';
}

/**
 * Of the kept answers, those the notes still in the journal ask for, in the window they were kept
 * for (everyone's, as the pulse that kept them): a note that went with a forgotten person leaves
 * no answer about its text behind.
 */
function pruneAnswers(answers: LanguageAnswers, stored: StoredPulse, journal: Journal): LanguageAnswers {
  const everyone = new Set(journal.people.map((p) => p.id));
  const notes = heardNotes(journal, { since: stored.since, until: stored.until }, everyone);
  return readFromAnswers(notes, [], answers).used;
}
