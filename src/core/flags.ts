// What rel says when a command line is mistyped: the command's own flags closest to an unknown
// one, and how to write a period that was typed as two words. Pure, so that a table tests them.
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
