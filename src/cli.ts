// The commander program: global options and the commands. Each command module registers itself;
// heavy modules (store validation, prompts, natural dates) are imported only when an action runs.
import { Command } from 'commander';
import * as add from './commands/add.js';
import * as config from './commands/config.js';
import * as decrypt from './commands/decrypt.js';
import * as demo from './commands/demo.js';
import * as doctor from './commands/doctor.js';
import * as due from './commands/due.js';
import * as encrypt from './commands/encrypt.js';
import * as exporting from './commands/export.js';
import * as importing from './commands/import.js';
import * as log from './commands/log.js';
import * as mergeJournals from './commands/merge-journals.js';
import * as passphrase from './commands/passphrase.js';
import * as people from './commands/people.js';
import * as profile from './commands/profile.js';
import * as stats from './commands/stats.js';
import * as sync from './commands/sync.js';
import * as undo from './commands/undo.js';
import { type Context, type GlobalOptions, settings } from './context.js';
import { displaySafe } from './core/text.js';
import { useDateDisplay } from './ui/display.js';
import type { Io } from './ui/io.js';

export const VERSION = '0.1.0';

// commander echoes what was typed ("unknown option '…'"): shown safely, like all user text.
const OUTPUT = {
  writeOut: (text: string) => process.stdout.write(text),
  writeErr: (text: string) => process.stderr.write(displaySafe(text, { multiline: true })),
};

const COMMANDS = [
  log,
  due,
  profile,
  add,
  people,
  stats,
  demo,
  exporting,
  encrypt,
  decrypt,
  passphrase,
  mergeJournals,
  sync,
  importing,
  undo,
  doctor,
  config,
];

export function buildProgram(io: Io): Command {
  const program = new Command('rel')
    .description('A personal relationship journal: see people, listen, remember what matters to them.')
    .version(VERSION, '-V, --version')
    .option('--store <file>', 'the journal file (default: $REL_STORE, else $XDG_DATA_HOME/rel/journal.json)')
    .option('--no-input', 'never prompt; fail with a message when something is missing')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(rel --help lists the commands; rel <command> --help shows one)')
    .exitOverride()
    .configureOutput(OUTPUT)
    .addHelpText(
      'after',
      `
The three moments:
  $ rel log ana --note "Roadmap" --heard "Worried about on-call"   right after a conversation
  $ rel due                                                       planning the week
  $ rel profile ana                                               just before a meeting

Exit codes: 0 ok, 1 store or I/O failure, 2 bad usage or input, 130 interrupted.`,
    );
  const ctx: Context = { io, globals: () => program.opts<GlobalOptions>() };
  for (const command of COMMANDS) {
    const sub = command.register(program, ctx);
    sub
      .exitOverride()
      .showSuggestionAfterError(true)
      .showHelpAfterError(`(rel ${sub.name()} --help shows its options and examples)`)
      .configureOutput(OUTPUT);
  }
  // Every command shows dates the way the user chose; `config` itself must work with a broken file.
  program.hook('preAction', (_program, action) => {
    if (action.parent?.name() !== 'config') useDateDisplay(settings(ctx).dateDisplay);
  });
  return program;
}
