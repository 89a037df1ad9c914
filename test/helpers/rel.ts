// Runs the built `rel` as a user would: a child process against a throwaway store, stdin closed.
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/rel.js');
export const NOW = '2026-11-27T12:00:00';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  store?: string;
  now?: string;
  input?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** A clean environment: no REL_* from the developer's shell, no colour unless a test asks. */
export function relEnv(options: RunOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      !k.startsWith('REL_') &&
      k !== 'FORCE_COLOR' &&
      k !== 'NO_COLOR' &&
      k !== 'NODE_ENV' &&
      k !== 'VITEST'
    )
      env[k] = v;
  }
  env.REL_NOW = options.now ?? NOW;
  // The developer's own settings must not reach the tests: a config folder that does not exist,
  // a new one for every run, so that a setting one run writes by mistake reaches no other.
  env.XDG_CONFIG_HOME = freshConfigHome();
  // What rel keeps of fetched calendars (and the inbox's nudge) stays with the test's own folder.
  env.XDG_STATE_HOME = options.store
    ? path.join(path.dirname(path.dirname(options.store)), 'state')
    : path.join(os.tmpdir(), 'rel-test-no-state');
  if (options.store) env.REL_STORE = options.store;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

let configRoot: string | undefined;
let configRuns = 0;

/** A folder that does not exist, inside one made for this test file's process. */
function freshConfigHome(): string {
  configRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'rel-test-no-config-'));
  configRuns += 1;
  return path.join(configRoot, String(configRuns));
}

export function rel(args: string[], options: RunOptions = {}): RunResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    env: relEnv(options),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000, // a safety net for a stuck process, generous for a loaded machine
    cwd: options.cwd ?? os.tmpdir(),
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Starts rel without waiting: for concurrency and kill tests. */
export function relAsync(args: string[], options: RunOptions = {}) {
  return spawn(process.execPath, [BIN, ...args], { env: relEnv(options), stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(tag = 'rel'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rel-test-${tag}-`));
}

/** A store path in a fresh folder that does not exist yet. */
export function tempStore(tag?: string): string {
  return path.join(tempDir(tag), 'data', 'journal.json');
}

export function readJson(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every file in the store's folder, by name, with its bytes (base64): to compare a whole folder. */
export function folderBytes(store: string): Record<string, string | undefined> {
  const dir = path.dirname(store);
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, bytesOf(path.join(dir, name))?.toString('base64')]),
  );
}

export function bytesOf(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

/** Runs rel and insists on exit 0, returning stdout. */
export function ok(args: string[], options: RunOptions = {}): string {
  const r = rel(args, options);
  if (r.code !== 0) throw new Error(`rel ${args.join(' ')} exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}
