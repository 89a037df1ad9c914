// rel encrypt, rel passphrase and rel forget killed (SIGKILL) at random moments: afterwards the
// next rel works, and once it has run no file rel keeps (the store's folder, the config and state
// folders, the temp folder) holds the plain text that was meant to be encrypted or forgotten.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, journalText, person, writeJournal } from '../helpers/journal.js';
import { relAsync, rel as relProcess } from '../helpers/rel.js';
import { ok, rel, tempDir } from '../helpers/run.js';

const TRIES = 10;
const SECRET = 'SECRET-worried-about-the-layoffs';
const FORGOTTEN = 'FORGET-ME-wants-to-leave';

interface Setup {
  root: string;
  store: string;
  env: Record<string, string>;
}

async function setup(tag: string): Promise<Setup> {
  const root = tempDir(tag);
  const store = path.join(root, 'data', 'journal.json');
  for (const dir of ['config', 'state', 'tmp']) fs.mkdirSync(path.join(root, dir));
  const env = {
    XDG_CONFIG_HOME: path.join(root, 'config'),
    XDG_STATE_HOME: path.join(root, 'state'),
    TMPDIR: path.join(root, 'tmp'),
    REL_KDF_LOG_N: '10',
  };
  // Large enough that writing it takes a while: kills land during writes too.
  const filler = 'x'.repeat(200);
  const conversations = Array.from({ length: 1500 }, (_, i) =>
    conversation(`c${i}`, [i % 2 ? 'ana-silva' : 'ben-okafor'], '2026-10-01', `${filler} ${i}`),
  );
  writeJournal(
    store,
    journalText([person('ana-silva', 'Ana Silva'), person('ben-okafor', 'Ben Okafor')], conversations),
  );
  // Backups and undo data that hold both texts.
  await ok(['log', 'ana', '--note', SECRET], { store, env });
  await ok(['log', 'ben', '--note', FORGOTTEN], { store, env });
  await ok(['log', 'ana', '--note', 'third'], { store, env });
  return { root, store, env };
}

/** Every file under the root whose bytes contain the text. */
function filesHolding(root: string, text: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && fs.readFileSync(file).includes(text)) found.push(file);
    }
  };
  walk(root);
  return found;
}

