// Where the journal lives: --store, else REL_STORE, else $XDG_DATA_HOME/rel/journal.json.
import os from 'node:os';
import path from 'node:path';

/** The environment's variables, as process.env holds them (or a test gives them). */
export type Env = Record<string, string | undefined>;

/** An environment variable set to the empty string counts as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function storePath(option: string | undefined, env: Env): string {
  const chosen = option || envValue(env, 'REL_STORE');
  if (chosen) return path.resolve(chosen);
  const dataHome =
    envValue(env, 'XDG_DATA_HOME') ?? path.join(envValue(env, 'HOME') ?? os.homedir(), '.local', 'share');
  return path.join(dataHome, 'rel', 'journal.json');
}
