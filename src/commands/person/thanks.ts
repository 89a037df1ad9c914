// rel thanks: appreciation you gave someone, and what for. Noticing who has not been appreciated
// lately starts with knowing who has.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson, today } from '../../context.js';
import { addThanks, thanksOf } from '../../core/journal.js';
import { samePerson } from '../../core/people.js';
import { displaySafe } from '../../core/text.js';
import { thanksAdded } from '../../core/wording.js';
import { newId } from '../../ids.js';
import { renderThanks } from '../../ui/render/facts.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from '../shared/output.js';

export function register(program: Command, ctx: Context): Command {
  return program
    .command('thanks')
    .description(
      'record appreciation you gave someone, and what for (without it: list what you thanked them for)',
    )
    .argument('<name>', 'their name, first name, alias or id')
    .argument('[what...]', 'what you appreciated, in quotes')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
In a conversation, rel log --thanks "<what for>" records it with the conversation.

Examples:
  $ rel thanks tom "Designing the Q1 newsletter"
  $ rel thanks tom                                (list them, newest first)`,
    )
    .action(async (name: string, words: string[], options: { json?: boolean }) => {
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name);
      const todayIso = today(ctx);
      const t = theme(ctx.io);
      if (words.length === 0) {
        const all = [...thanksOf(person)].reverse();
        printResult(ctx.io, options.json, all, () => renderThanks(person, all, todayIso, t, ctx.io.width));
        return;
      }
      const thanks = await store.update(
        (journal) =>
          addThanks(samePerson(journal, person), words.join(' '), todayIso, { now: ctx.io.now, newId }),
        { summary: (added) => thanksAdded(added.text, [person.name]) },
      );
      printResult(
        ctx.io,
        options.json,
        thanks,
        () => `${t.good('Thanked')} ${t.bold(displaySafe(person.name))}: ${displaySafe(thanks.text)}`,
      );
    });
}
