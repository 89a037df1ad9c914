// The agent's server in-process: it serves the key of its journal only, and at the end of its
// time (or on lock) overwrites the key, removes its socket and answers no more.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { askAgent, folderProblem } from '../../src/store/agent.js';
import { serveKey } from '../../src/store/agent-server.js';
import type { Sealing } from '../../src/store/crypto.js';
import { tempDir } from '../helpers/rel.js';

function sealing(): Sealing {
  return {
    kdf: { logN: 10, r: 8, p: 1 },
    salt: Buffer.alloc(16, 1),
    key: Buffer.alloc(32, 7),
    check: Buffer.alloc(16, 9),
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(condition()).toBe(true);
}

describe('the unlock agent', () => {
  it('serves the key of its own journal, and nothing for another', async () => {
    const socket = path.join(tempDir('agent'), 'a.sock');
    const agent = await serveKey({
      socket,
      target: '/j/journal.json',
      sealing: sealing(),
      expiresAt: Date.now() + 60_000,
    });
    const reply = await askAgent(socket, { op: 'key', target: '/j/journal.json' });
    expect(Buffer.from(String(reply?.key), 'base64')).toEqual(Buffer.alloc(32, 7));
    expect(await askAgent(socket, { op: 'key', target: '/other/journal.json' })).toEqual({
      error: 'not this journal',
    });
    agent.drop();
  });

  it('drops the key when its time is up: overwritten, the socket removed, no answer', async () => {
    const socket = path.join(tempDir('agent'), 'a.sock');
    const held = sealing();
    let dropped = false;
    await serveKey({
      socket,
      target: '/j',
      sealing: held,
      expiresAt: Date.now() + 300,
      onDropped: () => {
        dropped = true;
      },
    });
    expect((await askAgent(socket, { op: 'key', target: '/j' }))?.key).toBeTypeOf('string');
    await until(() => dropped);
    expect(held.key).toEqual(Buffer.alloc(32, 0));
    expect(held.check).toEqual(Buffer.alloc(16, 0));
    expect(fs.existsSync(socket)).toBe(false);
    expect(await askAgent(socket, { op: 'key', target: '/j' })).toBeUndefined();
  });

  it('on lock it answers once, then drops the key', async () => {
    const socket = path.join(tempDir('agent'), 'a.sock');
    const held = sealing();
    await serveKey({ socket, target: '/j', sealing: held, expiresAt: Date.now() + 60_000 });
    expect(await askAgent(socket, { op: 'lock' })).toEqual({ locked: true });
    expect(held.key).toEqual(Buffer.alloc(32, 0));
    expect(fs.existsSync(socket)).toBe(false);
  });

  it('a folder is trusted only when it is a folder of this user closed to others', () => {
    const dir = tempDir('agent-folder');
    const folder = path.join(dir, 'rel');
    expect(folderProblem(folder)).toBe('missing');
    fs.mkdirSync(folder, { mode: 0o700 });
    expect(folderProblem(folder)).toBeUndefined();
    fs.chmodSync(folder, 0o750);
    expect(folderProblem(folder)).toMatch(/can be entered or read by others \(mode 750\)/);
    fs.chmodSync(folder, 0o700);
    fs.chownSync(folder, 65534, 65534);
    expect(folderProblem(folder)).toMatch(/belongs to user 65534/);
    const link = path.join(dir, 'link');
    fs.symlinkSync(folder, link);
    expect(folderProblem(link)).toMatch(/is not a folder/);
  });
});
