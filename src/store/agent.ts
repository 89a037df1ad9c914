// The client side of the unlock agent (`rel unlock`, `rel lock`): where its socket lives, whether
// that folder may be trusted, asking it for a key, starting and stopping it. The agent itself is
// agent-server.ts, run as agent-process.ts.
//
// Like ssh-agent, it relies on its folder: created 0700, and used only when it is a directory (not
// a link) owned by this user and closed to others, so that only this user's processes (and root)
// can reach the socket. The key travels over that socket only; nothing here writes it to a file.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { AgentRequest } from './agent-server.js';
import type { KdfParams, Sealing } from './crypto.js';
import { type Env, runtimeFolder, xdgFolder } from './paths.js';

/** $XDG_RUNTIME_DIR/rel, else $XDG_STATE_HOME/rel, else ~/.local/state/rel (relative paths ignored, as XDG says). */
export function agentFolder(env: Env): string {
  return path.join(runtimeFolder(env) ?? xdgFolder(env, 'XDG_STATE_HOME', '.local/state'), 'rel');
}

/** The journal's real path: the agent is one journal's, whichever link leads to it. */
export function journalTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** One socket per journal, named by a digest of its real path. */
export function socketPath(folder: string, target: string): string {
  const id = createHash('sha256').update(target).digest('hex').slice(0, 16);
  return path.join(folder, `agent-${id}.sock`);
}

/** Why the folder cannot be trusted with a key, or undefined when it can (or does not exist: 'missing'). */
export function folderProblem(folder: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(folder);
  } catch {
    return 'missing';
  }
  if (!stat.isDirectory()) return `${folder} is not a folder`;
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid)
    return `${folder} belongs to user ${stat.uid}, not to you (${uid})`;
  if (stat.mode & 0o077) {
    return `${folder} can be entered or read by others (mode ${(stat.mode & 0o777).toString(8)})`;
  }
  return undefined;
}

/**
 * How long a command waits for the agent before going on without it. The agent answers from
 * memory at once; one that is stopped (SIGSTOP) or stuck should cost a command little.
 */
export const AGENT_WAIT_MS = 500;

/** The agent's answer, or undefined when no agent listens there (no socket, or a dead one). */
export function askAgent(
  socket: string,
  request: AgentRequest,
  timeoutMs = AGENT_WAIT_MS,
): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    let text = '';
    const connection = net.createConnection(socket);
    const done = (value: Record<string, unknown> | undefined) => {
      connection.destroy();
      resolve(value);
    };
    connection.setEncoding('utf8');
    connection.setTimeout(timeoutMs, () => done(undefined));
    connection.on('error', () => done(undefined));
    connection.on('connect', () => connection.write(`${JSON.stringify(request)}\n`));
    connection.on('data', (chunk: string) => {
      text += chunk;
    });
    connection.on('end', () => {
      try {
        done(JSON.parse(text) as Record<string, unknown>);
      } catch {
        done(undefined);
      }
    });
  });
}

/** The socket of this journal's agent in a trusted folder; a warning (once) for an untrusted one. */
function trustedSocket(env: Env, target: string, warn: (message: string) => void): string | undefined {
  const folder = agentFolder(env);
  const problem = folderProblem(folder);
  if (problem === 'missing') return undefined;
  if (problem) {
    warn(`not asking the unlock agent: ${problem}. rel unlock makes the folder anew once it is removed.`);
    return undefined;
  }
  const socket = socketPath(folder, target);
  return fs.existsSync(socket) ? socket : undefined;
}

/** The key the agent holds for this journal, if one is running for it in a trusted folder. */
export async function sealingFromAgent(
  env: Env,
  journal: string,
  warn: (message: string) => void,
): Promise<Sealing | undefined> {
  const target = journalTarget(journal);
  const socket = trustedSocket(env, target, warn);
  if (!socket) return undefined;
  const reply = await askAgent(socket, { op: 'key', target });
  if (!reply || typeof reply.key !== 'string') return undefined;
  const bytes = (name: string) => Buffer.from(String(reply[name]), 'base64');
  return { kdf: reply.kdf as KdfParams, salt: bytes('salt'), key: bytes('key'), check: bytes('check') };
}

/** Whether this agent's key is the one for a file sealed with this salt and cost. */
export function sealsWith(sealing: Sealing, salt: Buffer, kdf: KdfParams): boolean {
  return (
    sealing.salt.equals(salt) &&
    sealing.kdf.logN === kdf.logN &&
    sealing.kdf.r === kdf.r &&
    sealing.kdf.p === kdf.p &&
    sealing.key.length === 32
  );
}

export interface AgentStatus {
  target: string;
  expiresAt: number;
  pid: number;
}

