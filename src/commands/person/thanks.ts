// rel thanks: appreciation you gave someone, and what for. Noticing who has not been appreciated
// lately starts with knowing who has.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson, today } from '../../context.js';
import { addThanks, thanksOf } from '../../core/facts.js';
import { samePerson } from '../../core/people.js';
import { displaySafe } from '../../core/text.js';
import { thanksAdded } from '../../core/wording.js';
import { UsageError } from '../../errors.js';
import { newId } from '../../ids.js';
import { unlessToday } from '../../ui/display.js';
import { renderThanks } from '../../ui/render/facts.js';
import { theme } from '../../ui/theme.js';
import { pastDate } from '../shared/options.js';
import { jsonOption, printResult } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('thanks')
    .description(
      'record appreciation you gave someone, and what for (without it: list what you thanked them for)',
    )
    .argument('<name>', 'their name, first name, alias or id')
    .argument('[what...]', 'what you appreciated, in quotes')
    .option('--date <when>', 'the day you thanked them (default today): yesterday, "last friday", 2026-11-20')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
In a conversation, rel log --thanks "<what for>" records it with the conversation.

Examples:
  $ rel thanks tom "Designing the Q1 newsletter"
  $ rel thanks ana "Covering my on-call" --date "last friday"
  $ rel thanks tom                                (list them, newest first)`,
    )
    .action(async (name: string, words: string[], options: { json?: boolean; date?: string }) => {
      if (options.date !== undefined && words.length === 0) {
        throw new UsageError(
          '--date is the day of a thanks being recorded; say what for.',
          `For example: rel thanks ${name} "Covering my on-call" --date ${options.date}`,
        );
      }
      const on = options.date === undefined ? today(ctx) : await pastDate(ctx, options.date);
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name);
      const todayIso = today(ctx);
      const t = theme(ctx.io);
      if (words.length === 0) {
        // Newest first by the day given, which a --date can make other than the order recorded.
        const all = [...thanksOf(person)].reverse().sort((a, b) => b.on.localeCompare(a.on));
        printResult(ctx.io, options.json, all, () =>
          renderThanks(person, all, todayIso, t, ctx.io.proseWidth),
        );
        return;
      }
      const thanks = await store.update(
        (journal) => addThanks(samePerson(journal, person), words.join(' '), on, { now: ctx.io.now, newId }),
        { summary: (added) => thanksAdded(added.text, [person.name]) },
      );
      printResult(
        ctx.io,
        options.json,
        thanks,
        () =>
          `${t.good('Thanked')} ${t.bold(displaySafe(person.name))}: ${displaySafe(thanks.text)}${t.dim(unlessToday(on, todayIso))}`,
      );
    });
}
