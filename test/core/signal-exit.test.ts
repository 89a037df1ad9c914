// A run ended by a signal exits as a shell reports it, 128 and the signal's number, from one table
// (errors.ts SIGNAL_EXIT) that the stops during a change (store/stops.ts) and the errors share.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { CancelError, exitCodeOf, SIGNAL_EXIT, StoppedError } from '../../src/errors.js';

describe('exit codes of signals', () => {
  it('are 128 and the signal number', () => {
    for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
      expect(code, signal).toBe(128 + os.constants.signals[signal as keyof typeof SIGNAL_EXIT]);
    }
  });

  it('are what StoppedError and CancelError exit with', () => {
    expect(exitCodeOf(new StoppedError('SIGTERM'))).toBe(143);
    expect(exitCodeOf(new StoppedError('SIGHUP'))).toBe(129);
    expect(exitCodeOf(new CancelError())).toBe(130);
  });
});
