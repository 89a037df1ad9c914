// Where output goes when it is not a plain file (found by a tester): --out through a symlink or
// onto a device, and stdout that cannot take the output (`rel export > /dev/full`).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ok, readJson, rel, relEnv, tempDir, tempStore } from '../helpers/rel.js';

describe('rel export --out and rel agenda --out write what a path names, as the shell would', () => {
  const store = tempStore('out-targets');
  beforeAll(() => {
    ok(['demo'], { store });
  });

  it('follow a symlink: the file it points to is written, the link stays a link', () => {
    const folder = tempDir('out-link');
    const target = path.join(folder, 'target.json');
    fs.writeFileSync(target, 'old\n');
    const link = path.join(folder, 'link.json');
    fs.symlinkSync('target.json', link);
    // target.json holds something: refused, naming it, until --force.
    const refused = spawnSync(process.execPath, [BIN, 'export', '--out', link], {
      env: relEnv({ store }),
      encoding: 'utf8',
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${target} (where ${link} points) already exists (4 bytes).`);
    expect(fs.readFileSync(target, 'utf8')).toBe('old\n');
    ok(['export', '--out', link, '--force'], { store });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readJson(target).people.length).toBeGreaterThan(0);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('follow a symlink to nothing yet: the file is made where it points', () => {
    const folder = tempDir('out-dangling');
    const link = path.join(folder, 'agenda.md');
    fs.symlinkSync('made.md', link);
    ok(['agenda', 'ana', '--out', link], { store });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(folder, 'made.md'), 'utf8')).toMatch(/Ana/);
  });

  it('write into a device without replacing it by a plain file', (context) => {
    const folder = tempDir('out-device');
    const device = path.join(folder, 'null');
    try {
      execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      // mknod needs root: without it, the device case cannot be made here.
      context.skip('mknod needs root: no device to write into');
    }
    const r = spawnSync(process.execPath, [BIN, 'export', '--format', 'markdown', '--out', device], {
      env: relEnv({ store }),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr.startsWith(`Wrote ${device} (`)).toBe(true);
    expect(fs.statSync(device).isCharacterDevice()).toBe(true);
  });
});

describe('--out /dev/stdout when stdout is a pipe (found by a tester: "Cannot write /proc/self/fd/pipe:[10379]")', () => {
  const store = tempStore('out-pipe');
  beforeAll(() => {
    ok(['demo'], { store });
  });

  // rel() spawns rel with its stdout a pipe, as `rel export --out /dev/stdout | wc -c` has it.
  for (const out of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']) {
    it(`rel export --format vcard --out ${out} writes the cards into the pipe`, (context) => {
      if (!fs.existsSync(out)) context.skip(`no ${out} on this system`);
      const r = rel(['export', '--format', 'vcard', '--out', out], { store });
      expect({ code: r.code, stderr: r.stderr }).toEqual({
        code: 0,
        stderr: expect.stringMatching(new RegExp(`^Wrote ${out} \\(\\d+ people\\)\\.`)),
      });
      expect(r.stdout).toMatch(/^BEGIN:VCARD\r\n/);
      expect(r.stdout.match(/BEGIN:VCARD/g)?.length).toBe(r.stdout.match(/END:VCARD/g)?.length);
    });
  }

  // The shell's pipe is a pipe (node's spawn gives a socket pair): `| cat`, as the tester ran it.
  it.each([
    ['export', '--format', 'vcard'],
    ['agenda', 'ana'],
  ])('rel %s … --out /dev/stdout | cat', (...args) => {
    const quote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;
    const line = [process.execPath, BIN, ...args, '--out', '/dev/stdout'].map(quote).join(' ');
    const r = spawnSync('sh', ['-c', `${line} | cat`], { env: relEnv({ store }), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Wrote .*\/dev\/stdout/);
    expect(r.stdout).toMatch(args[0] === 'export' ? /^BEGIN:VCARD/ : /^# 1:2:1 with Ana Silva/);
  });

  // Found by a tester: a reader that leaves early (`| head`) is no failure, as on stdout itself;
  // the export must be larger than the pipe's buffer for the writer to see it leave.
  it('rel export --out /dev/stdout | head -c 100: exit 0, as plain stdout', () => {
    const big = tempStore('out-targets-big');
    ok(['demo'], { store: big });
    const text = fs.readFileSync(big, 'utf8');
    const journal = JSON.parse(text);
    const one = journal.conversations[0];
    journal.conversations = Array.from({ length: 3000 }, (_, i) => ({
      ...one,
      id: `c${String(i).padStart(11, '0')}`,
      note: `note ${i} ${'x'.repeat(100)}`,
    }));
    fs.writeFileSync(big, JSON.stringify(journal, null, 2));
    const quote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;
    const line = [process.execPath, BIN, 'export', '--format', 'markdown', '--out', '/dev/stdout']
      .map(quote)
      .join(' ');
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${line} | head -c 100 >/dev/null`], {
      env: relEnv({ store: big }),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('EPIPE');
  });

  // Found by a tester: "--out /dev/stdout is a file; csv export writes two files into a folder".
  it('rel export --format csv --table people --out /dev/stdout writes that one table there', () => {
    const r = rel(['export', '--format', 'csv', '--table', 'people', '--out', '/dev/stdout'], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^name,aliases,role,/);
    expect(r.stderr).toMatch(/^Wrote the people table to \/dev\/stdout \(\d+ people\)\./);
  });

  it('rel agenda --out /dev/stdout writes the agenda into the pipe', () => {
    const r = rel(['agenda', 'ana', '--out', '/dev/stdout'], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# 1:2:1 with Ana Silva/);
  });
});

describe('stdout that cannot take the output: one line on stderr, exit 1, and the truth about the change', () => {
  const full = '/dev/full';
  const withStdoutOn = (args: string[], store: string) => {
    const fd = fs.openSync(full, 'w');
    try {
      return spawnSync(process.execPath, [BIN, ...args], {
        env: relEnv({ store }),
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
      });
    } finally {
      fs.closeSync(fd);
    }
  };

  for (const args of [['export'], ['due'], ['profile', 'ana']]) {
    it(`rel ${args[0]} > /dev/full`, (context) => {
      if (!fs.existsSync(full)) context.skip('no /dev/full on this system');
      const store = tempStore('out-full');
      ok(['demo'], { store });
      const before = fs.readFileSync(store);
      const r = withStdoutOn(args, store);
      expect({ status: r.status, stderr: r.stderr }).toEqual({
        status: 1,
        stderr: 'rel: could not write the output: no space left on device (ENOSPC).\n',
      });
      expect(fs.readFileSync(store).equals(before)).toBe(true);
    });
  }

  it('rel log > /dev/full says the conversation was saved, and it was', (context) => {
    if (!fs.existsSync(full)) context.skip('no /dev/full on this system');
    const store = tempStore('out-full-log');
    ok(['demo'], { store });
    const before = readJson(store).conversations.length;
    const r = withStdoutOn(['log', 'ana', '--no-input', '--note', 'kept'], store);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'rel: could not write the output: no space left on device (ENOSPC). The change was saved before that: the journal holds it (rel undo takes it back).\n',
    );
    expect(readJson(store).conversations.length).toBe(before + 1);
  });
});
