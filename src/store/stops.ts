// What rel says when it is stopped by SIGTERM (as `timeout` and service managers send) or SIGINT
// while it changes the journal: whether the change was saved, which is true either way. Every
// step of a write is synchronous, so a signal that arrives during one is handled once that step
// is done: a change is either not yet written (nothing was saved) or its journal took its place
// (saved). The process then exits as the signal would have it (143, 130: SIGNAL_EXIT in
// errors.ts), releasing the lock it holds. Only the process edge (main.ts) turns this on: in a
// test's process, signals are the test runner's.

import { SIGNAL_EXIT } from '../errors.js';

let say: ((text: string) => void) | undefined;
/** The change in progress: not yet saved, or saved (with what is left to the next rel, if anything). */
let change: { saved: false } | { saved: true; left?: string } | undefined;
const cleanups = new Set<() => void>();
let listening = false;

/** From now on, a stop during a change says what became of it (main.ts calls this once). */
export function reportStops(write: (text: string) => void): void {
  say = write;
}

function stopped(signal: 'SIGTERM' | 'SIGINT'): void {
  if (change) {
    say?.(
      change.saved
        ? `rel: stopped by ${signal} after the change was saved: the journal holds it.${change.left ? ` ${change.left}` : ''}`
        : `rel: stopped by ${signal} before the change was saved: nothing was saved.`,
    );
  }
  for (const cleanup of cleanups) cleanup();
  process.exit(SIGNAL_EXIT[signal]);
}

/**
 * Before the process ends: a signal that came during the last synchronous step is taken up by the
 * event loop only when it turns again, and a process with nothing left to do ends without one.
 * Two turns, so that one passes the loop's poll for signals whatever phase this is called in.
 */
export async function takeUpStops(): Promise<void> {
  if (!listening) return;
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** A change to the journal begins (its lock is being taken): a stop now saves nothing. */
export function changeBegins(): void {
  if (!say) return;
  change = { saved: false };
  holdStops();
}

/**
 * From now on a stop waits for the synchronous step under way: a file rel writes outside the
 * journal (rel export --out) is then in place whole or not there, never a temp file left beside
 * it, which for an export is the journal in the clear.
 */
export function holdStops(): void {
  if (!say || listening) return;
  listening = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopped(signal));
}

/** The work under way is not one change (rel sync): a stop says nothing of it. */
export function changeUnsaid(): void {
  change = undefined;
}

/** The journal took its place: the change is saved; `left` says what the next rel finishes. */
export function changeSaved(left?: string): void {
  if (change) change = left ? { saved: true, left } : { saved: true };
}

/**
 * What became of this process's change, for a failure after it (the output could not be
 * written): undefined when the command changed nothing.
 */
export function changeFate(): string | undefined {
  if (!change) return undefined;
  return change.saved
    ? `The change was saved before that: the journal holds it (rel undo takes it back).${change.left ? ` ${change.left}` : ''}`
    : 'Nothing was saved.';
}

/** What to do when stopped while this is held (the lock's release); returns its removal. */
export function onStop(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
