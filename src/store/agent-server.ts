// The unlock agent's server: holds one journal's derived key in memory and gives it, over a Unix
// socket in a folder only its user can enter, to rel commands run by that user. It drops the key
// (overwritten, then the process ends) when its time is up, on `rel lock`, and on a signal.
import fs from 'node:fs';
import net from 'node:net';
import type { Sealing } from './crypto.js';

export interface AgentOptions {
  socket: string;
  /** The journal whose key this is (its real path): asked for any other, the agent says no. */
  target: string;
  sealing: Sealing;
  /** When the key is dropped, in ms since the epoch. */
  expiresAt: number;
  /** Called once the key is dropped and the socket closed. */
  onDropped?: () => void;
}

export interface Agent {
  /** Drops the key and stops listening. */
  drop(): void;
}

/** One request a line: {"op":"key","target":…}, {"op":"status"} or {"op":"lock"}. */
export type AgentRequest = { op: 'key'; target: string } | { op: 'status' } | { op: 'lock' };

const MAX_REQUEST = 4096;

export function serveKey(options: AgentOptions): Promise<Agent> {
  const { socket, target, sealing, expiresAt } = options;
  let dropped = false;
  let socketIno: number | undefined;
  const server = net.createServer((connection) => {
    let text = '';
    connection.setEncoding('utf8');
    connection.setTimeout(5000, () => connection.destroy());
    connection.on('error', () => connection.destroy());
    connection.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_REQUEST) return connection.destroy();
      const end = text.indexOf('\n');
      if (end < 0) return;
      connection.end(`${JSON.stringify(answer(text.slice(0, end)))}\n`);
    });
  });

  function answer(line: string): Record<string, unknown> {
    // A clock that jumped (a laptop that slept through the end) is checked on every request too.
    if (Date.now() >= expiresAt) drop();
    if (dropped) return { error: 'locked' };
    let request: AgentRequest;
    try {
      request = JSON.parse(line) as AgentRequest;
    } catch {
      return { error: 'bad request' };
    }
    switch (request?.op) {
      case 'key':
        if (request.target !== target) return { error: 'not this journal' };
        return {
          kdf: sealing.kdf,
          salt: sealing.salt.toString('base64'),
          key: sealing.key.toString('base64'),
          check: sealing.check.toString('base64'),
        };
      case 'status':
        return { target, expiresAt, pid: process.pid };
      case 'lock':
        drop();
        return { locked: true };
      default:
        return { error: 'bad request' };
    }
  }

  function drop(): void {
    if (dropped) return;
    dropped = true;
    clearTimeout(timer);
    sealing.key.fill(0);
    sealing.check.fill(0);
    // The socket is removed only while it is still this agent's (a newer agent may have replaced it).
    try {
      if (fs.lstatSync(socket).ino === socketIno) fs.unlinkSync(socket);
    } catch {
      // already gone
    }
    // No new connections; one still open ends with its reply (or its timeout), and then the
    // process has nothing left to do and ends.
    server.close();
    options.onDropped?.();
  }

  const timer = setTimeout(drop, Math.max(0, expiresAt - Date.now()));
  return new Promise((resolve, reject) => {
    // A socket that cannot be taken (another agent listens there): the key is dropped at once.
    const failed = (error: Error) => {
      dropped = true;
      clearTimeout(timer);
      sealing.key.fill(0);
      sealing.check.fill(0);
      reject(error);
    };
    server.once('error', failed);
    server.listen(socket, () => {
      server.off('error', failed);
      fs.chmodSync(socket, 0o600);
      socketIno = fs.lstatSync(socket).ino;
      resolve({ drop });
    });
  });
}
