// An inter-process lock beside the journal: a file created exclusively, holding the owner's pid.
// proper-lockfile only detects a dead owner after a fixed stale period; here a lock whose owner
// process is gone (same host) is taken over at once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { StoreError } from '../errors.js';
import { isProcessAlive, tempPath } from './files.js';

interface Owner {
  pid: number;
  host: string;
  token: string;
}

function readOwner(file: string): Owner | undefined {
  try {
    const [pid, host, token] = fs.readFileSync(file, 'utf8').split('\n');
    if (!pid || !host || !token) return undefined;
    return { pid: Number(pid), host, token };
  } catch {
    return undefined;
  }
}

function ownerIsGone(file: string, owner: Owner | undefined): boolean {
  if (owner) return owner.host === os.hostname() && !isProcessAlive(owner.pid);
  // An unreadable lock file (written by hand, or by an older rel): gone only if nobody has
  // touched it for a while.
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 10_000;
  } catch {
    return false;
  }
}

/**
 * Creates the lock with its content already in it: written to a temp file, then hard-linked to
 * the lock's name, which fails if the lock exists. A holder killed at any moment leaves either
 * no lock or a complete one naming its (dead) pid, which the next rel takes over at once.
 */
function tryCreate(file: string, content: string): boolean {
  const temp = tempPath(file);
  try {
    fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o600 });
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: create exclusively, then write.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP')
      return createThenWrite(file, content);
    throw new StoreError(`Cannot create the lock file ${file}: ${(error as Error).message}`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function createThenWrite(file: string, content: string): boolean {
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.writeSync(fd, content);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StoreError(`Cannot create the lock file ${file}: ${(error as Error).message}`);
  }
}

/**
 * Removes a lock whose owner is gone. A second, short-lived lock guards the takeover so that
 * two processes never both remove and re-create it.
 */
function takeOverIfAbandoned(file: string, content: string): boolean {
  const guard = `${file}.takeover`;
  if (!tryCreate(guard, content)) {
    if (ownerIsGone(guard, readOwner(guard))) fs.rmSync(guard, { force: true });
    return false;
  }
  try {
    if (!ownerIsGone(file, readOwner(file))) return false;
    fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

export interface LockState {
  /** The holder's pid and host, when the lock file says. */
  pid: number | undefined;
  host: string | undefined;
  /** True when its holder is gone: the next rel takes it over at once. */
  abandoned: boolean;
}

/** Who holds the lock, or undefined when nobody does. For `rel doctor`. */
export function lockState(file: string): LockState | undefined {
  if (!fs.existsSync(file)) return undefined;
  const owner = readOwner(file);
  return { pid: owner?.pid, host: owner?.host, abandoned: ownerIsGone(file, owner) };
}

/** Removes the lock when its holder is gone, as a waiting rel would; true when it did. */
export function removeAbandonedLock(file: string): boolean {
  if (!lockState(file)?.abandoned) return false;
  return takeOverIfAbandoned(file, `${process.pid}\n${os.hostname()}\n${randomBytes(8).toString('hex')}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LockOptions {
  timeoutMs: number;
}

export async function withLock<T>(file: string, action: () => Promise<T>, options: LockOptions): Promise<T> {
  const token = randomBytes(8).toString('hex');
  const content = `${process.pid}\n${os.hostname()}\n${token}\n`;
  const deadline = Date.now() + options.timeoutMs;
  let wait = 5;
  while (!tryCreate(file, content)) {
    if (takeOverIfAbandoned(file, content)) continue; // its holder is gone: try again at once
    if (Date.now() > deadline) {
      const owner = readOwner(file);
      throw new StoreError(
        `Could not lock the journal within ${Math.round(options.timeoutMs / 1000)} s: ${file} is held${owner ? ` by process ${owner.pid} on ${owner.host}` : ''}.`,
        'Another rel is writing; try again in a moment. If no rel is running, `rel doctor` says what to do.',
      );
    }
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await action();
  } finally {
    if (readOwner(file)?.token === token) fs.rmSync(file, { force: true });
  }
}
