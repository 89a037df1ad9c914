// `rel doctor`: looks at the journal and everything rel keeps beside it, changes nothing, and
// says what is wrong and the command that fixes it. `fixSafely` does the fixes that need no
// judgement (modes, abandoned locks, leftover temp files, unreadable undo data, editor drafts
// whose rel is gone).
import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type { IsoDate } from '../core/dates.js';
import { type Journal, SCHEMA_VERSION } from '../core/journal.js';
import { RelError, UsageError } from '../errors.js';
import { listBackups } from './backups.js';
import { stateFolder } from './calendar-cache.js';
import { notMade } from './changes.js';
import { decodeJournal, privateMode, readJournal, recoveryHint } from './codec.js';
import { conflictAdvice, hasConflictMarkers } from './conflicts.js';
import { isEncrypted, type Keyring, type Sealing, sealedWith, unseal, WrongPassphrase } from './crypto.js';
import { checkRecords, list } from './doctor-records.js';
import { abandonedDrafts, removeAbandonedDrafts } from './drafts.js';
import { headOf, readStoreFile } from './files.js';
import { Git, gitEnvironment, type Unfinished, unfinishedWork } from './git.js';
import { keptCopies, leftoverTempFiles, removeLeftovers } from './kept.js';
import { lockRemedy, lockState, removeAbandonedLock } from './lock.js';
import { beforeRestorePath, lockPath, undoPath } from './paths.js';
import { hasPendingForget, pendingForgetPath } from './pending-forget.js';
import type { Finding } from './shared-types.js';
import { removeStraySummaries, straySummaries } from './stray-summaries.js';
import { setUpProblem } from './sync-init.js';
import { belongsTo, readUndoData } from './undo.js';

export type { Finding };

/** Work git left half done in a synced journal's folder (see git.ts unfinishedWork). */
function syncState(target: string, env: NodeJS.ProcessEnv): Unfinished | undefined {
  const folder = path.dirname(target);
  if (!fs.existsSync(path.join(folder, '.git'))) return undefined;
  try {
    return unfinishedWork(new Git(folder, env), path.basename(target));
  } catch {
    return undefined; // no git here: nothing it can have left
  }
}

/** A sync set-up stopped or half made (see sync-init.ts setUpProblem). */
function syncSetUp(target: string, env: NodeJS.ProcessEnv) {
  const folder = path.dirname(target);
  try {
    return setUpProblem(new Git(folder, gitEnvironment(env, folder)));
  } catch {
    return undefined; // no git here: nothing it can have left
  }
}

export interface BackupInfo {
  file: string;
  /** A journal rel can restore (false too when it was not read: see `read`). */
  valid: boolean;
  /** False for an encrypted backup when no passphrase, or a wrong one, was given: not known to be bad. */
  read: boolean;
  savedAt: string;
}

export interface Checkup {
  store: string;
  exists: boolean;
  schema: number | null;
  people: number;
  conversations: number;
  followUps: number;
  backups: BackupInfo[];
  undoable: number;
  findings: Finding[];
  /** No error-level finding. */
  healthy: boolean;
}

const FIX = '--fix';

