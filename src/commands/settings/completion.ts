// rel completion <shell>: a completion script for bash, zsh or fish. The scripts ask rel itself
// (the hidden `rel __complete`) so that commands, flags and people's names stay current.
import { Argument, type Command } from 'commander';
import { type Context, openStore } from '../../context.js';
import { type CommandSpec, complete, type Names } from '../../core/complete.js';
import { KINDS } from '../../core/kinds.js';
import { RELATIONSHIPS } from '../../core/people.js';
import { GROUPS } from '../../core/plan.js';
import { normalize } from '../../core/text.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** Arguments that name a person, whatever the command. */
const PERSON_ARGUMENTS = new Set(['name', 'names', 'person', 'keep', 'duplicate']);

/** Values worth offering for options that do not declare choices of their own. */
const OPTION_VALUES: Record<string, string[] | 'tags'> = {
  '--kind': KINDS,
  '--group': [...GROUPS],
  '--relationship': RELATIONSHIPS,
  '--tag': 'tags',
};

const SCRIPTS: Record<Shell, string> = {
  bash: `# rel completion for bash. Add to ~/.bashrc:  source <(rel completion bash)
_rel_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(rel __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _rel_complete rel
`,
  zsh: `#compdef rel
# rel completion for zsh. Add to ~/.zshrc (after compinit):  source <(rel completion zsh)
_rel() {
  local -a candidates
  candidates=("\${(@f)$(rel __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  (( \${#candidates} )) && compadd -Q -- "\${candidates[@]}" || _files
}
compdef _rel rel
`,
  fish: `# rel completion for fish. Save as ~/.config/fish/completions/rel.fish, or:  rel completion fish | source
function __rel_complete
    set -l words (commandline -opc) (commandline -ct)
    rel __complete -- $words[2..-1] 2>/dev/null
end
complete -c rel -f -a '(__rel_complete)'
`,
};

export function register(program: Command, ctx: Context): Command {
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      const typed = words.length ? words : [''];
      const spec = specOf(program);
      let names: Names | undefined;
      let candidates: string[];
      try {
        candidates = complete(spec, typed, () => names ?? needJournal());
      } catch (error) {
        if (error !== NEED_JOURNAL) throw error;
        names = await journalNames(ctx, typed);
        candidates = complete(spec, typed, () => names!);
      }
      if (candidates.length) ctx.io.out(candidates.join('\n'));
    });
  return program
    .command('completion')
    .description('print a shell completion script: commands, flags and people’s names on Tab')
    .addArgument(new Argument('<shell>', SHELLS.join(', ')).choices(SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(rel completion bash)    (add it to ~/.bashrc)
  $ source <(rel completion zsh)     (add it to ~/.zshrc, after compinit)
  $ rel completion fish > ~/.config/fish/completions/rel.fish`,
    )
    .action((shell: Shell) => ctx.io.out(SCRIPTS[shell].trimEnd()));
}

function specOf(command: Command): CommandSpec {
  return {
    name: command.name(),
    // A hidden option (rel inbox log --asked, taken only to refuse it) is not offered.
    options: command.options
      .filter((o) => !o.hidden)
      .map((o) => ({
        flags: [o.long, o.short].filter((f): f is string => Boolean(f)),
        takesValue: o.required || o.optional,
        values: o.argChoices ?? (o.long ? OPTION_VALUES[o.long] : undefined),
      })),
    args: command.registeredArguments.map((a) => ({
      values: a.argChoices ?? (PERSON_ARGUMENTS.has(a.name()) ? 'people' : null),
      variadic: a.variadic,
    })),
    subcommands: command.commands.filter((c) => !c.name().startsWith('__')).map(specOf),
  };
}

/** Thrown when candidates need the journal: it is read only then, since most Tabs do not. */
const NEED_JOURNAL = Symbol('need the journal');
function needJournal(): never {
  throw NEED_JOURNAL;
}

/**
 * People and tags from the journal the command line names (--store), else the usual one. Never prompts (not even for a passphrase) and never
 * fails: a Tab press that cannot read the journal offers nothing.
 */
async function journalNames(ctx: Context, words: string[]): Promise<Names> {
  const at = words.findIndex((w) => w === '--store' || w.startsWith('--store='));
  const store = at < 0 ? ctx.globals().store : words[at]!.includes('=') ? words[at]!.slice(8) : words[at + 1];
  const quiet: Context = { ...ctx, globals: () => ({ ...ctx.globals(), store, input: false }) };
  let names: Names = { people: [], tags: [] };
  try {
    // The summary rel due keeps holds every name, alias and tag: a Tab reads it, not the journal.
    const read = await (await openStore(quiet)).readForDue();
    read.save();
    const { journal } = read;
    names = {
      people: journal.people.map((p) => ({
        id: p.id,
        words: [p.name, ...p.aliases].flatMap((n) => normalize(n).split(' ')),
      })),
      tags: [...new Set(journal.people.flatMap((p) => p.tags))].sort(),
    };
  } catch {
    // Offer nothing rather than print an error into the middle of a command line.
  }
  return names;
}