/** Runs rel and kills it with SIGKILL after `ms`, or lets it finish if it is quicker. */
function killAfter(args: string[], s: Setup, env: Record<string, string>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = relAsync(args, { store: s.store, env: { ...s.env, ...env } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * How long a run takes uninterrupted, on a throwaway copy: kills are spread over that. The run is
 * a process, as the killed ones are; what surrounds a kill runs in this one.
 */
async function duration(
  args: string[],
  env: Record<string, string>,
  prepare?: (s: Setup) => Promise<unknown>,
): Promise<number> {
  const s = await setup('crash-timing');
  await prepare?.(s);
  const start = Date.now();
  relProcess(args, { store: s.store, env: { ...s.env, ...env } });
  return Date.now() - start;
}

const encrypted = (file: string) => fs.readFileSync(file).subarray(0, 8).toString() === 'RELCRYPT';

describe('kill tests', { timeout: 600_000 }, () => {
  it(`rel encrypt killed ${TRIES} times: the next rel log finishes it, no plain text remains`, async () => {
    const span = await duration(['encrypt'], { REL_PASSPHRASE: 'pw' });
    for (let i = 0; i < TRIES; i++) {
      const s = await setup('crash-encrypt');
      await killAfter(['encrypt'], s, { REL_PASSPHRASE: 'pw' }, Math.random() * span * 1.2);
      const env = { ...s.env, REL_PASSPHRASE: 'pw' };
      const logged = await rel(['log', 'ana', '--note', 'after'], { store: s.store, env });
      expect(logged.code, logged.stderr).toBe(0);
      if (encrypted(s.store)) {
        expect(filesHolding(s.root, SECRET), `try ${i}`).toEqual([]);
        expect((await rel(['doctor'], { store: s.store, env })).code).toBe(0);
      } else {
        // Killed before the journal's rename: everything as it was, and encrypting works.
        expect((await ok(['encrypt'], { store: s.store, env })) !== undefined).toBe(true);
        expect(filesHolding(s.root, SECRET), `try ${i}, encrypted after`).toEqual([]);
      }
      expect(await ok(['profile', 'ana', '--json'], { store: s.store, env })).toContain('after');
    }
  });

  it('an encryption left half-done is found by rel doctor and finished by rel doctor --fix', async () => {
    const s = await setup('crash-mixed');
    const env = { ...s.env, REL_PASSPHRASE: 'pw' };
    const backup = path.join(path.dirname(s.store), '.journal.json.backup-1');
    const plain = fs.readFileSync(backup);
    await ok(['encrypt'], { store: s.store, env });
    fs.writeFileSync(backup, plain); // as a kill between the journal and its copies leaves it
    const doctor = await rel(['doctor', '--json'], { store: s.store, env });
    expect(doctor.code).toBe(1);
    expect(JSON.parse(doctor.stdout).findings).toContainEqual(
      expect.objectContaining({ check: 'encryption' }),
    );
    expect((await rel(['encrypt'], { store: s.store, env })).stderr).toContain('Finished encrypting');
    expect(filesHolding(s.root, SECRET)).toEqual([]);
    fs.writeFileSync(backup, plain);
    expect((await rel(['doctor', '--fix'], { store: s.store, env })).stdout).toContain('encrypted');
    expect(filesHolding(s.root, SECRET)).toEqual([]);
    expect((await rel(['doctor'], { store: s.store, env })).code).toBe(0);
  });

  it('rel passphrase stopped right after the journal took the new key: log, undo and doctor work', async () => {
    const s = await setup('crash-pass-window');
    await ok(['encrypt'], { store: s.store, env: { ...s.env, REL_PASSPHRASE: 'old' } });
    // The journal's rename is the first, the undo data's the second: stopped between the two.
    const stopped = relProcess(['passphrase'], {
      store: s.store,
      env: { ...s.env, REL_PASSPHRASE: 'old', REL_NEW_PASSPHRASE: 'new', REL_FAULT: 'rename@2:kill' },
    });
    expect(stopped.code).toBeNull();
    const env = { ...s.env, REL_PASSPHRASE: 'new' };
    const logged = await rel(['log', 'ana', '--note', 'after'], { store: s.store, env });
    expect(logged.code, logged.stderr).toBe(0);
    expect((await rel(['undo'], { store: s.store, env })).code).toBe(0);
    expect((await rel(['doctor', '--fix'], { store: s.store, env })).code).toBe(0);
    expect((await rel(['doctor'], { store: s.store, env })).code).toBe(0);
    expect(filesHolding(s.root, SECRET)).toEqual([]);
  });

  it(`rel passphrase killed ${TRIES} times: one passphrase opens it, and log, undo and doctor work`, async () => {
    const encryptFirst = async (s: Setup) =>
      await ok(['encrypt'], { store: s.store, env: { ...s.env, REL_PASSPHRASE: 'old' } });
    const change = { REL_PASSPHRASE: 'old', REL_NEW_PASSPHRASE: 'new' };
    const span = await duration(['passphrase'], change, encryptFirst);
    for (let i = 0; i < TRIES; i++) {
      const s = await setup('crash-pass');
      await encryptFirst(s);
      await killAfter(['passphrase'], s, change, Math.random() * span * 1.2);
      const withNew = { ...s.env, REL_PASSPHRASE: 'new' };
      const withOld = { ...s.env, REL_PASSPHRASE: 'old' };
      const env = (await rel(['due'], { store: s.store, env: withNew })).code === 0 ? withNew : withOld;
      const logged = await rel(['log', 'ana', '--note', 'after'], { store: s.store, env });
      expect(logged.code, `try ${i}: ${logged.stderr}`).toBe(0);
      const undo = await rel(['undo'], { store: s.store, env });
      expect(undo.code, `try ${i}: ${undo.stderr}`).toBe(0);
      const fixed = await rel(['doctor', '--fix'], { store: s.store, env });
      expect(fixed.stderr).not.toContain('Wrong passphrase');
      expect((await rel(['doctor'], { store: s.store, env })).code, `try ${i}`).toBe(0);
      expect(filesHolding(s.root, SECRET)).toEqual([]);
    }
  });

  it(`rel forget killed ${TRIES} times: the next rel finishes it, and no restore brings them back`, async () => {
    const span = await duration(['forget', 'ben', '--yes'], {});
    for (let i = 0; i < TRIES; i++) {
      const s = await setup('crash-forget');
      await killAfter(['forget', 'ben', '--yes'], s, {}, Math.random() * span * 1.2);
      const logged = await rel(['log', 'ana', '--note', 'after'], { store: s.store, env: s.env });
      expect(logged.code, logged.stderr).toBe(0);
      const people = JSON.parse(await ok(['people', '--json'], { store: s.store, env: s.env }));
      if (people.some((p: { id: string }) => p.id === 'ben-okafor')) continue; // killed before it began
      expect(filesHolding(s.root, FORGOTTEN), `try ${i}`).toEqual([]);
      for (let n = 0; n < 3; n++) await rel(['doctor', '--restore', '--yes'], { store: s.store, env: s.env });
      expect(filesHolding(s.root, FORGOTTEN), `try ${i}, after restores`).toEqual([]);
      expect(await ok(['people', '--json'], { store: s.store, env: s.env })).not.toContain('ben-okafor');
    }
  });

  it('a forget left pending is reported by rel doctor and finished before a restore', async () => {
    const s = await setup('crash-pending');
    // As a kill just after the record and the journal's rewrite, before the backups, leaves it.
    fs.writeFileSync(
      path.join(path.dirname(s.store), '.journal.json.forget'),
      JSON.stringify({ version: 1, forget: ['ben-okafor'] }),
    );
    const doctor = JSON.parse((await rel(['doctor', '--json'], { store: s.store, env: s.env })).stdout);
    expect(doctor.findings).toContainEqual(expect.objectContaining({ check: 'forget', severity: 'error' }));
    const restored = await rel(['doctor', '--restore', '--yes'], { store: s.store, env: s.env });
    expect(restored.code, restored.stderr).toBe(0);
    expect(filesHolding(s.root, FORGOTTEN)).toEqual([]);
    expect(await ok(['people', '--json'], { store: s.store, env: s.env })).not.toContain('ben-okafor');
  });
});