/** `env` is the one git runs in (to see a sync's unfinished work). */
export async function examine(
  file: string,
  target: string,
  env: NodeJS.ProcessEnv,
  keyring?: Keyring,
  /** Today, here: what is dated after it is named (see doctor-records.ts). */
  today?: IsoDate,
): Promise<Checkup> {
  // A kept file under another key than the journal's reads as unreadable, not as a failure.
  const decode = async (label: string, bytes: Buffer) => {
    if (!isEncrypted(bytes) || !keyring) return bytes.toString('utf8');
    try {
      return (await unseal(label, bytes, keyring)).text;
    } catch {
      return '';
    }
  };
  const findings: Finding[] = [];
  const backups: BackupInfo[] = [];
  for (const backup of listBackups(target)) {
    backups.push({
      file: backup,
      valid: await isValidJournal(backup, keyring),
      read: true,
      savedAt: fs.statSync(backup).mtime.toISOString(),
    });
  }
  const restorable = backups.some((b) => b.valid);
  const restoreFix = restorable
    ? "rel doctor --restore  (brings back the newest valid backup: the journal before rel's last change, which is lost, with any edits by hand since; the file now is kept aside)"
    : `edit ${file} by hand: there is no valid backup to restore`;

  const bytes = readStoreFile(target);
  let journal: Journal | undefined;
  let text: string | undefined;
  // Encrypted, and no passphrase to be had (none set, no terminal to ask in): nothing is known to
  // be wrong, and the encrypted copies beside it could not be read either.
  let locked = false;
  if (bytes) {
    try {
      const parsed = await decodeJournal(file, bytes, keyring);
      ({ journal, text } = parsed);
      if (parsed.sealing) findings.push(...checkSealing(target, parsed.sealing));
      if (parsed.migratedFrom !== undefined) {
        findings.push({
          check: 'schema',
          severity: 'warning',
          message: `The journal is in an older format (schema ${parsed.migratedFrom}); rel reads it and upgrades it on the next change, keeping a copy of the old file.`,
          fix: `rel doctor ${FIX}  (upgrades it now)`,
        });
      }
    } catch (error) {
      if (!(error instanceof RelError)) throw error;
      if (error instanceof WrongPassphrase) {
        // Not a damaged journal: a key that does not open it, nor the copies beside it.
        locked = true;
        findings.push(wrongPassphrase(file, env));
      } else {
        locked = error instanceof UsageError && isEncrypted(bytes);
        findings.push({
          check: locked
            ? 'passphrase'
            : /not valid JSON|not valid UTF-8|is empty/.test(error.message)
              ? 'parse'
              : 'schema',
          severity: 'error',
          message: error.message,
          // git's conflict markers: a backup put back would drop what was committed since.
          fix: locked
            ? (error.hint ?? 'give the passphrase (REL_PASSPHRASE, or rel unlock)')
            : (hasConflictMarkers(bytes.toString('latin1')) && conflictAdvice(target)) ||
              // Mending by hand first, as every other command's advice says (codec.ts recoveryHint).
              (restorable ? recoveryHint(file, !/is empty/.test(error.message), true) : restoreFix),
        });
      }
    }
  }
  if (journal && journal.schema > SCHEMA_VERSION) {
    findings.push({
      check: 'schema',
      severity: 'warning',
      message: `The journal was written by a newer rel (schema ${journal.schema}); this rel reads it but will not change it.`,
      fix: 'upgrade rel',
    });
  }
  if (journal) findings.push(...checkRecords(journal, file, restoreFix, today));

  const loose = [target, ...keptCopies(target)].filter((f) => {
    try {
      return (fs.statSync(f).mode & 0o077) !== 0;
    } catch {
      return false;
    }
  });
  if (loose.length) {
    findings.push({
      check: 'modes',
      severity: 'warning',
      message: `Readable by other users: ${loose.join(', ')}.`,
      fix: `rel doctor ${FIX}  (or: chmod 600 ${loose.map((f) => JSON.stringify(f)).join(' ')})`,
    });
  }

  findings.push(...checkLock(lockPath(target)));
  const setUp = syncSetUp(target, env);
  if (setUp)
    findings.push({ check: 'sync', severity: setUp.severity, message: setUp.problem, fix: setUp.fix });
  const unfinished = setUp?.severity === 'error' ? undefined : syncState(target, env);
  if (unfinished) {
    findings.push({
      check: 'sync',
      severity: 'error',
      message: `${unfinished.problem} Committing over it would lose one side's changes.`,
      fix: unfinished.fix,
    });
  }
  const strays = straySummaries(stateFolder(env), target);
  if (strays.length) {
    findings.push({
      check: 'summaries',
      severity: 'warning',
      message: `${strays.length === 1 ? 'A summary' : `${strays.length} summaries`} rel kept for reports stand${strays.length === 1 ? 's' : ''} for no journal as it is now (this journal under a path it had before a move, or another name for it, or a journal moved, edited or removed since), and hold${strays.length === 1 ? 's' : ''} names and follow-ups in the clear: ${strays.join(', ')}.`,
      fix: `rel doctor ${FIX}  (removes them; the next change of this journal does too)`,
    });
  }
  const temps = leftoverTempFiles(target);
  if (temps.length) {
    findings.push({
      check: 'temp-files',
      severity: 'warning',
      message: `${temps.length} unfinished write${temps.length === 1 ? ' was' : 's were'} left by a rel that stopped (never read as the journal): ${temps.join(', ')}.`,
      fix: `rel doctor ${FIX}  (removes them; the next change does too)`,
    });
  }
  const drafts = abandonedDrafts(target);
  if (drafts.length) {
    const shown = drafts.map(
      (d) =>
        `${d.folder} (${d.bytes} bytes, last written ${d.modified.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    );
    // Plain text beside an encrypted journal is a secret left out; beside a plain one, a loose end.
    const encrypted = bytes !== undefined && isEncrypted(bytes);
    findings.push({
      check: 'drafts',
      severity: encrypted ? 'error' : 'warning',
      message: `${drafts.length === 1 ? 'A note was' : `${drafts.length} notes were`} left being written in $EDITOR by a rel that stopped, in plain text${encrypted ? ' beside an encrypted journal' : ''}: ${shown.join(', ')}. Copy out what you want to keep.`,
      fix: `rel doctor ${FIX}  (removes ${drafts.length === 1 ? 'it' : 'them'})`,
    });
  }
  // Without the key, an encrypted backup was not read: not known to be bad.
  for (const b of backups)
    if (locked && isEncrypted(readStoreFile(b.file) ?? Buffer.alloc(0))) b.read = false;
  const invalidBackups = backups.filter((b) => !b.valid && b.read);
  if (invalidBackups.length) {
    findings.push({
      check: 'backups',
      severity: 'warning',
      message: `Not a valid journal, so never restored: ${invalidBackups.map((b) => b.file).join(', ')}.`,
      fix: 'nothing to do: rel replaces backups as it writes',
    });
  }
  if (hasPendingForget(target)) {
    findings.push({
      check: 'forget',
      severity: 'error',
      message: `A rel forget did not finish (${pendingForgetPath(target)}): the person may still be in the journal or its backups.`,
      fix: `rel doctor ${FIX}  (or any rel command on the journal: the next one finishes the forget first)`,
    });
  }
  const undoFile = readStoreFile(undoPath(target));
  if (
    undoFile &&
    !(locked && isEncrypted(undoFile)) &&
    !isUndoLog(await decode(undoPath(target), undoFile))
  ) {
    findings.push({
      check: 'undo',
      severity: 'warning',
      message: `The undo data ${undoPath(target)} is unreadable, so rel undo has nothing to undo.`,
      fix: `rel doctor ${FIX}  (removes it; new changes can be undone again)`,
    });
  }

  const undo = await readUndoData(target, (bytes) => decode(undoPath(target), bytes));
  const newest = undo.entries.at(-1);
  // Undo data for another version of the journal: rel undo refuses it (see undo.ts belongsTo).
  const stale = text !== undefined && newest !== undefined && !belongsTo(undo, { text });
  // A journal that never had the newest change (restored from a backup made before it).
  if (stale && journal && notMade(journal as unknown as Record<string, unknown>, newest.changes)) {
    findings.push({
      check: 'undo',
      severity: 'warning',
      message: `The undo data ${undoPath(target)} was written for another version of the journal than the one there now, which does not have its newest change (a restore brought back a backup from before it, an undo of it stopped before it finished, or it was taken out by hand), so rel undo will refuse to take back "${newest.summary}": there is nothing to take back.`,
      fix: `nothing to do: the next change starts the undo data afresh.${fs.existsSync(beforeRestorePath(target)) ? ` The journal as it was before the last restore is kept at ${beforeRestorePath(target)}.` : ''}`,
    });
  } else if (stale) {
    findings.push({
      check: 'undo',
      severity: 'warning',
      message: `The undo data ${undoPath(target)} was written for another version of the journal than the one there now (the journal was changed after it by hand, by a restore, or by a rel stopped between saving a change and its undo data), so rel undo will refuse to take back "${newest.summary}": undoing it would step over what changed since.`,
      fix: 'nothing to do: the next change starts the undo data afresh. To go back to an earlier version: rel doctor --restore',
    });
  }

  return {
    store: file,
    exists: bytes !== undefined,
    schema: journal?.schema ?? null,
    people: journal?.people.length ?? 0,
    conversations: journal?.conversations.length ?? 0,
    followUps: journal?.followUps.length ?? 0,
    backups,
    // A journal rel cannot read: rel undo fails as every command does, until it is mended or restored.
    undoable: stale || !journal ? 0 : undo.entries.length,
    findings,
    healthy: !findings.some((f) => f.severity === 'error'),
  };
}

/**
 * The passphrase given (REL_PASSPHRASE, or typed at the prompt) is not the journal's: the header's
 * key check says so before anything is decrypted, so nothing is known about the journal's records,
 * its backups or its undo data, and none of them is called damaged.
 */
function wrongPassphrase(file: string, env: NodeJS.ProcessEnv): Finding {
  const fromEnv = Boolean(env.REL_PASSPHRASE);
  return {
    check: 'passphrase',
    severity: 'error',
    message: `The passphrase ${fromEnv ? 'in REL_PASSPHRASE' : 'you typed'} does not open ${file}: it is not the one the journal was encrypted with. Nothing was read, so nothing is known to be wrong with the journal or its backups.`,
    fix: fromEnv
      ? "set REL_PASSPHRASE to the journal's passphrase (or unset it, to be asked) and run rel doctor again"
      : "run rel doctor again and type the journal's passphrase",
  };
}

/** Longer than a write takes, as long as a waiting rel waits: a lock held since is worth a word. */
const LONG_HELD_MS = 30_000;

/**
 * The journal's lock: one left by a rel that is gone (its process ended, or its pid now belongs
 * to another program: a crash, then pid reuse), which the next rel takes over by itself; and one
 * held for longer than a waiting rel waits, by a rel still running or on another host, which
 * makes every write fail until it is released.
 */
function checkLock(file: string): Finding[] {
  const lock = lockState(file);
  if (!lock) return [];
  if (lock.abandoned) {
    const why =
      lock.gone === 'reused'
        ? `its process ${lock.pid} is gone: that pid now runs ${lock.command ?? 'another program'}`
        : lock.gone === 'dead'
          ? `process ${lock.pid}`
          : 'it names no process';
    return [
      {
        check: 'lock',
        severity: 'warning',
        message: `${file} was left by a rel that is no longer running (${why}); the next rel takes it over by itself.`,
        fix: `rel doctor ${FIX}  (removes it now)`,
      },
    ];
  }
  if (lock.ageMs < LONG_HELD_MS) return [];
  const holder =
    lock.pid === undefined
      ? ''
      : ` by process ${lock.pid}${lock.host === hostname() ? '' : ` on ${lock.host}`}`;
  return [
    {
      check: 'lock',
      severity: 'warning',
      message: `${file} has been held${holder} for ${Math.round(lock.ageMs / 1000)} s: every change waits for it, and gives up after 30 s.`,
      fix: lockRemedy(file, lock),
    },
  ];
}

/**
 * Whether a backup is a journal this rel can restore. Read as the journal is (codec.ts
 * readJournal): an encrypted one a piece at a time, a plain one's bytes let go of before the
 * parse, so that a check of three backups never holds one whole twice.
 */
async function isValidJournal(file: string, keyring: Keyring | undefined): Promise<boolean> {
  try {
    const read = await readJournal(file, file, keyring);
    return read !== undefined && read.parsed.journal.schema <= SCHEMA_VERSION;
  } catch {
    return false;
  }
}

/**
 * Copies beside an encrypted journal that are not under its key: plain ones (an encryption that
 * was interrupted: the secret in plain text) and ones under an older key (an interrupted
 * passphrase change: unreadable with this passphrase).
 */
function checkSealing(target: string, sealing: Sealing): Finding[] {
  const plain: string[] = [];
  const otherKey: string[] = [];
  for (const copy of keptCopies(target)) {
    const head = headOf(copy);
    if (sealedWith(head, sealing)) continue;
    (isEncrypted(head) ? otherKey : plain).push(copy);
  }
  const findings: Finding[] = [];
  if (plain.length)
    findings.push({
      check: 'encryption',
      severity: 'error',
      message: `The journal is encrypted, but ${list(plain)} ${plain.length === 1 ? 'is' : 'are'} in plain text beside it (an encryption that did not finish).`,
      fix: `rel doctor ${FIX}  (encrypts ${plain.length === 1 ? 'it' : 'them'} with the journal's key; rel encrypt does too)`,
    });
  if (otherKey.length)
    findings.push({
      check: 'encryption',
      severity: 'warning',
      message: `${list(otherKey)} ${otherKey.length === 1 ? 'is' : 'are'} encrypted with another passphrase than the journal (a passphrase change that did not finish), so rel cannot read ${otherKey.length === 1 ? 'it' : 'them'}.`,
      fix: `rel doctor ${FIX}  (removes ${otherKey.length === 1 ? 'it' : 'them'})`,
    });
  return findings;
}

function isUndoLog(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text)?.entries);
  } catch {
    return false;
  }
}

