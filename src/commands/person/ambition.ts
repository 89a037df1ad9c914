// rel ambition: a person's ambitions and life goals, as living records with a status.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson, today } from '../../context.js';
import { addAmbition, addStep, setAmbitionStatus, stepsOf } from '../../core/facts.js';
import type { Ambition, AmbitionStatus, AmbitionStep } from '../../core/journal.js';
import { samePerson } from '../../core/people.js';
import { byIdOrWords, type Pick, recordById } from '../../core/records.js';
import { displaySafe } from '../../core/text.js';
import { addedTo, ambitionChange, stepAdded } from '../../core/wording.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { newId } from '../../ids.js';
import { showDate, unlessToday } from '../../ui/display.js';
import { printJson } from '../../ui/json.js';
import { renderAmbitions } from '../../ui/render/facts.js';
import { theme } from '../../ui/theme.js';
import { pastDate } from '../shared/options.js';
import { jsonOption, printResult } from '../shared/output.js';
import { pickOne } from '../shared/pick.js';

/** The reserved first words: `rel ambition done ana lead` changes a status. */
const CHANGES: Record<string, { to: AmbitionStatus; from: AmbitionStatus[]; verb: string }> = {
  done: { to: 'achieved', from: ['active'], verb: 'achieved' },
  drop: { to: 'dropped', from: ['active'], verb: 'dropped' },
  reopen: { to: 'active', from: ['achieved', 'dropped'], verb: 'active again' },
};

interface AmbitionOptions {
  json?: boolean;
  date?: string;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('ambition')
    .description("list, add, or change the status of someone's ambitions and life goals")
    .argument('<name>', 'their name; or done, drop, reopen or step followed by the name')
    .argument(
      '[words...]',
      'the ambition to add; after done/drop/reopen, words that pick one; after step, words that pick one and then the step',
    )
    .option(
      '--date <when>',
      'with step: the day it was done (default today): yesterday, "last friday", 2026-11-20',
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Statuses are active, achieved and dropped. done, drop, reopen and step are reserved first words.

A step is something done or an opportunity given toward an active ambition; it counts as the
ambition coming up. The last argument is the step, in quotes.

Examples:
  $ rel ambition ana                               (list them, every status)
  $ rel ambition ana "Wants to lead a team within two years"
  $ rel ambition done ana lead                     (words pick the ambition)
  $ rel ambition drop ana                          (in a terminal: choose which)
  $ rel ambition reopen ana lead
  $ rel ambition step tom design "Designed the Q1 newsletter"
  $ rel ambition step tom design "Ran the poster workshop" --date "last friday"`,
    )
    .action(async (first: string, words: string[], options: AmbitionOptions) => {
      const change = CHANGES[first.toLowerCase()];
      const stepping = first.toLowerCase() === 'step' && words.length > 0;
      if (options.date !== undefined && !stepping) {
        throw new UsageError(
          '--date is the day of a step; an ambition is added or changed today.',
          'For example: rel ambition step tom design "Designed the Q1 newsletter" --date yesterday',
        );
      }
      if (stepping) {
        await step(ctx, words, options);
      } else if (change && words.length > 0) {
        await changeStatus(ctx, words[0]!, words.slice(1).join(' '), change, options);
      } else if (words.length > 0 && CHANGES[words[0]!.toLowerCase()]) {
        await reservedAfterName(ctx, first, words, options);
      } else if (words.length > 0) {
        await add(ctx, first, words.join(' '), options);
      } else {
        await list(ctx, first, options);
      }
    });
}

async function list(ctx: Context, name: string, options: AmbitionOptions): Promise<void> {
  const journal = await (await openStore(ctx)).read();
  const person = await resolvePerson(ctx, journal, name, 'report');
  printResult(ctx.io, options.json, person.ambitions.map(withSteps), () =>
    renderAmbitions(person, today(ctx), theme(ctx.io), ctx.io.proseWidth),
  );
}

/**
 * `rel ambition ana done principal`: the verb after the name, the order of adding. When the words
 * after it pick one of their ambitions (or there are none, to choose in a terminal), the change is
 * made as `rel ambition done ana principal` would; otherwise refused, never kept as a goal called
 * "done principal". An ambition that begins with the word is added quoted whole, as one argument.
 */
async function reservedAfterName(
  ctx: Context,
  name: string,
  words: string[],
  options: AmbitionOptions,
): Promise<void> {
  const verb = words[0]!.toLowerCase();
  const rest = words.slice(1).join(' ');
  const person = await resolvePerson(ctx, await (await openStore(ctx)).read(), name);
  if (!rest || byIdOrWords(person.ambitions, rest).kind !== 'none') {
    await changeStatus(ctx, name, rest, CHANGES[verb]!, options);
    return;
  }
  throw new UsageError(
    `"${displaySafe(verb)}" is a reserved word, and "${displaySafe(rest)}" picks none of ${displaySafe(person.name)}'s ambitions; nothing was saved.`,
    `To change one: rel ambition ${verb} ${person.id} <words of it>. To add an ambition that begins with "${displaySafe(words[0]!)}", quote it whole: rel ambition ${person.id} "${displaySafe(words.join(' '))}"`,
  );
}

