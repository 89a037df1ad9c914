// An inter-process lock beside the journal: a file created exclusively, holding the owner's pid.
// proper-lockfile only detects a dead owner after a fixed stale period; here a lock whose owner
// process is gone (same host) is taken over at once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { StoreError } from '../errors.js';

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerIsGone(file: string, owner: Owner | undefined): boolean {
  if (owner) return owner.host === os.hostname() && !isAlive(owner.pid);
  // An unreadable or half-written lock file: gone only if nobody has touched it for a while.
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 10_000;
  } catch {
    return false;
  }
}

function tryCreate(file: string, content: string): boolean {
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
function takeOverIfAbandoned(file: string, content: string): void {
  const guard = `${file}.takeover`;
  if (!tryCreate(guard, content)) {
    if (ownerIsGone(guard, readOwner(guard))) fs.rmSync(guard, { force: true });
    return;
  }
  try {
    if (ownerIsGone(file, readOwner(file))) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
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
    takeOverIfAbandoned(file, content);
    if (Date.now() > deadline) {
      const owner = readOwner(file);
      throw new StoreError(
        `Could not lock the journal within ${Math.round(options.timeoutMs / 1000)} s: ${file} is held${owner ? ` by process ${owner.pid} on ${owner.host}` : ''}.`,
        'Another rel is writing; try again in a moment. If no rel is running, delete that lock file.',
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
