// Runs rel once: builds the program, runs it, and maps every error to an exit code, here only.
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import { displaySafe } from './core/text.js';
import { RelError } from './errors.js';
import { createIo, type Io } from './ui/io.js';

export async function main(argv: string[]): Promise<number> {
  let io: Io;
  try {
    io = createIo();
  } catch (error) {
    return report(error, (text) => process.stderr.write(`${text}\n`));
  }
  try {
    const program = buildProgram(io);
    if (argv.length === 0) program.outputHelp();
    else await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return report(error, io.err);
  }
}

function report(error: unknown, err: (text: string) => void): number {
  if (error instanceof CommanderError) {
    // commander has printed its own message; help and --version are successes.
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return 0;
    return 2;
  }
  if (error instanceof RelError) {
    err(`rel: ${displaySafe(error.message)}`);
    if (error.hint) err(`  ${displaySafe(error.hint)}`);
    return error.exitCode;
  }
  // A bug, not the user's doing: say so plainly, with the stack for the report.
  err(`rel: unexpected error: ${(error as Error)?.stack ?? String(error)}`);
  err('  This is a bug in rel; nothing was saved by the failing step.');
  return 1;
}
