// The commander program: global options and the commands. Only the command being run is loaded;
// the others appear in the help listing from a summary compiled in at build time, so that
// `rel --help` and every report start without loading code they do not use.
import { Command, CommanderError, Help, type OutputConfiguration } from 'commander';
import { requestedCommand } from './argv.js';
import { COMMANDS } from './command-table.js';
import type { Context, GlobalOptions, Seams } from './context.js';
import { closeFlags, notAVerb, periodAsOneWord, verbsMeant } from './core/flags.js';
import { displaySafe } from './core/text.js';
import { exitCodeOf, RelError, ReportedFailure } from './errors.js';
import { fitHelp, helpWidth, type Listing, MIN_WIDTH_TO_WRAP } from './help-listing.js';
import type { Io } from './ui/io.js';

/** package.json's version, put in at build time (scripts/build.mjs; vitest.config.ts for tests). */
declare const REL_VERSION: string;
export const VERSION = REL_VERSION;

type Output = OutputConfiguration & {
  outputError: (text: string, write: (text: string) => void) => void;
};

/** Where commander writes its help and errors: the run's Io, so that a test sees them too. */
function output(io: Io): Output {
  return {
    // Help wraps to the terminal, or to $COLUMNS when given, like every other human output; what
    // commander cannot wrap (too narrow for its columns) is wrapped line by line.
    writeOut: (text: string) => io.raw.out(fitHelp(text, helpWidth(io))),
    getOutHelpWidth: () => helpWidth(io),
    // commander echoes what was typed ("unknown option '…'"): shown safely, like all user text.
    writeErr: (text: string) => io.raw.err(displaySafe(text, { multiline: true })),
    // The parser's errors look like rel's own: "rel: unknown option '--bogus'".
    outputError: (text: string, write: (text: string) => void) =>
      write(`rel: ${text.replace(/^error: /, '')}`),
  };
}

/**
 * Runs rel once against this Io (the process's, or a test's) and returns the exit code: every
 * error, commander's included, is reported here and mapped to its code in errors.ts.
 */
export async function run(argv: string[], io: Io, seams: Seams = {}): Promise<number> {
  try {
    const program = await buildProgram(io, argv, false, seams);
    // `rel` alone shows what it can do.
    if (argv.length === 0) program.outputHelp();
    else await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    report(error, io.err);
    return exitCodeOf(error);
  }
}

/** Says what went wrong, once: commander has already printed its own message (through output()). */
export function report(error: unknown, err: (text: string) => void): void {
  if (error instanceof CommanderError || error instanceof ReportedFailure) return;
  if (error instanceof RelError) {
    err(`rel: ${displaySafe(error.message)}`);
    if (error.hint) err(`  ${displaySafe(error.hint)}`);
    return;
  }
  // A bug, not the user's doing: say so plainly, with the stack for the report.
  const detail = (error as Error)?.stack ?? String(error);
  err(`rel: unexpected error: ${displaySafe(detail, { multiline: true })}`);
  err('  This is a bug in rel; nothing was saved by the failing step.');
}

/**
 * An option or command in the help: term and description side by side, or, when the description
 * column would be narrower than MIN_WIDTH_TO_WRAP (a long term in a narrow terminal), the term on
 * its own line and the description under it, indented and wrapped.
 */
function formatItem(term: string, termWidth: number, description: string, helper: Help): string {
  const width = helper.helpWidth ?? 80;
  if (!description || width - termWidth - 4 >= MIN_WIDTH_TO_WRAP)
    return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
  return [
    `  ${term}`,
    ...helper
      .boxWrap(description, width - 6)
      .split('\n')
      .map((line) => `      ${line}`),
  ].join('\n');
}

const HELP = { minWidthToWrap: MIN_WIDTH_TO_WRAP, formatItem };

/** A command as the top-level help lists it. */
export interface CommandSummary {
  name: string;
  aliases: string[];
  term: string;
  description: string;
}

