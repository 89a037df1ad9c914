// Notices rel says once per journal (the change to time-together cadences). What has been said is
// kept outside the journal, in $XDG_STATE_HOME/rel/said (default ~/.local/state/rel/said): a command that
// only reads, such as `rel due`, never writes the journal, and the journal's bytes do not change
// for a notice. One small file per notice and journal, named from the journal's full path.
import fs from 'node:fs';
import path from 'node:path';
import { stateFolder } from './calendar-cache.js';
import { makePrivateFolder } from './files.js';
import { type Env, stateKey } from './paths.js';

function markerPath(env: Env, notice: string, journal: string): string {
  return path.join(stateFolder(env), 'said', `${notice}-${stateKey(path.resolve(journal))}`);
}

export function noticeSaid(env: Env, notice: string, journal: string): boolean {
  return fs.existsSync(markerPath(env, notice, journal));
}

/**
 * Records that the notice was said for this journal. Best effort: a state folder rel cannot
 * write means the notice comes again next time, which is better than a command that fails.
 */
export function markNoticeSaid(env: Env, notice: string, journal: string, on: string): void {
  const file = markerPath(env, notice, journal);
  try {
    makePrivateFolder(path.dirname(file));
    fs.writeFileSync(file, `${path.resolve(journal)}\n${on}\n`, { mode: 0o600 });
  } catch {
    // Said again next time.
  }
}
