// rel unlock / rel lock through the built rel: the agent serves the key to this user's commands
// only, drops it on rel lock and rel passphrase, leaves nothing on disk, and a killed agent or an
// untrusted folder leaves rel working as it does without one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentFolder, agentStatus, socketPath } from '../../src/store/agent.js';
import { deriveSealing } from '../../src/store/crypto.js';
import { ok, type RunOptions, rel, relAsync, tempDir } from '../helpers/rel.js';

const PASSPHRASE = 'correct horse battery staple';
const NOBODY = 65534;

interface Setup {
  store: string;
  env: Record<string, string>;
  /** Runs rel with no passphrase at all (none in the environment, no terminal). */
  run: (args: string[], extra?: Record<string, string | undefined>) => ReturnType<typeof rel>;
  folder: string;
  socket: string;
}

const started: Setup[] = [];

/** An encrypted journal with one person, and folders of its own for the agent and HOME. */
function setup(tag: string, env: Record<string, string> = {}): Setup {
  const dir = tempDir(tag);
  const store = path.join(dir, 'data', 'journal.json');
  const base: Record<string, string> = {
    REL_KDF_LOG_N: '10',
    HOME: path.join(dir, 'home'),
    XDG_RUNTIME_DIR: path.join(dir, 'run'),
    XDG_STATE_HOME: path.join(dir, 'state'),
    ...env,
  };
  fs.mkdirSync(path.join(dir, 'run'), { mode: 0o700 });
  const options = (extra: Record<string, string | undefined> = {}): RunOptions => ({
    store,
    env: { ...base, REL_PASSPHRASE: undefined, ...extra },
  });
  ok(['add', 'Ana Silva', '--team', 'Platform'], options());
  ok(['encrypt'], options({ REL_PASSPHRASE: PASSPHRASE }));
  const folder = agentFolder(base);
  const s: Setup = {
    store,
    env: base,
    run: (args, extra) => rel(args, options(extra)),
    folder,
    socket: socketPath(folder, fs.realpathSync(store)),
  };
  started.push(s);
  return s;
}

function unlock(s: Setup, ...args: string[]) {
  const r = s.run(['unlock', ...args], { REL_PASSPHRASE: PASSPHRASE });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`still not so after 10 s: ${what}`);
}

const NO_PASSPHRASE = /encrypted and no passphrase was given/;

afterEach(async () => {
  // No agent outlives its test, whatever the test did.
  for (const s of started.splice(0)) {
    if (fs.existsSync(s.folder)) {
      fs.chownSync(s.folder, process.getuid!(), process.getgid!());
      fs.chmodSync(s.folder, 0o700);
    }
    const status = await agentStatus(s.env, s.store);
    if (status) process.kill(status.pid, 'SIGKILL');
  }
});