/** The fixes that need no judgement. Returns what was done, in words. */
export function fixSafely(target: string, env: NodeJS.ProcessEnv): string[] {
  const done: string[] = [];
  const strays = removeStraySummaries(stateFolder(env), target);
  for (const f of strays.removed)
    done.push(`removed the summary ${f}, which stands for no journal as it is now`);
  for (const f of strays.left)
    done.push(
      `could not remove the summary ${f}, which stands for no journal as it is now: remove it yourself (rm "${f}")`,
    );
  for (const f of [target, ...keptCopies(target)]) {
    try {
      const { mode } = fs.statSync(f);
      if ((mode & 0o077) !== 0) {
        fs.chmodSync(f, privateMode(mode));
        done.push(`made ${f} private (mode ${privateMode(mode).toString(8)})`);
      }
    } catch {
      // gone meanwhile
    }
  }
  if (removeAbandonedLock(lockPath(target))) done.push(`removed the abandoned lock ${lockPath(target)}`);
  for (const f of removeLeftovers(target)) done.push(`removed the unfinished write ${f}`);
  for (const d of removeAbandonedDrafts(target)) done.push(`removed the note left in $EDITOR ${d.folder}`);
  const undoFile = readStoreFile(undoPath(target));
  if (undoFile && !isEncrypted(undoFile) && !isUndoLog(undoFile.toString('utf8'))) {
    fs.rmSync(undoPath(target), { force: true });
    done.push(`removed the unreadable undo data ${undoPath(target)}`);
  }
  return done;
}
