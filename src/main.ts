// Runs rel once: builds the program, runs it, and maps every error to an exit code, here only.
import { CommanderError } from 'commander';
import { buildProgram, type CommandSummary, commandSummaries as summaries } from './cli.js';
import { displaySafe } from './core/text.js';
import { RelError } from './errors.js';
import { createIo, type Io } from './ui/io.js';

/** commander's codes for help and version: successes, not usage errors. */
const COMMANDER_SUCCESSES = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  let io: Io;
  try {
    io = createIo();
  } catch (error) {
    return report(error, (text) => process.stderr.write(`${text}\n`));
  }
  try {
    const program = await buildProgram(io, argv);
    // `rel` alone shows what it can do.
    if (argv.length === 0) program.outputHelp();
    else await program.parseAsync(argv, { from: 'user' });
    // A command that reports and still fails (rel doctor finding a problem) sets process.exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return report(error, io.err);
  }
}

/** For the build: the help line of every command (see scripts/build.mjs). */
export function commandSummaries(): Promise<CommandSummary[]> {
  return summaries(createIo());
}

export function report(error: unknown, err: (text: string) => void): number {
  if (error instanceof CommanderError) {
    // commander has printed its own message (through cli.ts, made safe there).
    return COMMANDER_SUCCESSES.has(error.code) && error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof RelError) {
    err(`rel: ${displaySafe(error.message)}`);
    if (error.hint) err(`  ${displaySafe(error.hint)}`);
    return error.exitCode;
  }
  // A bug, not the user's doing: say so plainly, with the stack for the report.
  const detail = (error as Error)?.stack ?? String(error);
  err(`rel: unexpected error: ${displaySafe(detail, { multiline: true })}`);
  err('  This is a bug in rel; nothing was saved by the failing step.');
  return 1;
}

/** `rel people | head -1`: the reader leaving early is not an error worth a stack trace. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
