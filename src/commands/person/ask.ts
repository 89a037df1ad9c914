// rel ask: the "ask next time" notes of one person: list, add, mark asked.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson, today } from '../../context.js';
import { type Question, questionsOf } from '../../core/asknext.js';
import { addAskNext, markAsked } from '../../core/facts.js';
import { samePerson } from '../../core/people.js';
import { byIdOrWords, recordById } from '../../core/records.js';
import { displaySafe } from '../../core/text.js';
import { addedTo, markedAsked } from '../../core/wording.js';
import { newId } from '../../ids.js';
import { printJson } from '../../ui/json.js';
import { renderQuestions } from '../../ui/render/facts.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from '../shared/output.js';
import { pickOne } from '../shared/pick.js';

interface AskOptions {
  all?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('ask')
    .description('what to ask someone next time: list, add, or mark one asked')
    .argument('<name>', 'their name; or done followed by the name')
    .argument('[words...]', 'the question to add; after done, words (or the id) that pick one')
    .option('--all', 'list the ones asked too, and when')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
A note stays open until it is marked asked: here, with rel log --asked, or by ticking it in the
interactive rel log of a conversation that counts as time together. done is a reserved first word.

Examples:
  $ rel ask tom                                 (the open ones)
  $ rel ask tom --all                           (with the ones asked, and when)
  $ rel ask tom "How did the band gig go?"
  $ rel ask done tom band gig                   (words pick the note)`,
    )
    .action(async (first: string, words: string[], options: AskOptions) => {
      if (first.toLowerCase() === 'done' && words.length > 0) {
        await done(ctx, words[0]!, words.slice(1).join(' '), options);
      } else if (words.length > 0) {
        await add(ctx, first, words.join(' '), options);
      } else {
        await list(ctx, first, options);
      }
    });
}

async function list(ctx: Context, name: string, options: AskOptions): Promise<void> {
  const journal = await (await openStore(ctx)).read();
  const person = await resolvePerson(ctx, journal, name, 'report');
  const questions = questionsOf(person, options.all);
  printResult(ctx.io, options.json, questions.map(shown), () =>
    renderQuestions(person, questions, today(ctx), theme(ctx.io), ctx.io.proseWidth),
  );
}

async function add(ctx: Context, name: string, text: string, options: AskOptions): Promise<void> {
  const store = await openStore(ctx);
  const person = await resolvePerson(ctx, await store.read(), name);
  const todayIso = today(ctx);
  const item = await store.update(
    (journal) => addAskNext(samePerson(journal, person), text, todayIso, { now: ctx.io.now, newId }),
    { summary: (added) => addedTo('question', added.text, person.name) },
  );
  const t = theme(ctx.io);
  printResult(
    ctx.io,
    options.json,
    { ...item, askedOn: null },
    () => `${t.good('To ask')} ${t.bold(displaySafe(person.name))} next time: ${displaySafe(item.text)}`,
  );
}

async function done(ctx: Context, name: string, words: string, options: AskOptions): Promise<void> {
  const store = await openStore(ctx);
  const person = await resolvePerson(ctx, await store.read(), name);
  const todayIso = today(ctx);
  const open = questionsOf(person);
  const picked = byIdOrWords(open, words);
  if (picked.kind === 'none' && words) {
    const asked = byIdOrWords(
      questionsOf(person, true).filter((q) => q.askedOn),
      words,
    );
    if (asked.kind === 'found') {
      ctx.io.err(
        `"${displaySafe(asked.record.text)}" was asked on ${asked.record.askedOn}; nothing changed.`,
      );
      if (options.json) printJson(ctx.io, shown(asked.record));
      return;
    }
  }
  const question = await pickOne(ctx, picked, {
    what: `open "ask next time" note of ${displaySafe(person.name)}`,
    typed: words,
    label: (q: Question) => `"${displaySafe(q.text)}"`,
    candidates: open,
    usage: `words of it, e.g. rel ask done ${person.id} <words>`,
  });
  const saved = await store.update(
    (journal) => {
      const fresh = recordById(
        samePerson(journal, person).askNext,
        question.id,
        'That note was removed while you were choosing; nothing changed.',
      );
      markAsked(fresh, todayIso);
      return fresh;
    },
    { summary: (item) => markedAsked(item.text, person.name) },
  );
  const t = theme(ctx.io);
  printResult(
    ctx.io,
    options.json,
    { ...saved, askedOn: saved.askedOn ?? null },
    () => `${t.good('Asked')}: ${displaySafe(saved.text)} ${t.dim(`· ${displaySafe(person.name)}`)}`,
  );
}

/** A note as --json prints it: askedOn always there, null while open. */
function shown(q: Question) {
  return { id: q.id, text: q.text, addedOn: q.addedOn, askedOn: q.askedOn };
}
