// What skill and note share: `rel <verb> <name>` lists, `rel <verb> <name> "<text>"` adds.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson, today } from '../../context.js';
import type { IsoDate } from '../../core/dates.js';
import type { Clock, Person } from '../../core/journal.js';
import { samePerson } from '../../core/people.js';
import { displaySafe } from '../../core/text.js';
import { addedTo } from '../../core/wording.js';
import { newId } from '../../ids.js';
import { renderFacts } from '../../ui/render/facts.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from './output.js';

export interface FactSpec<T extends { id: string; text: string; addedOn: IsoDate }> {
  verb: string;
  description: string;
  /** "a skill", "a note" */
  noun: string;
  heading: string;
  examples: string;
  records: (person: Person) => T[];
  add: (person: Person, text: string, on: IsoDate, clock: Clock) => T;
}

export function registerFact<T extends { id: string; text: string; addedOn: IsoDate }>(
  program: Command,
  ctx: Context,
  spec: FactSpec<T>,
): Command {
  return program
    .command(spec.verb)
    .description(spec.description)
    .argument('<name>', 'their name, first name, alias or id')
    .argument('[text...]', `${spec.noun} to add (without it: list them)`)
    .addOption(jsonOption())
    .addHelpText('after', `\nExamples:\n${spec.examples}`)
    .action(async (name: string, words: string[], options: { json?: boolean }) => {
      const store = await openStore(ctx);
      const person = await resolvePerson(ctx, await store.read(), name, words.length ? 'change' : 'report');
      const todayIso = today(ctx);
      const t = theme(ctx.io);
      if (words.length === 0) {
        const records = spec.records(person);
        printResult(ctx.io, options.json, records, (list) =>
          renderFacts(person, spec.heading, list, todayIso, t, ctx.io.proseWidth),
        );
        return;
      }
      const record = await store.update(
        (journal) =>
          spec.add(samePerson(journal, person), words.join(' '), todayIso, { now: ctx.io.now, newId }),
        { summary: (added) => addedTo(spec.verb, added.text, person.name) },
      );
      printResult(
        ctx.io,
        options.json,
        record,
        () =>
          `${t.good('Added')} ${spec.noun} for ${t.bold(displaySafe(person.name))}: ${displaySafe(record.text)}`,
      );
    });
}
