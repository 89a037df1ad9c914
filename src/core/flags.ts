// What rel says when a command line is mistyped: the command's own flags closest to an unknown
// one, the verbs of a noun closest to an unknown word, and how to write a period that was typed
// as two words. Pure, so that a table tests them.
import { typoDistance } from './names.js';

/**
 * The flags closest to a mistyped one: prefixes first (either way: "--min" and "--minutesx"),
 * then within two typos of the flag or of its start ("--mins" is close to "--minutes"), the
 * closest first. A short word allows fewer typos (one per three letters, at least one).
 */
export function closeFlags(typed: string, flags: readonly string[]): string[] {
  const unique = [...new Set(flags)];
  const bare = typed.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  if (!bare) return [];
  const name = (flag: string) => flag.replace(/^--/, '');
  const prefixed = unique.filter((f) => name(f).startsWith(bare) || bare.startsWith(name(f)));
  if (prefixed.length) return prefixed.slice(0, 3);
  return unique
    .map((f) => ({
      f,
      // The start of a flag only from three letters: one letter is a typo away from any start.
      d: Math.min(
        typoDistance(bare, name(f)),
        bare.length >= 3 ? typoDistance(bare, name(f).slice(0, bare.length)) : Number.POSITIVE_INFINITY,
      ),
    }))
    .filter(({ d }) => d <= Math.min(2, Math.max(1, Math.floor(bare.length / 3))))
    .sort((a, b) => a.d - b.d)
    .slice(0, 2)
    .map(({ f }) => f);
}

/**
 * The words other tools use for a verb (`rm` for delete, `ls` for list): what a person used to
 * them types first. Each is offered only when the noun has the verb.
 */
const VERB_ALIASES: Record<string, readonly string[]> = {
  rm: ['delete'],
  del: ['delete'],
  remove: ['delete'],
  ls: ['list'],
  show: ['list'],
  view: ['list'],
  new: ['add'],
  create: ['add'],
};

/**
 * The verbs of a noun that a word not among them may have meant: the verb another tool's word
 * stands for (`rm` is delete), else the closest by spelling (closeFlags). `verbs` holds the
 * noun's verbs and their aliases.
 */
export function verbsMeant(typed: string, verbs: readonly string[]): string[] {
  const word = typed.toLowerCase();
  if (verbs.includes(word)) return [];
  const aliased = (Object.hasOwn(VERB_ALIASES, word) ? VERB_ALIASES[word]! : []).filter((v) =>
    verbs.includes(v),
  );
  return aliased.length ? aliased : closeFlags(word, verbs);
}

/**
 * What is said when the word after a noun is none of its verbs (`rel config gte x`): that word,
 * not the default command it reached, then the verb meant or, with none close, the verbs.
 */
export function notAVerb(
  noun: string,
  typed: string,
  verbs: readonly string[],
  defaultVerb: string | undefined,
): { message: string; hint: string } {
  const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
  const meant = verbsMeant(typed, verbs).map((v) => `rel ${noun} ${v}`);
  const listed = verbs.map((v) => (v === defaultVerb ? `${v} (the default)` : v)).join(', ');
  return {
    message: `"${typed}" is not ${article} ${noun} command.`,
    hint: `${meant.length ? `Did you mean ${meant.join(' or ')}? ` : ''}The commands: ${listed}.`,
  };
}

const PERIOD_UNIT = /^(d|days?|w|weeks?|m|mo|months?|y|years?)$/i;

/**
 * For "too many arguments" after a flag given a number and a unit (`--within 2 weeks`): the
 * message that says a period is one word, or undefined when that is not what happened.
 */
export function periodAsOneWord(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a, i) => /^\d+$/.test(a) && PERIOD_UNIT.test(argv[i + 1] ?? ''));
  if (at < 1 || !argv[at - 1]!.startsWith('--')) return undefined;
  const [flag, n, unit] = [argv[at - 1]!, argv[at]!, argv[at + 1]!];
  return `${flag} ${n} ${unit}: a period is one word. Write ${flag} ${n}${unit[0]!.toLowerCase()}, or quote it: ${flag} "${n} ${unit}".`;
}
