// The launcher compiles each command's program (dist/run/<command>.cjs) from the V8 code cache the
// build made beside it (dist/run/<command>.cache). A cache spares the compiling and nothing else:
// one that is missing, damaged, from another build or refused by V8 must give the same rel, and
// running rel must never write into dist/ (it may be read-only). Through a copy of the built rel.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, type RunResult, relEnv, tempDir, tempStore } from '../helpers/rel.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A copy of the built rel (bin/, dist/, package.json), to damage without touching the real one. */
function copyOfRel(tag: string): string {
  const root = tempDir(tag);
  for (const part of ['bin', 'dist', 'package.json'])
    fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
  return root;
}

const env = { REL_CADENCE_COUNTS: 'small-groups' };

function relIn(root: string, args: string[], store: string, node: string[] = []): RunResult {
  const r = spawnSync(process.execPath, [...node, path.join(root, 'bin', 'rel.js'), ...args], {
    env: relEnv({ store, env }),
    input: '',
    encoding: 'utf8',
    timeout: 120_000,
    cwd: os.tmpdir(),
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** What the launcher does with each program's cache, asked of it in a plain node. */
function cacheUse(root: string, node: string[] = []): Record<string, string> {
  const script = `const { compileProgram } = require(${JSON.stringify(path.join(root, 'dist', 'main.cjs'))});
const fs = require('node:fs'), path = require('node:path');
const run = ${JSON.stringify(path.join(root, 'dist', 'run'))};
const use = {};
for (const f of fs.readdirSync(run).filter((f) => f.endsWith('.cjs')).sort())
  use[f.slice(0, -4)] = compileProgram(path.join(run, f)).cache;
process.stdout.write(JSON.stringify(use));`;
  const r = spawnSync(process.execPath, [...node, '-e', script], { encoding: 'utf8', env: relEnv() });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

const LINES = [
  ['--help'],
  ['due'],
  ['due', '--json'],
  ['people', '--json'],
  ['profile', 'ana'],
  ['log', 'nobody-here', '--no-input', '--note', 'x'],
  ['duee'],
];

/** Every file under dist/ with its bytes' hash and its mtime. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    files[path.relative(dir, file)] = `${hash} ${fs.statSync(file).mtimeMs}`;
  }
  return files;
}

describe('the code cache of the programs', () => {
  const store = tempStore('code-cache');
  let intact: string;
  let expected: RunResult[];
  beforeAll(() => {
    ok(['demo'], { store });
    intact = copyOfRel('code-cache-intact');
    expected = LINES.map((args) => relIn(intact, args, store));
  });

  it('the build writes a cache for every program, and this node takes each one', () => {
    const run = path.join(ROOT, 'dist', 'run');
    const programs = fs.readdirSync(run).filter((f) => f.endsWith('.cjs'));
    expect(programs.length).toBeGreaterThan(30);
    for (const program of programs)
      expect(fs.statSync(path.join(run, program.replace(/\.cjs$/, '.cache'))).size).toBeGreaterThan(1000);
    const use = cacheUse(intact);
    expect(Object.keys(use)).toHaveLength(programs.length);
    expect(new Set(Object.values(use))).toEqual(new Set(['used']));
    expect(expected[0]).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: rel/) });
  });

  const damages: [string, string, (cache: Buffer, other: Buffer) => Buffer | undefined][] = [
    ['missing', 'missing', () => undefined],
    ['empty', 'invalid', () => Buffer.alloc(0)],
    [
      'from another build (its key differs)',
      'invalid',
      (cache) => {
        const copy = Buffer.from(cache);
        copy[20] = copy[20] === 0x30 ? 0x31 : 0x30; // a digit of the program's key
        return copy;
      },
    ],
    [
      'of another program under this key',
      'rejected',
      (cache, other) => Buffer.concat([cache.subarray(0, 81), other.subarray(81)]),
    ],
    ['cut short', 'rejected', (cache) => cache.subarray(0, cache.length >> 1)],
    [
      'with bytes changed in V8 data',
      'rejected',
      (cache) => {
        const copy = Buffer.from(cache);
        for (const at of [100, 1000, copy.length >> 1, copy.length - 8]) copy[at]! ^= 0x55;
        return copy;
      },
    ],
  ];
  for (const [what, use, damage] of damages) {
    it(`a cache ${what} gives the same output, exit codes and journal`, () => {
      const root = copyOfRel('code-cache-damaged');
      const run = path.join(root, 'dist', 'run');
      const [due, log] = ['due', 'log'].map((name) => fs.readFileSync(path.join(run, `${name}.cache`)));
      for (const name of ['rel', 'due', 'people', 'profile', 'log']) {
        const file = path.join(run, `${name}.cache`);
        const damaged = damage(fs.readFileSync(file), name === 'log' ? due! : log!);
        if (damaged) fs.writeFileSync(file, damaged);
        else fs.rmSync(file);
      }
      expect(cacheUse(root)).toMatchObject({
        rel: use,
        due: use,
        people: use,
        profile: use,
        log: use,
        todo: 'used',
      });
      const answers = LINES.map((args) => relIn(root, args, store));
      expect(answers).toEqual(expected);
    });
  }

  it('a node whose V8 flags differ refuses the cache, and rel runs the same', () => {
    expect(new Set(Object.values(cacheUse(intact, ['--stack-size=900'])))).toEqual(new Set(['rejected']));
    expect(LINES.map((args) => relIn(intact, args, store, ['--stack-size=900']))).toEqual(expected);
  });

  it('no command writes into dist/, which may be read-only, and a missing cache is not made again', () => {
    const root = copyOfRel('code-cache-readonly');
    const dist = path.join(root, 'dist');
    fs.rmSync(path.join(dist, 'run', 'due.cache'));
    const before = snapshot(dist);
    for (const file of Object.keys(before)) fs.chmodSync(path.join(dist, file), 0o444);
    const own = tempStore('code-cache-own');
    fs.mkdirSync(path.dirname(own), { recursive: true });
    fs.copyFileSync(store, own);
    const lines = [
      ...LINES,
      ['log', 'ana', '--no-input', '--kind', 'coffee', '--note', 'Roadmap'],
      ['due'],
      ['__complete', '--', 'pro'],
    ];
    for (const args of lines) expect(relIn(root, args, own).code, args.join(' ')).not.toBeNull();
    expect(snapshot(dist)).toEqual(before);
  });
});