async function add(ctx: Context, name: string, text: string, options: AmbitionOptions): Promise<void> {
  const store = await openStore(ctx);
  const person = await resolvePerson(ctx, await store.read(), name);
  const todayIso = today(ctx);
  const ambition = await store.update(
    (journal) => addAmbition(samePerson(journal, person), text, todayIso, { now: ctx.io.now, newId }),
    { summary: (added) => addedTo('ambition', added.text, person.name) },
  );
  const t = theme(ctx.io);
  printResult(
    ctx.io,
    options.json,
    ambition,
    () =>
      `${t.good('Added')} an ambition for ${t.bold(displaySafe(person.name))}: ${displaySafe(ambition.text)}`,
  );
}

async function changeStatus(
  ctx: Context,
  name: string,
  words: string,
  change: (typeof CHANGES)[string] & {},
  options: AmbitionOptions,
): Promise<void> {
  const store = await openStore(ctx);
  const person = await resolvePerson(ctx, await store.read(), name);
  const todayIso = today(ctx);
  const candidates = person.ambitions.filter((a) => change.from.includes(a.status));
  const picked = byIdOrWords(candidates, words);
  if (picked.kind === 'none' && words) {
    // Typed words that fit one already in the target status: nothing to change.
    const already = byIdOrWords(
      person.ambitions.filter((a) => a.status === change.to),
      words,
    );
    if (already.kind === 'found') {
      ctx.io.err(
        `"${displaySafe(already.record.text)}" is already ${already.record.status}; nothing changed.`,
      );
      if (options.json) printJson(ctx.io, already.record);
      return;
    }
  }
  const ambition = await pickOne(ctx, picked, {
    what: `${change.from.join(' or ')} ambition of ${displaySafe(person.name)}`,
    typed: words,
    label: (a: Ambition) => `"${displaySafe(a.text)}"`,
    candidates,
    usage: `words of it, e.g. rel ambition ${Object.keys(CHANGES).find((k) => CHANGES[k] === change)} ${person.id} <words>`,
  });
  const saved = await store.update(
    (journal) => {
      const fresh = recordById(
        samePerson(journal, person).ambitions,
        ambition.id,
        'That ambition was removed while you were choosing; nothing changed.',
      );
      setAmbitionStatus(fresh, change.to, todayIso);
      return fresh;
    },
    { summary: (changed) => ambitionChange(changed.text, changed.status, person.name) },
  );
  const t = theme(ctx.io);
  printResult(
    ctx.io,
    options.json,
    saved,
    () =>
      `${t.good(capitalise(change.verb))}: ${displaySafe(saved.text)} ${t.dim(`· ${displaySafe(person.name)}, since ${showDate(saved.addedOn, todayIso)}`)}`,
  );
}

/** `rel ambition step <name> [words...] <text>`: the last argument is the step, words before it pick. */
async function step(ctx: Context, args: string[], options: AmbitionOptions): Promise<void> {
  const [name, ...rest] = args;
  const text = rest.at(-1)?.trim() ?? '';
  if (!text) {
    throw new UsageError(
      'A step needs its text, as the last argument.',
      `rel ambition step ${name} <words of the ambition> "Designed the Q1 newsletter"`,
    );
  }
  const words = rest.slice(0, -1).join(' ');
  const on = options.date === undefined ? today(ctx) : await pastDate(ctx, options.date);
  const store = await openStore(ctx);
  const person = await resolvePerson(ctx, await store.read(), name!);
  const candidates = person.ambitions.filter((a) => a.status === 'active');
  if (candidates.length === 0) {
    throw new NotFoundError(
      `${displaySafe(person.name)} has no active ambition to take a step toward.`,
      `Add one first: rel ambition ${person.id} "Work in design full-time"`,
    );
  }
  // One active ambition needs no words to pick it.
  const picked: Pick<Ambition> =
    !words && candidates.length === 1
      ? { kind: 'found', record: candidates[0]! }
      : byIdOrWords(candidates, words);
  const ambition = await pickOne(ctx, picked, {
    what: `active ambition of ${displaySafe(person.name)}`,
    typed: words,
    label: (a: Ambition) => `"${displaySafe(a.text)}"`,
    candidates,
    usage: `words of it before the step, e.g. rel ambition step ${person.id} <words> "${displaySafe(text)}"`,
  });
  const saved = await store.update(
    (journal) => {
      const fresh = recordById(
        samePerson(journal, person).ambitions,
        ambition.id,
        'That ambition was removed while you were choosing; nothing changed.',
      );
      addStep(fresh, text, on, { now: ctx.io.now, newId });
      return fresh;
    },
    { summary: (changed) => stepAdded(text, changed.text, person.name) },
  );
  const t = theme(ctx.io);
  printResult(
    ctx.io,
    options.json,
    withSteps(saved),
    () =>
      `${t.good('Step')} toward ${displaySafe(saved.text)} ${t.dim(`· ${displaySafe(person.name)}`)}: ${displaySafe(text)}${t.dim(unlessToday(on, today(ctx)))}`,
  );
}

/** An ambition as --json shows it: with its steps, [] when there are none. */
function withSteps(ambition: Ambition): Ambition & { steps: AmbitionStep[] } {
  return { ...ambition, steps: stepsOf(ambition) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