/**
 * The help line of every command, compiled in by scripts/build.mjs (which learns them from a
 * first build); undefined when running from source, where every command is loaded instead.
 */
declare const REL_COMMAND_SUMMARIES: CommandSummary[] | undefined;

function compiledSummaries(): Map<string, CommandSummary> {
  const list = typeof REL_COMMAND_SUMMARIES === 'undefined' ? undefined : REL_COMMAND_SUMMARIES;
  return new Map((list ?? []).map((summary) => [summary.name, summary]));
}

/** The global options that take a value, so that the command's name is not taken for one. */
export function valuedOptions(program: Command): Set<string> {
  return new Set(
    program.options
      .filter((o) => o.required || o.optional)
      .flatMap((o) => [o.long, o.short])
      .filter((flag): flag is string => Boolean(flag)),
  );
}

/** The top-level help's last lines, after the commands. */
const HELP_AFTER = `
The three moments:
  right after a conversation   $ rel log ana --note "Roadmap" --heard "Tired"
  planning the week            $ rel due
  just before a meeting        $ rel profile ana

Exit codes: 0 ok, 1 store or I/O failure, 2 bad usage or input, 130 interrupted.`;

/**
 * The program for these arguments: the requested command in full, the others as stand-ins that
 * carry their name and help line. `loadAll` loads every command (for whatever needs them all).
 */
export async function buildProgram(
  io: Io,
  argv: string[],
  loadAll = false,
  seams: Seams = {},
): Promise<Command> {
  const program = new Command('rel')
    .description('A personal relationship journal: see people, listen, remember what matters to them.')
    .version(VERSION, '-V, --version')
    .option('--store <file>', 'the journal file (default: $REL_STORE, else $XDG_DATA_HOME/rel/journal.json)')
    .option('--no-input', 'never prompt; fail with a message when something is missing')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(rel --help lists the commands; rel <command> --help shows one)')
    .exitOverride()
    .configureOutput(output(io))
    .addHelpText('after', HELP_AFTER);
  const ctx: Context = {
    io,
    globals: () => program.opts<GlobalOptions>(),
    prompts: seams.prompts ?? (() => import('./ui/prompts.js')),
    ...(seams.relCommand ? { relCommand: seams.relCommand } : {}),
  };
  const requested = requestedCommand(argv, valuedOptions(program));
  // Completing a command line needs every command's real flags, and `completion` registers it.
  const full = loadAll || requested === '__complete';
  const summaries = full ? new Map<string, CommandSummary>() : compiledSummaries();
  const terms = new Map<Command, string>();
  // In the program of one command (see ONLY_COMMAND) the table holds that command alone, and the
  // others are known by their summaries.
  const names = summaries.size ? [...summaries.keys()] : Object.keys(COMMANDS);
  for (const name of names) {
    const summary = summaries.get(name);
    const load = COMMANDS[name];
    let sub: Command;
    if (summary && (!load || (requested !== name && !summary.aliases.includes(requested ?? '')))) {
      sub = standIn(program, summary, () => runInFull(io, argv, seams));
      terms.set(sub, summary.term);
    } else {
      sub = (await load!()).register(program, ctx);
    }
    configureErrors(sub, io, argv);
  }
  const help = new Help();
  program.configureHelp({
    ...HELP,
    subcommandTerm: (cmd) => terms.get(cmd) ?? help.subcommandTerm(cmd),
  });
  // Every command shows dates the way the user chose; `config` itself must work with a broken
  // file, so it shows them the built-in way. Set on every run: a test runs rel many times in one
  // process. Loaded here, not at the top, so that `rel --help` does not pay for the settings.
  program.hook('preAction', async (_program, action) => {
    const [{ settings }, { BUILT_IN }, { useDateDisplay, useOneToOneLabel, useWorkingDays }] =
      await Promise.all([import('./context.js'), import('./core/settings.js'), import('./ui/display.js')]);
    const chosen = action.parent?.name() === 'config' ? BUILT_IN : settings(ctx);
    useDateDisplay(chosen.dateDisplay);
    useOneToOneLabel(chosen.oneToOneLabel);
    useWorkingDays(chosen.workingDays);
  });
  return program;
}

