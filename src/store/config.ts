// The settings file: $XDG_CONFIG_HOME/rel/config.json (~/.config/rel/config.json), a flat JSON
// object of setting keys to text. Read on every run that needs a setting; written atomically.
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../errors.js';
import { writeStoreFile } from './files.js';
import { withLock } from './lock.js';
import { type Env, xdgFolder } from './paths.js';

export function configPath(env: Env): string {
  return path.join(xdgFolder(env, 'XDG_CONFIG_HOME', '.config'), 'rel', 'config.json');
}

/** The file's settings; an empty object when it does not exist. Throws a StoreError when it is not a JSON object. */
export function readConfig(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new StoreError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StoreError(
      `${file} is not valid JSON: ${(error as Error).message}`,
      `Fix it by hand, or delete it to go back to the built-in settings.`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new StoreError(`${file} is not a JSON object of settings.`, 'Fix it by hand, or delete it.');
  }
  return data as Record<string, unknown>;
}

/** Replaces the file in one step, private to the user like the journal (writeStoreFile). */
export function writeConfig(file: string, config: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeStoreFile(file, `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * Changes the settings as they are in the file now: read, changed and written under a lock beside
 * the file, so that two `rel config set` at once both count (each re-reads what the other wrote).
 */
export async function updateConfig(
  file: string,
  change: (config: Record<string, unknown>) => Record<string, unknown> | undefined,
  timeoutMs = 10_000,
): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  await withLock(
    `${file}.lock`,
    async () => {
      const changed = change(readConfig(file));
      if (changed) writeConfig(file, changed);
    },
    { timeoutMs, what: 'the settings' },
  );
}
