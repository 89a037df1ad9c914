// Shell completion, decided here so that bash, zsh and fish behave alike: given the words typed
// after `rel`, the candidates for the last one. Pure: the command tree and the journal's names
// are passed in.
import { normalize } from './text.js';

export interface OptionSpec {
  flags: string[];
  /** Whether the option reads the next word as its value. */
  takesValue: boolean;
  /** What its value can be: fixed words, or people's ids or tags from the journal. */
  values?: string[] | 'people' | 'tags' | undefined;
}

export interface ArgumentSpec {
  /** People's ids, fixed words, or nothing to offer (free text). */
  values: string[] | 'people' | null;
  variadic: boolean;
}

export interface CommandSpec {
  name: string;
  options: OptionSpec[];
  args: ArgumentSpec[];
  subcommands: CommandSpec[];
}

export interface Names {
  /** Each person's id with the words of their name and aliases, to match what was typed. */
  people: { id: string; words: string[] }[];
  tags: string[];
}

function findOption(spec: CommandSpec, globals: OptionSpec[], word: string): OptionSpec | undefined {
  const flag = word.split('=')[0]!;
  return [...spec.options, ...globals].find((o) => o.flags.includes(flag));
}

function valuesOf(
  values: OptionSpec['values'] | ArgumentSpec['values'],
  journal: () => Names,
  typed: string,
): string[] {
  if (!values) return [];
  const names = typeof values === 'string' ? journal() : { people: [], tags: [] };
  if (values === 'tags') return names.tags.filter((t) => normalize(t).startsWith(normalize(typed)));
  if (values === 'people') {
    const q = normalize(typed);
    // Ids are offered: shell-safe, and accepted wherever a name is. "ana" or "silva" finds ana-silva.
    return names.people
      .filter((p) => p.id.startsWith(q) || p.words.some((w) => w.startsWith(q)))
      .map((p) => p.id);
  }
  return values.filter((v) => v.startsWith(typed));
}

/** Candidates for the last of `words` (the words after `rel`; the last may be empty). */
export function complete(root: CommandSpec, words: string[], journalNames: () => Names): string[] {
  const names = lazy(journalNames);
  const typed = words.at(-1) ?? '';
  let spec = root;
  let positional = 0;
  let pending: OptionSpec | undefined;
  for (const word of words.slice(0, -1)) {
    if (pending) {
      pending = undefined;
      continue;
    }
    if (word.startsWith('-')) {
      const option = findOption(spec, root.options, word);
      if (option?.takesValue && !word.includes('=')) pending = option;
      continue;
    }
    const sub = positional === 0 ? spec.subcommands.find((s) => s.name === word) : undefined;
    if (sub) spec = sub;
    else positional += 1;
  }
  if (pending) return valuesOf(pending.values, names, typed);
  if (typed.startsWith('-')) {
    const [flag, value] = typed.split(/=(.*)/s);
    const option = value !== undefined ? findOption(spec, root.options, flag!) : undefined;
    if (option) return valuesOf(option.values, names, value!).map((v) => `${flag}=${v}`);
    return [...spec.options, ...(spec === root ? [] : root.options)]
      .flatMap((o) => o.flags.filter((f) => f.startsWith('--')))
      .filter((f) => f.startsWith(typed));
  }
  // A command can have both: `rel config <set|get|...>`, or subcommands beside a name argument.
  const subcommands =
    positional === 0 ? spec.subcommands.map((s) => s.name).filter((n) => n.startsWith(typed)) : [];
  const arg = spec.args[positional] ?? (spec.args.at(-1)?.variadic ? spec.args.at(-1) : undefined);
  return [...subcommands, ...(arg ? valuesOf(arg.values, names, typed) : [])];
}

/** The journal is read only when a name or tag is to be offered, and then once. */
function lazy<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: load() };
    return value.v;
  };
}
