// The process edge: runs rel once against this process's terminal (see cli.ts `run`, which tests
// call with an Io of their own) and hands back the exit code for bin/rel.js to set.
import {
  buildProgram,
  type CommandSummary,
  helpListing as listingOf,
  report,
  run,
  commandSummaries as summaries,
  valuedOptions,
} from './cli.js';
import { exitCodeOf } from './errors.js';
import type { Listing } from './help-listing.js';
import { changeFate, reportStops, takeUpStops } from './store/stops.js';
import { createIo, type Io, quietOnClosedPipe } from './ui/io.js';

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe(changeFate);
  // Stopped (SIGTERM, SIGINT) while it changes the journal, rel says whether the change was saved.
  reportStops((text) => process.stderr.write(`${text}\n`));
  let io: Io;
  try {
    io = createIo();
  } catch (error) {
    report(error, (text) => process.stderr.write(`${text}\n`));
    return exitCodeOf(error);
  }
  const code = await run(argv, io);
  await takeUpStops();
  return code;
}

/** For the build: the help line of every command (see scripts/build.mjs). */
export function commandSummaries(): Promise<CommandSummary[]> {
  return summaries(createIo());
}

/** For the build: the global options that take a value, which the launcher must step over. */
export async function globalValuedOptions(): Promise<string[]> {
  return [...valuedOptions(await buildProgram(createIo(), []))];
}

/** For the build: what the top-level help lists, printed without commander (help-listing.ts). */
export async function helpListing(): Promise<Listing> {
  return listingOf(await buildProgram(createIo(), []));
}
