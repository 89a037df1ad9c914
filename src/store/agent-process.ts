// The unlock agent as a process of its own (started by `rel unlock`, detached from the terminal):
// it is handed the key once over the IPC pipe from its parent, never through a file, its
// arguments or its environment, and serves it until it drops it. See agent-server.ts.

import { serveKey } from './agent-server.js';
import type { KdfParams } from './crypto.js';

interface Start {
  socket: string;
  target: string;
  expiresAt: number;
  sealing: { kdf: KdfParams; salt: string; key: string; check: string };
}

process.title = 'rel-agent';
process.once('message', (message: Start) => {
  const { sealing } = message;
  serveKey({
    socket: message.socket,
    target: message.target,
    expiresAt: message.expiresAt,
    sealing: {
      kdf: sealing.kdf,
      salt: Buffer.from(sealing.salt, 'base64'),
      key: Buffer.from(sealing.key, 'base64'),
      check: Buffer.from(sealing.check, 'base64'),
    },
  }).then(
    (agent) => {
      for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => agent.drop());
      process.send?.({ ready: true }, () => process.disconnect());
    },
    (error: Error) => {
      // An agent that could not take the socket (another holds it) ends at once, key and all.
      process.send?.({ error: error.message }, () => process.exit(1));
    },
  );
});
