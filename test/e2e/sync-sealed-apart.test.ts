// Two synced machines that each ran rel encrypt apart (each its own salt, so its own key), then
// rel unlock, through the built bin (the agent is a process of its own) and a bare remote: the
// key an agent holds opens only its machine's journal, so the first sync needs the passphrase,
// says so, and then leaves both machines on one key.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentStatus } from '../../src/store/agent.js';
import { twoMachines } from '../helpers/machines.js';
import { ok, rel } from '../helpers/rel.js';

const FAST = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: undefined };
const started: { env: Record<string, string | undefined>; store: string }[] = [];

afterEach(async () => {
  // No agent outlives its test.
  for (const s of started.splice(0)) {
    const status = await agentStatus(s.env as NodeJS.ProcessEnv, s.store);
    if (status) process.kill(status.pid, 'SIGKILL');
  }
});

/** Two machines synced plain, each with a folder of its own for its agent. */
function machines(tag: string) {
  const m = twoMachines(tag, path.join('data', 'journal.json'));
  const side = (store: string) => {
    const run = path.join(path.dirname(path.dirname(store)), 'run');
    fs.mkdirSync(run, { recursive: true, mode: 0o700 });
    return { store, env: { ...FAST, XDG_RUNTIME_DIR: run } };
  };
  const [a, b] = [side(m.a), side(m.b)];
  ok(['add', 'Ana Silva'], a);
  ok(['sync', '--init', m.url], a);
  ok(['sync', '--init', m.url], b);
  return { a, b };
}

function encryptAndUnlock(m: { store: string; env: Record<string, string | undefined> }, passphrase: string) {
  const withIt = { ...m, env: { ...m.env, REL_PASSPHRASE: passphrase } };
  ok(['encrypt'], withIt);
  ok(['unlock'], withIt);
  started.push(m);
  return withIt;
}

describe('sync under rel unlock, two machines encrypted apart', { timeout: 300_000 }, () => {
  it('same passphrase: the first sync asks for it, saying why; then both share one key and sync unlocked', () => {
    const { a, b } = machines('sealed-apart');
    ok(['log', 'ana', '--note', 'from A'], a);
    ok(['log', 'ana', '--note', 'from B'], b);
    encryptAndUnlock(a, 'same passphrase 1');
    const bWith = encryptAndUnlock(b, 'same passphrase 1');
    expect(ok(['sync'], a)).toContain('Synced.');
    const before = fs.readFileSync(b.store);
    const refused = rel(['sync'], b);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('journal.json on the remote (file://');
    expect(refused.stderr).toContain(
      'is sealed with another key than the journal here (the other machine encrypted it apart, with a salt of its own)',
    );
    expect(refused.stderr).toContain('Run rel sync once in a terminal');
    expect(fs.readFileSync(b.store).equals(before)).toBe(true);
    const synced = ok(['sync'], bWith);
    expect(synced).toContain("The journal here is now sealed with the other machine's key");
    // A's agent still opens everything: the remote kept A's key.
    expect(ok(['sync'], a)).toContain('Received: 1 conversation added');
    ok(['unlock'], bWith);
    expect(ok(['sync'], b)).toContain('Synced.');
    for (const m of [a, b]) {
      const notes = ok(['history', 'ana', '--json'], m);
      expect(notes).toContain('from A');
      expect(notes).toContain('from B');
    }
    expect(fs.readFileSync(a.store).subarray(13, 29)).toEqual(fs.readFileSync(b.store).subarray(13, 29));
  });

  it('different passphrases: refused, saying the passphrases differ and what to do', () => {
    const { a, b } = machines('sealed-apart-two');
    encryptAndUnlock(a, 'first passphrase');
    encryptAndUnlock(b, 'other passphrase');
    expect(ok(['sync'], a)).toContain('Synced.');
    const refused = rel(['sync'], { ...b, env: { ...b.env, REL_PASSPHRASE: 'other passphrase' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('or encrypted it apart with another');
    expect(refused.stderr).toContain('Change the passphrase here to the same one first');
  });
});
