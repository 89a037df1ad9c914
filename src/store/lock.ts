// An inter-process lock beside the journal: a file created exclusively, holding the owner's pid,
// host, a token of its own and, where the system tells it (Linux), the owner process's start: the
// boot and the moment since boot it started at. proper-lockfile only detects a dead owner after a
// fixed stale period; here a lock whose owner process is gone (same host) is taken over at once,
// and so is one whose pid now belongs to another process (a crash, then a reboot or pid reuse,
// gave the number to a `sleep`, say): a pid alone would keep every write waiting for a process
// that will never release it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from '../errors.js';
import { checkpoint } from './faults.js';
import { isProcessAlive, makePrivateFolder, removeFile, tempPath } from './files.js';
import { lockPath } from './paths.js';
import { changeBegins, changeUnsaid, onStop } from './stops.js';

interface Owner {
  pid: number;
  host: string;
  token: string;
  /** Which process that pid was when it took the lock (processStart); absent where unknown. */
  started: string | undefined;
}

function parseOwner(text: string): Owner | undefined {
  const [pid, host, token, started] = text.split('\n');
  if (!pid || !host || !token) return undefined;
  return { pid: Number(pid), host, token, started: started || undefined };
}

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Which process a pid is now: the boot id and its start time in clock ticks since boot (the 22nd
 * field of /proc/<pid>/stat, after the command name, which may hold spaces and parentheses).
 * Two processes never share both. Undefined where there is no /proc, or no such process.
 */
export function processStart(pid: number | 'self'): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  const boot = readProc('/proc/sys/kernel/random/boot_id')?.trim();
  if (!stat || !boot) return undefined;
  const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return ticks ? `${boot}:${ticks}` : undefined;
}

/** What a pid runs now, from /proc (undefined where it cannot be told): for messages. */
function commandOf(pid: number): string | undefined {
  return readProc(`/proc/${pid}/comm`)?.trim() || undefined;
}

let ownStart: string | undefined | null = null;
const selfStart = () => {
  if (ownStart === null) ownStart = processStart('self');
  return ownStart;
};

/** A lock's content for this process: pid, host, token, start. */
function ownerText(token: string): string {
  return `${process.pid}\n${os.hostname()}\n${token}\n${selfStart() ?? ''}\n`;
}

function readOwner(file: string): Owner | undefined {
  return readLock(file)?.owner;
}

/**
 * A lock file as it is now: its owner (undefined when unreadable), its age, and its identity (the
 * inode, change time and content read through one open file): a lock released and taken again by
 * another rel has another identity, even under the same name, even when it names the same pid.
 */
interface LockFile {
  owner: Owner | undefined;
  mtimeMs: number;
  identity: string;
}

function readLock(file: string): LockFile | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd, { bigint: true });
    const text = fs.readFileSync(fd, 'utf8');
    return {
      owner: parseOwner(text),
      mtimeMs: Number(stat.mtimeMs),
      identity: `${stat.ino}:${stat.mtimeNs}:${text}`,
    };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Why a lock's holder can no longer release it: its process is gone ('dead'), its pid is now
 * another process ('reused'), or the file names no owner and nobody touched it for a while
 * ('unreadable'); undefined while its holder may still be at work (or runs on another host).
 */
type Gone = 'dead' | 'reused' | 'unreadable';

function whyGone(lock: LockFile): Gone | undefined {
  const { owner } = lock;
  // An unreadable lock file (written by hand): gone only if nobody has touched it for a while.
  if (!owner) return Date.now() - lock.mtimeMs > 10_000 ? 'unreadable' : undefined;
  if (owner.host !== os.hostname()) return undefined;
  if (!isProcessAlive(owner.pid)) return 'dead';
  return isAnotherProcess(owner) ? 'reused' : undefined;
}

/**
 * Whether the live process with the owner's pid is not the one that took the lock: its start
 * differs from the one recorded. A lock of an older rel records none: there, a process that is
 * not Node (rel always is) cannot be its holder. Where /proc says nothing, the pid is trusted.
 */
function isAnotherProcess(owner: Owner): boolean {
  const now = processStart(owner.pid);
  if (now === undefined) return false;
  if (owner.started) return owner.started !== now;
  const command = readProc(`/proc/${owner.pid}/cmdline`);
  return command !== undefined && !/node|rel/.test(command);
}

