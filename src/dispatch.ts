// The launcher that bin/rel.js runs. It reads which command the arguments ask for and loads the
// program built for that command alone: dist/run/<command>.js holds the command's code and what it
// uses in one file (the large libraries, prompts, and encryption's agent stay apart, loaded when
// needed), so that `rel due` reads and compiles a few files, not forty. Anything else (an unknown
// word, completion) goes to the full program, dist/full.js, whose commands load when run.
import { requestedCommand } from './argv.js';

interface Launch {
  /** Each command's name and aliases, and '' for none (`rel`, `rel --help`): its program's file. */
  programs: Record<string, string>;
  /** The global options that take a value (`--store <file>`). */
  valued: string[];
}

/** Put in by scripts/build.mjs. */
declare const REL_LAUNCH: Launch;

export async function main(argv: string[]): Promise<number> {
  const word = requestedCommand(argv, new Set(REL_LAUNCH.valued)) ?? '';
  const file = Object.hasOwn(REL_LAUNCH.programs, word) ? REL_LAUNCH.programs[word] : 'full.js';
  const program: { main(argv: string[]): Promise<number> } = await import(
    new URL(file!, import.meta.url).href
  );
  return program.main(argv);
}
