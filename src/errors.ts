// Every failure rel reports is one of these, and exitCodeOf below turns whatever a run ended with
// into its exit code: the one place exit codes are decided.
import { CommanderError } from 'commander';

export abstract class RelError extends Error {
  abstract readonly exitCode: number;
  /** What the user can do next; printed on its own line under the message. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** Bad usage or bad input: unknown flag, invalid date or period, a missing argument. */
export class UsageError extends RelError {
  readonly exitCode = 2;
}

/** A person (or record) that the user named does not exist, or the name fits several. */
export class NotFoundError extends RelError {
  readonly exitCode = 2;
}

/** The journal file could not be read, parsed, locked or written. */
export class StoreError extends RelError {
  readonly exitCode = 1;
}

/**
 * A day the journal holds that is not in the calendar (2026-02-30, edited by hand): a report
 * cannot count with it. The days users type are refused before (UsageError), so a day that gets
 * this far came from the file.
 */
export class StoredDayNotInCalendar extends StoreError {
  constructor(day: string) {
    super(
      `The journal holds the day "${day}", which is not in the calendar (was the file edited by hand?).`,
      'Run rel doctor: it names the record and the command that fixes it.',
    );
  }
}

/** The user pressed Ctrl+C; nothing was saved (or, from a walk, nothing more: the message says). */
/** $EDITOR exited non-zero (vim's :cq) or could not start: what it wrote is not taken. */
export class EditorAborted extends RelError {
  readonly exitCode = 1;
}

/**
 * $VISUAL or $EDITOR (vim when neither is set) names a program the shell could not find (its
 * exit 127) or could not run (126): no edit happened, and the setting is the user's to mend, so
 * the command stops there as on any bad input, nothing saved.
 */
export class EditorNotFound extends RelError {
  readonly exitCode = 2;
}

/**
 * The exit code of a run ended by a signal, as a shell reports one: 128 and the signal's number.
 * The one table for a stop taken up during a change (store/stops.ts) and for the errors below.
 */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

export class CancelError extends RelError {
  readonly exitCode = SIGNAL_EXIT.SIGINT;
  constructor(message = 'Cancelled; nothing was saved.') {
    super(message);
  }
}

/** Stopped by a signal rel takes up (the terminal closed, a kill) before anything was saved. */
export class StoppedError extends RelError {
  readonly exitCode: number;
  constructor(signal: 'SIGTERM' | 'SIGHUP') {
    super(`Stopped by ${signal}; nothing was saved.`);
    this.exitCode = SIGNAL_EXIT[signal];
  }
}

/**
 * A command that has printed its report and still fails (rel doctor finding a problem): exit 1,
 * or the code given, with nothing more to say.
 */
export class ReportedFailure extends RelError {
  readonly exitCode: number;
  constructor(exitCode = 1) {
    super('');
    this.exitCode = exitCode;
  }
}

/** commander's codes for help and version: successes, not usage errors. */
const COMMANDER_SUCCESSES = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** The exit code of a run that threw this: commander's own (help, version, a parse error), rel's, or a bug's. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    return COMMANDER_SUCCESSES.has(error.code) && error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof RelError) return error.exitCode;
  return 1;
}

/** What to show under a prompt when an answer is refused: the message, and the hint after it. */
export function answerProblem(error: unknown): string {
  return error instanceof RelError ? [error.message, error.hint].filter(Boolean).join(' ') : String(error);
}

/** A prompt's check made of a parse that throws: true, or what is wrong with the answer. */
export function validity(check: () => unknown): string | true {
  try {
    check();
    return true;
  } catch (error) {
    return answerProblem(error);
  }
}

/**
 * A calendar on the network could not be read: it did not answer in time, answered with an
 * error, or sent more than rel takes. `offline` when the network or the server could not be
 * reached at all (then a copy fetched earlier may stand in).
 */
export class RemoteError extends RelError {
  readonly exitCode = 1;
  constructor(
    message: string,
    hint?: string,
    readonly offline = false,
  ) {
    super(message, hint);
  }
}