const ownerIsGone = (lock: LockFile) => whyGone(lock) !== undefined;

/**
 * Creates the lock with its content already in it: written to a temp file, then hard-linked to
 * the lock's name, which fails if the lock exists. A holder killed at any moment leaves either
 * no lock or a complete one naming its (dead) pid, which the next rel takes over at once.
 */
function tryCreate(file: string, content: string): boolean {
  const temp = tempPath(file);
  // Only a temp file that was made is removed: removing one never made fails on a read-only file
  // system (EROFS, not ENOENT), and that failure hid the reason the lock could not be made. It is
  // made once it is opened: a write that fails after (a full disk) must not leave it behind, an
  // empty temp file that rel doctor would take for an unfinished write.
  let made = false;
  try {
    writeNew(temp, content, () => {
      made = true;
    });
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: create exclusively, then write.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP')
      return createThenWrite(file, content);
    throw cannotLock(file, error);
  } finally {
    if (made) removeFile(temp);
  }
}

/** The lock could not be made: nothing was saved, and why, in words that say what to do. */
function cannotLock(file: string, error: unknown): StoreError {
  const readOnly = (error as NodeJS.ErrnoException).code === 'EROFS';
  return new StoreError(
    `Cannot create the lock file ${file}: ${(error as Error).message}`,
    readOnly
      ? `Nothing was saved: ${path.dirname(file)} is on a read-only file system. Remount it read-write, or give rel a journal elsewhere with --store.`
      : 'Nothing was saved. Check free space and permissions.',
  );
}

/** Creates `file` exclusively (EEXIST when it is there) with `content`; `opened` once it exists. */
function writeNew(file: string, content: string, opened: () => void): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  opened();
  try {
    checkpoint('lock-write', file);
    fs.writeFileSync(fd, content); // all of it, however many writes that takes
  } finally {
    fs.closeSync(fd);
  }
}

function createThenWrite(file: string, content: string): boolean {
  let made = false;
  try {
    writeNew(file, content, () => {
      made = true;
    });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A lock made but not written names no owner: removed, or every rel would wait on it.
    if (made) removeFile(file);
    throw cannotLock(file, error);
  }
}

/**
 * Removes a lock whose owner is gone. A second, short-lived lock (the guard) makes takeovers one
 * at a time; under it, the lock removed must be the very lock judged abandoned: between reading
 * the lock and finding its pid dead, its owner may have released it and a third rel taken it.
 * Nothing else can change a lock whose owner is dead (its owner cannot release it, no rel can
 * create one over it, other takeovers wait for the guard), so a lock with the same identity
 * after the judgement is that lock, and removing it removes nobody else's.
 */
function takeOverIfAbandoned(file: string, content: string): boolean {
  const guard = `${file}.takeover`;
  if (!tryCreate(guard, content)) {
    const held = readLock(guard);
    if (held && ownerIsGone(held)) removeGuard(guard, held);
    return false;
  }
  try {
    const lock = readLock(file);
    if (!lock) return true; // released meanwhile: try to create it again
    checkpoint('lock-owner-read', file);
    if (!ownerIsGone(lock)) return false;
    if (readLock(file)?.identity !== lock.identity) return false; // not the lock judged: look again
    removeFile(file);
    return true;
  } finally {
    if (readOwner(guard)?.token === parseOwner(content)?.token) removeFile(guard);
  }
}

/**
 * A guard whose holder died (within the instant it holds one) goes by rename, which only one rel
 * can do to one file: the file moved aside is checked to be the guard judged abandoned, and is
 * put back in the unlikely case that it was a fresh one.
 */
function removeGuard(guard: string, judged: LockFile): void {
  const aside = tempPath(guard);
  try {
    fs.renameSync(guard, aside);
  } catch {
    return; // gone already
  }
  const moved = readLock(aside);
  if (moved?.identity !== judged.identity) {
    try {
      fs.linkSync(aside, guard);
    } catch {
      // A newer guard is in place: the moved one's holder will find its own gone and retry.
    }
  }
  removeFile(aside);
}

