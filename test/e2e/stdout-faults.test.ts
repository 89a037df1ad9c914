// stdout through a pipe or into a file as readers and disks really behave: the output is whole
// and in order however slowly the reader takes it, also when another process made the pipe
// non-blocking; a reader that leaves early ends rel quietly; a file on a full disk is said as
// /dev/full is (out-targets.test.ts), with the truth about a change that was saved. Node's own
// stream for a file took a short write (the part that fitted) as the whole: the output was cut
// and rel said nothing, exit 0.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ok, readJson, relEnv, tempDir, tempStore } from '../helpers/rel.js';

/** A journal whose export is far larger than a pipe holds (64 KB). */
const store = tempStore('stdout-faults');
// Three notes of 100 KB (one argument may be at most 128 KB).
const LONG = `${'The roadmap, the offsite and the on-call rotation. '.repeat(2000)}End.`;
let exported: string;

beforeAll(() => {
  ok(['demo'], { store });
  for (const who of ['ana', 'ben', 'chloe'])
    ok(['log', who, '--no-input', '--kind', 'call', '--note', LONG], { store });
  exported = spawnSync(process.execPath, [BIN, 'export'], {
    env: relEnv({ store }),
    encoding: 'utf8',
  }).stdout;
  expect(exported.length).toBeGreaterThan(300_000);
  expect(exported).toContain('End.');
});

describe('stdout through a pipe', { timeout: 120_000 }, () => {
  it('a pipe whose reader is slow gets it whole and in order', async () => {
    const child = spawn(process.execPath, [BIN, 'export'], { env: relEnv({ store }) });
    const chunks: Buffer[] = [];
    // Not read for a while: rel's writes wait for the reader.
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(exported);
  });

  it('a pipe another process made non-blocking gets it whole and in order', async () => {
    // Opening process.stdout on a pipe makes its descriptor non-blocking (libuv) before rel runs.
    const preload = path.join(tempDir('stdout-faults-preload'), 'nonblocking.cjs');
    fs.writeFileSync(preload, 'process.stdout;\n');
    const child = spawn(process.execPath, ['--require', preload, BIN, 'export'], { env: relEnv({ store }) });
    const chunks: Buffer[] = [];
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(Buffer.concat(chunks).toString('utf8')).toBe(exported);
  });

  it('a reader that leaves early (rel export | head -c 100) ends it quietly, exit 0', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" export | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      {
        env: relEnv({ store }),
        encoding: 'utf8',
      },
    );
    expect({ status: r.stdout.trim(), stderr: r.stderr }).toEqual({ status: '0', stderr: '' });
  });
});

describe('a file on a full disk as stdout', { timeout: 120_000 }, () => {
  const mount = tempDir('stdout-faults-full');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', mount]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mount]);
  });
  if (!mounted)
    console.log(`Skipping the full-disk stdout tests: cannot mount a small tmpfs at ${mount} (needs root).`);

  const withStdoutIn = (file: string, args: string[], journal: string) => {
    const fd = fs.openSync(file, 'w');
    try {
      return spawnSync(process.execPath, [BIN, ...args], {
        env: relEnv({ store: journal }),
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
      });
    } finally {
      fs.closeSync(fd);
    }
  };

  it.runIf(mounted)('rel export says the disk is full, exit 1, and leaves the journal as it was', () => {
    const before = fs.readFileSync(store);
    const r = withStdoutIn(path.join(mount, 'export.json'), ['export'], store);
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 1,
      stderr: 'rel: could not write the output: no space left on device (ENOSPC).\n',
    });
    expect(fs.readFileSync(store).equals(before)).toBe(true);
    fs.rmSync(path.join(mount, 'export.json'));
  });

  it.runIf(mounted)('rel log says the conversation was saved, and it was', () => {
    const journal = tempStore('stdout-faults-log');
    ok(['demo'], { store: journal });
    const conversations = readJson(journal).conversations.length;
    // The disk filled but for a few bytes: the confirmation does not fit.
    const filler = path.join(mount, 'filler');
    const fd = fs.openSync(filler, 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(1024, 1));
    } catch {
      // ENOSPC: full
    } finally {
      fs.closeSync(fd);
    }
    const r = withStdoutIn(
      path.join(mount, 'log.txt'),
      ['log', 'ana', '--no-input', '--note', 'kept'],
      journal,
    );
    fs.rmSync(filler);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'rel: could not write the output: no space left on device (ENOSPC). The change was saved before that: the journal holds it (rel undo takes it back).\n',
    );
    expect(readJson(journal).conversations.length).toBe(conversations + 1);
  });
});