describe('rel unlock and rel lock', { timeout: 120_000 }, () => {
  it('unlocked, commands need no passphrase; rel lock drops the key and the agent ends', async () => {
    const s = setup('unlock');
    expect(s.run(['due']).stderr).toMatch(NO_PASSPHRASE);
    const r = unlock(s);
    expect(r.stderr).toMatch(/Unlocked .*journal\.json for 15 min \(until \d\d:\d\d\)/);
    expect(s.run(['due']).code).toBe(0);
    const logged = s.run(['log', 'ana', '--note', 'talked about the roadmap']);
    expect(logged.code, logged.stderr).toBe(0);
    expect(fs.readFileSync(s.store).subarray(0, 8).toString()).toBe('RELCRYPT');
    expect(s.run(['history', 'ana']).stdout).toContain('talked about the roadmap');
    const { pid } = (await agentStatus(s.env, s.store))!;
    const locked = s.run(['lock']);
    expect(locked.code).toBe(0);
    expect(locked.stderr).toMatch(/Locked .*the key is dropped/);
    expect(fs.existsSync(s.socket)).toBe(false);
    await until(() => !alive(pid), 'the agent ended');
    expect(s.run(['due']).stderr).toMatch(NO_PASSPHRASE);
    const again = s.run(['lock']);
    expect([again.code, again.stderr]).toEqual([0, expect.stringMatching(/was not unlocked/)]);
  });

  it('unlocking again asks for the passphrase itself; a wrong one leaves the running agent as it was', async () => {
    const s = setup('again');
    unlock(s);
    const { pid } = (await agentStatus(s.env, s.store))!;
    const wrong = s.run(['unlock', '--for', '2h'], { REL_PASSPHRASE: 'not it' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
    expect((await agentStatus(s.env, s.store))?.pid).toBe(pid);
    expect(s.run(['due']).code).toBe(0);
    unlock(s, '--for', '2h');
    await until(() => !alive(pid), 'the first agent ended');
    const second = (await agentStatus(s.env, s.store))!;
    expect(second.pid).not.toBe(pid);
    expect(second.expiresAt - Date.now()).toBeGreaterThan(100 * 60_000);
  });

  it('two rel unlock at once: one agent holds the key, none is left off the socket, rel lock leaves none', async () => {
    const s = setup('race');
    const options = { store: s.store, env: { ...s.env, REL_PASSPHRASE: PASSPHRASE } };
    const finished = (child: ReturnType<typeof relAsync>) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const runs = await Promise.all([
      finished(relAsync(['unlock', '--for', '5min'], options)),
      finished(relAsync(['unlock', '--for', '10min'], options)),
    ]);
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/Unlocked/)]);
    // The agents of this test are the processes whose working folder is its agent folder.
    const agents = () =>
      fs.readdirSync('/proc').filter((pid) => {
        try {
          return /^\d+$/.test(pid) && fs.readlinkSync(`/proc/${pid}/cwd`) === s.folder;
        } catch {
          return false;
        }
      });
    const { pid } = (await agentStatus(s.env, s.store))!;
    await until(() => agents().length === 1, 'one agent only');
    expect(agents()).toEqual([String(pid)]);
    expect(s.run(['due']).code).toBe(0);
    expect(s.run(['lock']).code).toBe(0);
    await until(() => agents().length === 0, 'no agent after rel lock');
    expect(fs.readdirSync(s.folder)).toEqual([]);
  });

  it('the key is served to this user only: a 0700 folder, a 0600 socket, another user is refused', async () => {
    const s = setup('perms');
    unlock(s);
    expect(fs.statSync(s.folder).mode & 0o777).toBe(0o700);
    expect(fs.lstatSync(s.socket).isSocket()).toBe(true);
    expect(fs.lstatSync(s.socket).mode & 0o777).toBe(0o600);
    // Another user asks the socket for the key (the test runs as root, so it can be that user).
    const script = `const c=require('net').createConnection(${JSON.stringify(s.socket)});c.on('connect',()=>{c.write('{"op":"key","target":${JSON.stringify(fs.realpathSync(s.store))}}\\n')});c.on('data',d=>process.stdout.write('GOT '+d));c.on('error',e=>process.stdout.write(e.code))`;
    fs.chmodSync(path.dirname(s.folder), 0o711); // even with the folder above open to passers-by
    fs.chmodSync(path.dirname(path.dirname(s.folder)), 0o711);
    const other = spawnSync(process.execPath, ['-e', script], { uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
    expect(other.stdout).toBe('EACCES');
    // The same request from this user gets the key: the refusal above was the folder's doing.
    const same = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(same.stdout).toMatch(/^GOT \{"kdf"/);
  });

  it('a folder others can enter, or that belongs to someone else, is not used (and unlock refuses it)', async () => {
    const s = setup('owner');
    unlock(s);
    fs.chmodSync(s.folder, 0o755);
    const open = s.run(['due']);
    expect(open.code).toBe(2);
    expect(open.stderr).toMatch(
      /not asking the unlock agent: .* can be entered or read by others \(mode 755\)/,
    );
    expect(open.stderr).toMatch(NO_PASSPHRASE);
    fs.chmodSync(s.folder, 0o700);
    expect(s.run(['due']).code).toBe(0);

    fs.chownSync(s.folder, NOBODY, NOBODY);
    const foreign = s.run(['due']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/not asking the unlock agent: .* belongs to user 65534, not to you \(0\)/);
    // With the passphrase given, rel works as it does without an agent (and says why it did not ask).
    const withPassphrase = s.run(['due'], { REL_PASSPHRASE: PASSPHRASE });
    expect(withPassphrase.code).toBe(0);
    const refused = s.run(['unlock'], { REL_PASSPHRASE: PASSPHRASE });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Cannot unlock: .* belongs to user 65534/);
    fs.chownSync(s.folder, process.getuid!(), process.getgid!());
    expect(s.run(['due']).code).toBe(0);
  });

  it('a killed agent leaves a stale socket that rel passes over, rel lock removes and rel unlock replaces', async () => {
    const s = setup('killed');
    unlock(s);
    const { pid } = (await agentStatus(s.env, s.store))!;
    process.kill(pid, 'SIGKILL');
    await until(() => !alive(pid), 'the agent died');
    expect(fs.existsSync(s.socket)).toBe(true);
    const without = s.run(['due']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(NO_PASSPHRASE);
    expect(without.stderr).not.toMatch(/unexpected|ECONNREFUSED/);
    expect(s.run(['due'], { REL_PASSPHRASE: PASSPHRASE }).code).toBe(0);
    unlock(s);
    expect(s.run(['due']).code).toBe(0);
    const { pid: second } = (await agentStatus(s.env, s.store))!;
    process.kill(second, 'SIGKILL');
    await until(() => !alive(second), 'the second agent died');
    expect(s.run(['lock']).stderr).toMatch(/was not unlocked/);
    expect(fs.existsSync(s.socket)).toBe(false);
  });

  it('a stopped agent is passed over: commands go on with the passphrase', async () => {
    const s = setup('stopped');
    unlock(s);
    const { pid } = (await agentStatus(s.env, s.store))!;
    process.kill(pid, 'SIGSTOP');
    try {
      expect(s.run(['due']).stderr).toMatch(NO_PASSPHRASE);
      expect(s.run(['due'], { REL_PASSPHRASE: PASSPHRASE }).code).toBe(0);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  it('rel passphrase drops the key once changed; a failed change keeps it; the new passphrase opens the journal', async () => {
    const s = setup('passphrase');
    unlock(s);
    const { pid: second } = (await agentStatus(s.env, s.store))!;
    // The current passphrase is still asked for: an unlocked journal does not change it without.
    const without = s.run(['passphrase', '--no-input'], { REL_NEW_PASSPHRASE: 'new one' });
    expect([without.code, without.stderr]).toEqual([2, expect.stringMatching(NO_PASSPHRASE)]);
    // No new passphrase given, or a wrong current one: nothing changed, so the agent keeps the key.
    const noNew = s.run(['passphrase', '--no-input'], { REL_PASSPHRASE: PASSPHRASE });
    expect([noNew.code, noNew.stderr]).toEqual([2, expect.stringMatching(/A new passphrase is needed/)]);
    const wrong = s.run(['passphrase'], { REL_PASSPHRASE: 'not it', REL_NEW_PASSPHRASE: 'new one' });
    expect(wrong.code).toBe(1);
    expect((await agentStatus(s.env, s.store))?.pid).toBe(second);
    expect(s.run(['due']).code).toBe(0);
    const changed = s.run(['passphrase'], { REL_PASSPHRASE: PASSPHRASE, REL_NEW_PASSPHRASE: 'new one' });
    expect(changed.code, changed.stderr).toBe(0);
    await until(() => !alive(second), 'the agent ended');
    expect(fs.existsSync(s.socket)).toBe(false);
    expect(s.run(['due']).stderr).toMatch(NO_PASSPHRASE);
    expect(s.run(['due'], { REL_PASSPHRASE: 'new one' }).code).toBe(0);
  });

  it('the key is never written to disk: not in the journal folder, the agent folder, the state folder or HOME', async () => {
    const s = setup('disk');
    unlock(s, '--for', '2h');
    ok(['due'], { store: s.store, env: s.env });
    ok(['log', 'ana', '--note', 'a note'], { store: s.store, env: s.env });
    ok(['people'], { store: s.store, env: s.env });
    const status = (await agentStatus(s.env, s.store))!;
    // The key, derived here from the passphrase and the file's header as rel derives it.
    const header = fs.readFileSync(s.store);
    const kdf = { logN: header[10]!, r: header[11]!, p: header[12]! };
    const { key } = await deriveSealing(PASSPHRASE, header.subarray(13, 29), kdf);
    const forms = [key, Buffer.from(key.toString('base64')), Buffer.from(key.toString('hex'))];
    const root = path.dirname(path.dirname(s.store));
    const search = () =>
      fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .filter((file) => forms.some((form) => fs.readFileSync(file).includes(form)));
    expect(search()).toEqual([]);
    // The search would see it: a planted copy is found.
    const planted = path.join(s.env.XDG_STATE_HOME!, 'planted');
    fs.mkdirSync(path.dirname(planted), { recursive: true });
    fs.writeFileSync(planted, `x${key.toString('base64')}x`);
    expect(search()).toEqual([planted]);
    // Nor is the passphrase (or the key) in the agent's environment or arguments.
    const environ = fs.readFileSync(`/proc/${status.pid}/environ`);
    const cmdline = fs.readFileSync(`/proc/${status.pid}/cmdline`);
    for (const bytes of [environ, cmdline]) {
      expect(bytes.includes(Buffer.from(PASSPHRASE))).toBe(false);
      for (const form of forms) expect(bytes.includes(form)).toBe(false);
    }
  });

  it('without an agent rel is as it was: no folder made, the passphrase asked for; a plain journal is not unlocked', () => {
    const s = setup('none');
    expect(s.run(['due'], { REL_PASSPHRASE: PASSPHRASE }).code).toBe(0);
    expect(s.run(['due']).stderr).toMatch(NO_PASSPHRASE);
    expect(fs.existsSync(s.folder)).toBe(false);
    const wrong = s.run(['unlock'], { REL_PASSPHRASE: 'wrong' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
    expect(fs.existsSync(s.socket)).toBe(false);
    ok(['decrypt'], { store: s.store, env: { ...s.env, REL_PASSPHRASE: PASSPHRASE } });
    const plain = s.run(['unlock']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/is not encrypted: there is no key to keep/);
  });

  it('without XDG_RUNTIME_DIR the agent lives under $XDG_STATE_HOME/rel; --for is read as minutes or hours', async () => {
    const s = setup('state', { XDG_RUNTIME_DIR: '' });
    expect(s.folder).toBe(path.join(s.env.XDG_STATE_HOME!, 'rel'));
    const refused = s.run(['unlock', '--for', '15m'], { REL_PASSPHRASE: PASSPHRASE });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/"15m" is ambiguous: elsewhere in rel, m means months/);
    expect(refused.stderr).toMatch(/write 15min/);
    expect(s.run(['unlock', '--for', '13h'], { REL_PASSPHRASE: PASSPHRASE }).stderr).toMatch(/at most 12h/);
    const r = unlock(s, '--for', '1h30min');
    expect(r.stderr).toMatch(/for 1 h 30 min/);
    const status = (await agentStatus(s.env, s.store))!;
    expect(status.expiresAt - Date.now()).toBeGreaterThan(80 * 60_000);
    expect(status.expiresAt - Date.now()).toBeLessThanOrEqual(90 * 60_000);
    expect(fs.existsSync(s.socket)).toBe(true);
    expect(s.run(['due']).code).toBe(0);
  });
});
