// Which command a command line asks for, read without commander: the launcher (dispatch.ts) needs
// it before anything else is loaded, and the program (cli.ts) uses the same reading.

/**
 * The command the arguments ask for: the first word that is not an option or the value of a
 * global option that takes one (`valued`: `--store`), or the command after `help`.
 */
export function requestedCommand(argv: readonly string[], valued: ReadonlySet<string>): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (valued.has(arg))
      i++; // its value
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The command lines that show the top-level help and nothing else (`rel`, `rel --help`, `rel -h`,
 * `rel help`), which the launcher prints without commander (help-listing.ts).
 */
export function isListing(argv: readonly string[]): boolean {
  return argv.length === 0 || (argv.length === 1 && ['--help', '-h', 'help'].includes(argv[0]!));
}