/**
 * Each command (and each of its own subcommands) points at its own help after an error, suggests
 * its own flags for a mistyped one, and says how to write a period that was typed as two words.
 */
function configureErrors(command: Command, io: Io, argv: string[], path = command.name()): void {
  const base = output(io);
  command
    .configureHelp(HELP)
    .exitOverride()
    .showSuggestionAfterError(false)
    .showHelpAfterError(helpPointer(path, argv))
    .configureOutput({
      ...base,
      outputError: (text, write) => base.outputError(reword(text, command, argv), write),
    });
  if (command.parent?.parent) blameTheWordTyped(command, command.parent, argv);
  for (const child of command.commands) configureErrors(child, io, argv, `${path} ${child.name()}`);
}

/**
 * A mistyped verb reaches the noun's default command as its argument (`rel config gte x` runs
 * `rel config list gte x`), whose complaint ("too many arguments for 'list'", "unknown option
 * '--due'") names a command the person never typed. When the word typed after the noun is no verb
 * and cannot be what the default command takes, the noun says so instead: "\"gte\" is not a
 * config command", with the verb meant. A word the default command takes (`rel todo ana`, a
 * person) keeps the default command's own errors.
 */
function blameTheWordTyped(verb: Command, noun: Command, argv: string[]): void {
  const typed = argv[argv.indexOf(noun.name()) + 1];
  const verbs = noun.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (typed === undefined || typed.startsWith('-') || verbs.includes(typed)) return;
  // No verb was typed, so should this command run, it is the noun's default.
  const meant = verbsMeant(typed, verbs);
  const theirFlags = new Set(
    noun.commands.filter((c) => meant.includes(c.name())).flatMap((c) => c.options.map((o) => o.long)),
  );
  const reported = verb.error.bind(verb);
  verb.error = (message, options) => {
    const excess = options?.code === 'commander.excessArguments';
    const flag = options?.code === 'commander.unknownOption' ? /'([^'=]+)/.exec(message)?.[1] : undefined;
    // A command that takes no argument was given a word it cannot take; one that takes a word
    // (todo's person) was, when the word is close to a verb and the rest fits that verb.
    const blame =
      (excess || flag !== undefined) &&
      (verb.registeredArguments.length === 0 || (meant.length > 0 && (excess || theirFlags.has(flag))));
    if (!blame) return reported(message, options);
    const said = notAVerb(
      noun.name(),
      typed,
      noun.commands.map((c) => c.name()),
      verb.name(),
    );
    return noun.error(`${said.message}\n  ${said.hint}`, options);
  };
}

/**
 * "(rel due --help shows its options and examples)". For a default subcommand reached without
 * its name (`rel todo --overdue` runs `rel todo list`), both helps: the one with the options and
 * the one the person will think of.
 */
export function helpPointer(path: string, argv: readonly string[]): string {
  const words = path.split(' ');
  const last = words.at(-1)!;
  if (words.length > 1 && !argv.includes(last)) {
    const parent = words.slice(0, -1).join(' ');
    return `(rel ${path} --help shows the options of rel ${parent}; rel ${parent} --help lists its commands)`;
  }
  return `(rel ${path} --help shows its options and examples)`;
}

