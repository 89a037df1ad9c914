// Where the journal lives (--store, else REL_STORE, else $XDG_DATA_HOME/rel/journal.json), and
// where the files rel keeps beside it live.
import os from 'node:os';
import path from 'node:path';
import { sha256Hex } from '../core/sha256.js';

/** The environment's variables, as process.env holds them (or a test gives them). */
export type Env = Record<string, string | undefined>;

/** An environment variable set to the empty string counts as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function storePath(option: string | undefined, env: Env): string {
  const chosen = option || envValue(env, 'REL_STORE');
  if (chosen) return path.resolve(homeExpanded(chosen, env));
  const dataHome =
    envValue(env, 'XDG_DATA_HOME') ?? path.join(envValue(env, 'HOME') ?? os.homedir(), '.local', 'share');
  return path.join(dataHome, 'rel', 'journal.json');
}

/**
 * "~/notes/journal.json" as the shell would have expanded it: a path quoted on the command line,
 * or REL_STORE read from a file, keeps its "~", which would otherwise be a folder named "~".
 */
function homeExpanded(file: string, env: Env): string {
  if (file !== '~' && !file.startsWith('~/')) return file;
  return path.join(envValue(env, 'HOME') ?? os.homedir(), file.slice(1));
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
