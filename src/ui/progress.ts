// A progress bar on stderr for long imports, only when stderr is a terminal: scripts and logs
// never see it. Redrawn when the percentage changes, erased when done.
import type { Progress } from '../core/import-types.js';
import { displaySafe } from '../core/text.js';
import type { Io } from './io.js';

const WIDTH = 30;

export function progressBar(
  io: Io,
  label: string,
  minimum = 500,
  write: (text: string) => void = (text) => io.raw.err(text),
): Progress | undefined {
  if (!io.stderrIsTTY) return undefined;
  let shown = -1;
  return (done, total) => {
    if (total < minimum) return;
    const percent = Math.floor((done * 100) / total);
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round((WIDTH * done) / total);
    write(`\r${displaySafe(label)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${percent}%`);
    if (done >= total) write('\r\x1b[2K');
  };
}