function reword(text: string, command: Command, argv: string[]): string {
  const unknown = /unknown option '([^']+)'/.exec(text);
  if (unknown) {
    const flags = [...command.options, ...(command.parent?.options ?? [])]
      .map((o) => o.long)
      .filter((f): f is string => Boolean(f));
    const close = closeFlags(unknown[1]!, flags);
    return close.length ? `${text.trimEnd()}\n(Did you mean ${close.join(' or ')}?)\n` : text;
  }
  // commander suggests only among the program's own commands: a noun's verbs are suggested here.
  const unknownCommand = /unknown command '([^']+)'/.exec(text);
  if (unknownCommand) return withVerbMeant(text, command, unknownCommand[1]!);
  if (/too many arguments/.test(text)) {
    const period = periodAsOneWord(argv);
    if (period) return `error: ${period}\n`;
  }
  return text;
}

/** The error with "(Did you mean rel <noun> <verb>?)" after it, when `typed` is close to a verb of `noun`. */
function withVerbMeant(text: string, noun: Command, typed: string): string {
  const close = verbsMeant(
    typed,
    noun.commands.flatMap((c) => [c.name(), ...c.aliases()]),
  ).map((v) => `rel ${noun.name()} ${v}`);
  return close.length ? `${text.trimEnd()}\n(Did you mean ${close.join(' or ')}?)\n` : text;
}

/**
 * Set by the build in the program of one command (scripts/build.mjs: `rel due` loads a program
 * with due's code and none of the others'); undefined in the full program and from source.
 */
declare const REL_ONLY_COMMAND: string | undefined;

/**
 * The arguments run again with every command loaded: for a stand-in that commander picked after
 * all. The program of one command has the others' code only in the full program, which then runs
 * them and says what went wrong itself; its exit code is passed on.
 */
async function runInFull(io: Io, argv: string[], seams: Seams): Promise<void> {
  if (typeof REL_ONLY_COMMAND === 'string') {
    const full: { main(argv: string[]): Promise<number> } = await import(
      new URL('../full.js', import.meta.url).href
    );
    const code = await full.main(argv);
    if (code !== 0) throw new ReportedFailure(code);
    return;
  }
  await (await buildProgram(io, argv, true, seams)).parseAsync(argv, { from: 'user' });
}

/**
 * A command that is not being run, for the help listing and did-you-mean. Should commander pick
 * it after all, it runs the arguments again with every command loaded.
 */
function standIn(program: Command, summary: CommandSummary, runInFull: () => Promise<void>): Command {
  return program
    .command(summary.name)
    .aliases(summary.aliases)
    .description(summary.description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(runInFull);
}

/** What scripts/build.mjs compiles in: the help line of every command, from the built program. */
export async function commandSummaries(io: Io): Promise<CommandSummary[]> {
  const program = await buildProgram(io, [], true);
  const help = program.createHelp();
  // The table's commands: not those another registers (completion's hidden `__complete`).
  return program.commands
    .filter((cmd) => Object.hasOwn(COMMANDS, cmd.name()))
    .map((cmd) => ({
      name: cmd.name(),
      aliases: cmd.aliases(),
      term: help.subcommandTerm(cmd),
      description: help.subcommandDescription(cmd),
    }));
}

/**
 * What the top-level help of this program shows, for the listing printed without commander
 * (help-listing.ts; scripts/build.mjs compiles it in). A program whose help has parts that the
 * listing does not lay out (arguments, groups of options or commands) is refused.
 */
export function helpListing(program: Command): Listing {
  const helper = program.createHelp();
  helper.prepareContext({ helpWidth: 80 });
  const options = helper.visibleOptions(program);
  const commands = helper.visibleCommands(program);
  const grouped = options.some((o) => o.helpGroupHeading) || commands.some((c) => c.helpGroup());
  if (helper.visibleArguments(program).length > 0 || helper.showGlobalOptions || grouped)
    throw new Error('the top-level help has parts the listing does not lay out');
  return {
    usage: helper.commandUsage(program),
    description: helper.commandDescription(program),
    options: options.map((o) => [helper.optionTerm(o), helper.optionDescription(o)]),
    commands: commands.map((c) => [helper.subcommandTerm(c), helper.subcommandDescription(c)]),
    termWidth: helper.padWidth(program, helper),
    after: HELP_AFTER,
  };
}
