// Where the journal lives (--store, else REL_STORE, else $XDG_DATA_HOME/rel/journal.json), and
// where the files rel keeps beside it live.
import os from 'node:os';
import path from 'node:path';
import { sha256Hex } from '../core/sha256.js';
import { UsageError } from '../errors.js';

/** The environment's variables, as process.env holds them (or a test gives them). */
export type Env = Record<string, string | undefined>;

/** An environment variable set to the empty string counts as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The variable when it holds an absolute path; a relative one counts as unset (as XDG says). */
function absoluteValue(env: Env, name: string): string | undefined {
  const value = envValue(env, name);
  return value && path.isAbsolute(value) ? value : undefined;
}

/**
 * The user's home folder: $HOME when it is an absolute path, else the one the system's user
 * database gives this user. Never a relative path, which would put rel's files in whatever
 * folder the shell is in: with neither, a UsageError saying what to set (`instead`).
 */
export function homeFolder(env: Env, instead = 'give the journal with --store <file> or REL_STORE'): string {
  const home = absoluteValue(env, 'HOME');
  if (home) return home;
  let entry: string | undefined;
  try {
    entry = os.userInfo().homedir;
  } catch {
    entry = undefined;
  }
  if (entry && path.isAbsolute(entry)) return entry;
  throw new UsageError(
    `No home folder: HOME is ${env.HOME === undefined ? 'not set' : env.HOME === '' ? 'empty' : `not an absolute path (${env.HOME})`} and the system names none for this user.`,
    `Set HOME to your home folder, or ${instead}.`,
  );
}

/**
 * An XDG base folder: $<name> when it is an absolute path, else ~/<fallback>. A relative path in
 * the variable is ignored, as the XDG Base Directory specification says.
 */
export function xdgFolder(env: Env, name: string, fallback: string): string {
  return (
    absoluteValue(env, name) ?? path.join(homeFolder(env, `set ${name} to an absolute folder`), fallback)
  );
}

/** The XDG runtime folder, when $XDG_RUNTIME_DIR is an absolute path; it has no fallback. */
export const runtimeFolder = (env: Env): string | undefined => absoluteValue(env, 'XDG_RUNTIME_DIR');

export function storePath(option: string | undefined, env: Env): string {
  // An empty --store is a script's unset variable (`--store "$J"`), not a choice of the default
  // journal: falling through to it would write someone's real journal without a word.
  if (option !== undefined && option.trim() === '') {
    throw new UsageError(
      `--store was given an empty path${option === '' ? '' : ' (only spaces)'}.`,
      'Give the journal file (--store ~/notes/journal.json), or leave --store out for REL_STORE or the default journal.',
    );
  }
  const fromEnv = envValue(env, 'REL_STORE');
  if (option === undefined && fromEnv !== undefined && fromEnv.trim() === '') {
    throw new UsageError(
      'REL_STORE holds only spaces, not a journal file.',
      'Set it to the journal file (export REL_STORE=~/notes/journal.json), or unset it for the default journal.',
    );
  }
  const chosen = option || fromEnv;
  if (chosen) return path.resolve(homeExpanded(chosen, env));
  const dataHome = absoluteValue(env, 'XDG_DATA_HOME') ?? path.join(homeFolder(env), '.local', 'share');
  return path.join(dataHome, 'rel', 'journal.json');
}

/**
 * "~/notes/journal.json" as the shell would have expanded it: a path quoted on the command line,
 * or REL_STORE read from a file, keeps its "~", which would otherwise be a folder named "~".
 */
function homeExpanded(file: string, env: Env): string {
  if (file !== '~' && !file.startsWith('~/')) return file;
  return path.join(homeFolder(env, 'give the path without "~"'), file.slice(1));
}

// What rel keeps beside the journal, all in its folder, all 0600:
//   .journal.json.backup-1 … -3     the journal before each of the last writes (1 is the newest)
//   .journal.json.undo              the last changes, record by record, for `rel undo`
//   .journal.json.schema-N          the journal as it was before an upgrade from schema N
//   .journal.json.before-restore    the journal as it was before `rel doctor --restore`
//   .journal.json.before-restore-N  what earlier restores kept there, when it differed (1 the oldest)
//   .journal.json.pulse             the themes the last `rel pulse` found (see pulse-file.ts)
//   .journal.json.keys              keys of passphrases before a change, while sync needs them
//                                   (sealed with the journal's key; see earlier-keys.ts)
const sibling = (target: string, suffix: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.${suffix}`);

export const backupPath = (target: string, n: number) => sibling(target, `backup-${n}`);
export const undoPath = (target: string) => sibling(target, 'undo');
export const beforeRestorePath = (target: string) => sibling(target, 'before-restore');
export const earlierRestorePath = (target: string, n: number) => sibling(target, `before-restore-${n}`);
export const pulsePath = (target: string) => sibling(target, 'pulse');
export const migrationCopyPath = (target: string, schema: number) => sibling(target, `schema-${schema}`);
export const lockPath = (target: string) => `${target}.lock`;
export const earlierKeysPath = (target: string) => sibling(target, 'keys');

/**
 * A journal's name in the files rel keeps for it in its state folder (the summaries, the sealed
 * stamp, the calendars fetched and the inbox's nudge, the notices said): the start of a digest of
 * its path, the same for a path given the same way on every run.
 */
export const stateKey = (journal: string) => sha256Hex(journal).slice(0, 16);
