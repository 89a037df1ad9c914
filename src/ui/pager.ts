// Long output through $PAGER, as git does: only on a terminal, only when it would scroll away.
import { spawn } from 'node:child_process';
import { colourLevel } from './colour.js';
import type { Io } from './io.js';
import { safeText } from './safe.js';
import { fitLines } from './wrap.js';

/** Prints the text, through $PAGER (default `less -R`) when it is longer than the terminal. */
export async function page(io: Io, human: string): Promise<void> {
  const text = fitLines(human, io.width);
  const rows = io.terminal.rows;
  const lines = text.split('\n').length;
  const pager = io.env.PAGER === undefined ? 'less -R' : io.env.PAGER.trim();
  if (!io.stdoutIsTTY || rows === 0 || lines < rows || pager === '' || pager === 'cat') {
    io.out(text);
    return;
  }
  await new Promise<void>((resolve) => {
    const child = spawn(pager, {
      shell: true,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESS: 'FRX', ...io.env },
    });
    child.on('error', () => {
      io.out(text);
      resolve();
    });
    // A pager that fails (exit status not 0) showed nothing, or not all of it: 126 and 127, the
    // shell could not run it (not found, not executable); any other, it gave up (PAGER=false). The
    // text is printed here, as when the pager cannot be started at all. Ended by a signal (null),
    // it was stopped on purpose, and its reader had what it showed.
    child.on('close', (code) => {
      if (code !== 0 && code !== null) {
        const why = code === 126 || code === 127 ? 'could not be run' : `exited with status ${code}`;
        io.err(
          `rel: warning: the pager (PAGER=${pager}) ${why}; showing the text here. Unset PAGER, or set it to a pager that is installed and works (PAGER=cat prints without one).`,
        );
        io.out(text);
      }
      resolve();
    });
    // The reader may quit early (q in less): that is not an error.
    child.stdin.on('error', () => {});
    const shown = safeText(text, colourLevel(io, false) > 0);
    child.stdin.end(shown.endsWith('\n') ? shown : `${shown}\n`);
  });
}