export interface LockState {
  /** The holder's pid and host, when the lock file says. */
  pid: number | undefined;
  host: string | undefined;
  /** True when its holder is gone: the next rel takes it over at once. */
  abandoned: boolean;
  /** Why it is abandoned (see Gone). */
  gone: Gone | undefined;
  /** What the pid runs now, for a reused one ("sleep"), where the system says. */
  command: string | undefined;
  /** How long ago the lock was taken, in milliseconds. */
  ageMs: number;
}

/** Who holds the lock, or undefined when nobody does. For `rel doctor` and the lock's message. */
export function lockState(file: string): LockState | undefined {
  const lock = readLock(file);
  if (!lock) return undefined;
  const gone = whyGone(lock);
  const pid = lock.owner?.pid;
  return {
    pid,
    host: lock.owner?.host,
    abandoned: gone !== undefined,
    gone,
    command: gone === 'reused' && pid !== undefined ? commandOf(pid) : undefined,
    ageMs: Math.max(0, Date.now() - lock.mtimeMs),
  };
}

/** Removes the lock when its holder is gone, as a waiting rel would; true when it did. */
export function removeAbandonedLock(file: string): boolean {
  if (!lockState(file)?.abandoned) return false;
  return takeOverIfAbandoned(file, ownerText(randomBytes(8).toString('hex')));
}

/** What to do about a lock that is held, in words: the advice of the lock's error (and rel doctor's). */
export function lockRemedy(file: string, state: LockState): string {
  const remove = `rm ${JSON.stringify(file)}`;
  if (state.pid === undefined)
    return `If no rel is running, remove the lock and run the command again: ${remove}`;
  if (state.host !== os.hostname())
    return `It was taken on ${state.host}: if no rel is running there, remove the lock and run the command again: ${remove}`;
  return `If that rel is stuck, stop it (kill ${state.pid}) and run the command again: rel takes over the lock of a process that is gone.`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LockOptions {
  timeoutMs: number;
  /** What the lock guards, for its message: the journal unless said. */
  what?: string;
}

export async function withLock<T>(file: string, action: () => Promise<T>, options: LockOptions): Promise<T> {
  const token = randomBytes(8).toString('hex');
  const content = ownerText(token);
  const deadline = Date.now() + options.timeoutMs;
  let wait = 5;
  while (!tryCreate(file, content)) {
    if (takeOverIfAbandoned(file, content)) continue; // its holder is gone: try again at once
    if (Date.now() > deadline) throw lockTimeout(file, options);
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 100);
  }
  const release = () => {
    if (readOwner(file)?.token === token) removeFile(file);
  };
  const off = onStop(release); // a rel stopped by a signal (stops.ts) leaves no lock behind
  try {
    return await action();
  } finally {
    off();
    release();
  }
}

function lockTimeout(file: string, options: LockOptions): StoreError {
  const state = lockState(file);
  const holder = state?.pid === undefined ? '' : ` by process ${state.pid} on ${state.host}`;
  const held = state
    ? `${file} is held${holder}, for ${Math.round(state.ageMs / 1000)} s now`
    : `${file} was held`;
  return new StoreError(
    `Could not lock ${options.what ?? 'the journal'} within ${Math.round(options.timeoutMs / 1000)} s: ${held}. Nothing was saved.`,
    `Another rel is writing; try again in a moment. ${state ? lockRemedy(file, state) : ''}`.trim(),
  );
}

/**
 * The journal's lock as one store takes it, with the store's one timeout: run() holds it for one
 * piece of work (creating the journal's folder, 0700, first); hold() keeps it across several, and
 * run() inside takes no second lock (rel sync holds it from the first git step to the last).
 */
export class JournalLock {
  private held = false;

  constructor(
    private readonly target: string,
    private readonly timeoutMs: number,
  ) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.held) return work();
    changeBegins();
    makePrivateFolder(path.dirname(this.target));
    return withLock(lockPath(this.target), work, { timeoutMs: this.timeoutMs });
  }

  hold<T>(work: () => Promise<T>): Promise<T> {
    if (this.held) return work();
    return this.run(async () => {
      // What a stop leaves of the work held across (a sync's git steps) is its own to say.
      changeUnsaid();
      this.held = true;
      try {
        return await work();
      } finally {
        this.held = false;
      }
    });
  }
}
