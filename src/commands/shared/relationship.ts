// The relationship, asked the same way wherever a person is added or edited: a choice of the
// usual ones (Enter keeps what is selected), and "something else…" for any other word.
import type { Context } from '../../context.js';
import { RELATIONSHIPS } from '../../core/people.js';

/** Stands for "something else…": no relationship typed in could be mistaken for it. */
const OTHER = Symbol('something else');

/**
 * `current` is selected first (rel edit): a word of the user's own is listed with the usual
 * ones, and "(none)" takes it away. Without one, "(skip)" leaves it empty.
 */
export async function askRelationship(ctx: Context, message: string, current = ''): Promise<string> {
  const { ask, choose } = await ctx.prompts();
  const words = current && !RELATIONSHIPS.includes(current) ? [current, ...RELATIONSHIPS] : RELATIONSHIPS;
  const answer = await choose<string | typeof OTHER>(
    message,
    [
      { name: current ? '(none)' : '(skip)', value: '' },
      ...words.map((r) => ({ name: r, value: r })),
      { name: 'something else…', value: OTHER },
    ],
    current,
  );
  return answer === OTHER ? (await ask('Relationship')).trim() : answer;
}
