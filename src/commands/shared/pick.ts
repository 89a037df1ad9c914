// Choosing one record (ambition, follow-up) from what was typed: found, or a choice prompt in a
// terminal, or exit 2 listing the candidates with their ids.
import { type Context, mayPrompt } from '../../context.js';
import type { Pick } from '../../core/records.js';
import { displaySafe } from '../../core/text.js';
import { NotFoundError, UsageError } from '../../errors.js';

export interface PickOptions<T> {
  /** "active ambition of Ana Silva", "open follow-up" */
  what: string;
  /** What was typed; empty when nothing was. */
  typed: string;
  label: (record: T) => string;
  /** Every candidate, for the prompt and the message when nothing was typed. */
  candidates: T[];
  /** The flag or argument that names one, for the message without a terminal. */
  usage: string;
}

export async function pickOne<T extends { id: string }>(
  ctx: Context,
  result: Pick<T>,
  options: PickOptions<T>,
): Promise<T> {
  if (result.kind === 'found') return result.record;
  const { what, typed, label, candidates } = options;
  if (candidates.length === 0) throw new NotFoundError(`There is no ${what}.`);
  const shown = result.kind === 'several' ? result.records : typed ? [] : candidates;
  if (shown.length && mayPrompt(ctx)) {
    const { choose } = await ctx.prompts();
    return choose(
      typed ? `"${displaySafe(typed)}" fits several. Which one?` : `Which ${what}?`,
      shown.map((r) => ({ name: label(r), value: r })),
    );
  }
  const list = (records: T[]) => records.map((r) => `${label(r)} (${r.id})`).join(', ');
  if (!typed) {
    throw new UsageError(`Which ${what}? Name it with ${options.usage}.`, `There are: ${list(candidates)}.`);
  }
  if (result.kind === 'several') {
    throw new NotFoundError(
      `"${displaySafe(typed)}" fits several: ${list(result.records)}.`,
      'Type more of the words, or the id.',
    );
  }
  throw new NotFoundError(`No ${what} matches "${displaySafe(typed)}".`, `There are: ${list(candidates)}.`);
}
