// A seam for tests: every step of a write (and of a sync, and each read of a piece of an
// encrypted journal) passes a named checkpoint, where a test can make rel fail as a full disk (or
// a failing disk) would, or stop dead as a SIGKILL would, or send it a SIGTERM or SIGINT (`term`,
// `int`: handled once the step's synchronous work is done, see stops.ts), without a full disk or a
// well-timed kill. Tests in the same process set a handler (or useFaults); tests of the built rel
// set REL_FAULT, e.g. `REL_FAULT=rename:fail` or `REL_FAULT=undo-write@2:kill` (the second time
// that step is reached), several separated by commas. Unset, a checkpoint costs one lookup.

/** The steps a write passes, in order, and those of a sync. */
export type Step =
  | 'temp-write'
  | 'fsync'
  | 'rename'
  | 'folder-fsync'
  | 'undo-write'
  | 'undo-remove'
  | 'owner-keep'
  | 'backup-rotation'
  | 'restore-copy'
  | 'summary-write'
  | 'stamp-write'
  | 'places-write'
  | 'derived-remove'
  | 'lock-owner-read'
  | 'lock-write'
  | 'sealed-read'
  | 'init-marker'
  | `git:${string}`;

type Handler = (step: Step, file: string) => void;

let handler: Handler | undefined;
const seen = new Map<string, number>();

interface Fault {
  step: string;
  nth: number;
  action: 'fail' | 'kill' | 'term' | 'int';
}

function parse(spec: string | undefined): Fault[] {
  if (!spec) return [];
  return spec.split(',').flatMap((part) => {
    const match = /^\s*([a-z:-]+)(?:@(\d+))?:(fail|kill|term|int)\s*$/.exec(part);
    return match
      ? [{ step: match[1]!, nth: Number(match[2] ?? 1), action: match[3] as Fault['action'] }]
      : [];
  });
}

let faults = parse(process.env.REL_FAULT);

/**
 * For tests that run rel in this process: the faults a process started with this $REL_FAULT
 * would have, counted afresh (undefined for none). A kill would kill the tests: theirs to refuse.
 */
export function useFaults(spec: string | undefined): void {
  faults = parse(spec);
  seen.clear();
}

/** For tests in this process: called at every checkpoint (it may throw); undefined to stop. */
export function onCheckpoint(next: Handler | undefined): void {
  handler = next;
  seen.clear();
}

/** An error as the file system gives one when the disk is full. */
export function diskFull(step: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device (injected at ${step})`);
  error.code = 'ENOSPC';
  return error;
}

export function checkpoint(step: Step, file = ''): void {
  handler?.(step, file);
  if (faults.length === 0) return;
  const count = (seen.get(step) ?? 0) + 1;
  seen.set(step, count);
  for (const fault of faults) {
    if (fault.step !== step || fault.nth !== count) continue;
    if (fault.action === 'kill') process.kill(process.pid, 'SIGKILL');
    if (fault.action === 'term' || fault.action === 'int') {
      process.kill(process.pid, fault.action === 'term' ? 'SIGTERM' : 'SIGINT');
      continue;
    }
    throw diskFull(step);
  }
}