/** What the journal's agent says of itself, if one runs. */
export async function agentStatus(env: Env, journal: string): Promise<AgentStatus | undefined> {
  const target = journalTarget(journal);
  const socket = trustedSocket(env, target, () => undefined);
  if (!socket) return undefined;
  const reply = await askAgent(socket, { op: 'status' });
  return reply && typeof reply.pid === 'number' ? (reply as unknown as AgentStatus) : undefined;
}

/**
 * Tells the journal's agent to drop its key; true when one did. A socket left by an agent that
 * was killed is removed.
 */
export async function lockAgent(env: Env, journal: string): Promise<boolean> {
  const target = journalTarget(journal);
  const folder = agentFolder(env);
  if (folderProblem(folder)) return false;
  const socket = socketPath(folder, target);
  if (!fs.existsSync(socket)) return false;
  const reply = await askAgent(socket, { op: 'lock' });
  if (reply?.locked === true) return true;
  removeStaleSocket(socket);
  return false;
}

function removeStaleSocket(socket: string): void {
  try {
    const stat = fs.lstatSync(socket);
    if (stat.isSocket() && stat.uid === process.getuid?.()) fs.unlinkSync(socket);
  } catch {
    // gone already
  }
}

/**
 * Starts an agent holding this journal's key until `expiresAt`, replacing one already running for
 * it. The folder is made 0700 if need be; one that cannot be trusted is refused (exit 2).
 */
export async function startAgent(
  env: Env,
  journal: string,
  sealing: Sealing,
  expiresAt: number,
): Promise<void> {
  const target = journalTarget(journal);
  const folder = agentFolder(env);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const problem = folderProblem(folder);
  if (problem) {
    throw new UsageError(
      `Cannot unlock: ${problem}.`,
      `The agent's folder must be yours and closed to others: chmod 700 ${JSON.stringify(folder)} (or remove it, and rel unlock makes it).`,
    );
  }
  const socket = socketPath(folder, target);
  if (Buffer.byteLength(socket) > 100) {
    throw new UsageError(
      `Cannot unlock: the agent's socket path is too long for the system (${socket}).`,
      'Set XDG_RUNTIME_DIR (or XDG_STATE_HOME) to a shorter folder.',
    );
  }
  // One rel unlock at a time per journal: without this, two at once could each find no agent,
  // each start one, and leave one of them holding the key off the socket.
  const release = await takeStartLock(socket.replace(/\.sock$/, '.lock'));
  try {
    return await replaceAgent(env, journal, socket, target, sealing, expiresAt);
  } finally {
    release();
  }
}

const START_LOCK_WAIT_MS = 15_000;

/** Takes the start lock (a file naming its pid), waiting for another rel unlock to finish. */
async function takeStartLock(lock: string): Promise<() => void> {
  const deadline = Date.now() + START_LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock whose rel unlock is gone (killed while starting) is taken over.
    let holder = '';
    try {
      holder = fs.readFileSync(lock, 'utf8');
    } catch {
      continue; // released meanwhile
    }
    if (holder && !running(Number(holder))) {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new UsageError(
        `Cannot unlock: another rel unlock (pid ${holder || '?'}) is still starting the agent.`,
        `Try again in a moment; if no rel unlock runs, remove ${JSON.stringify(lock)}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function replaceAgent(
  env: Env,
  journal: string,
  socket: string,
  target: string,
  sealing: Sealing,
  expiresAt: number,
): Promise<void> {
  if (fs.existsSync(socket) && !(await lockAgent(env, journal))) removeStaleSocket(socket);
  // An empty environment: REL_PASSPHRASE must not live on in a process that runs for hours. Its
  // working folder is the agent folder, which names whose agent it is (in ps and /proc).
  const child = spawn(process.execPath, [new URL('../store/agent-process.js', import.meta.url).pathname], {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    env: {},
    cwd: path.dirname(socket),
  });
  const started = new Promise<void>((resolve, reject) => {
    child.once('message', (message: { ready?: boolean; error?: string }) =>
      message.ready
        ? resolve()
        : reject(new UsageError(`Cannot unlock: the agent could not start (${message.error}).`)),
    );
    child.once('exit', (code) =>
      reject(new UsageError(`Cannot unlock: the agent ended at once (exit ${code}).`)),
    );
    child.once('error', (error) => reject(new UsageError(`Cannot unlock: ${error.message}.`)));
  });
  child.send({
    socket,
    target,
    expiresAt,
    sealing: {
      kdf: sealing.kdf,
      salt: sealing.salt.toString('base64'),
      key: sealing.key.toString('base64'),
      check: sealing.check.toString('base64'),
    },
  });
  try {
    await started;
  } finally {
    child.removeAllListeners();
    if (child.connected) child.disconnect();
    child.unref();
  }
}
