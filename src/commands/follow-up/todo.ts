// rel todo: open follow-ups across everyone, overdue first; `rel todo add` makes one directly.
import type { Command } from 'commander';
import {
  type Context,
  dueDateCheck,
  mayPrompt,
  openStore,
  parseWhen,
  resolvePerson,
  today,
} from '../../context.js';
import { answersChanged, deleteFollowUp, editFollowUp, type FollowUpEdit } from '../../core/corrections.js';
import { dayDate } from '../../core/dates.js';
import { verbsMeant } from '../../core/flags.js';
import { addFollowUp, openFollowUps, peopleNames, toItem } from '../../core/followups.js';
import type { FollowUp, Journal } from '../../core/journal.js';
import { samePerson } from '../../core/people.js';
import { byId, tooShortForId } from '../../core/records.js';
import { displaySafe } from '../../core/text.js';
import { followUpChange } from '../../core/wording.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { newId } from '../../ids.js';
import { printJson } from '../../ui/json.js';
import { renderTodo } from '../../ui/render/todo.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from '../shared/output.js';

const TODO_VERBS = ['list', 'add', 'edit', 'delete'];

interface ListOptions {
  mine?: boolean;
  theirs?: boolean;
  json?: boolean;
}

interface AddOptions {
  due?: string;
  theirs?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  const todo = program
    .command('todo')
    .description('open follow-ups across everyone, overdue first; add, edit or delete one')
    .addHelpText(
      'after',
      `
Examples:
  $ rel todo                       (every open follow-up, overdue first)
  $ rel todo ana --mine            (what you promised Ana)
  $ rel todo add ana "Send the promotion doc" --due friday
  $ rel todo add ben "Share the design draft" --theirs --due 2w
  $ rel done promotion             (close one by words or id)
  $ rel todo edit 3f9a --due 2w    (or --text, --mine, --theirs, --reopen)
  $ rel todo delete 3f9a`,
    );
  todo
    .command('list', { isDefault: true })
    .description('list open follow-ups (the default)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel todo list\n  $ rel todo list ana --mine\n  $ rel todo list --json`,
    )
    .argument('[name]', 'only follow-ups with this person')
    .option('--mine', 'only what you promised')
    .option('--theirs', 'only what they promised')
    .addOption(jsonOption())
    .action(async (name: string | undefined, options: ListOptions) => list(ctx, name, options));
  todo
    .command('add')
    .description('add a follow-up for someone, without logging a conversation')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel todo add ana "Send the promotion doc" --due friday\n  $ rel todo add ben "Share the design draft" --theirs --due 2w`,
    )
    .argument('<name>', 'who it is with')
    .argument('<text...>', 'what is to be done')
    .option('--due <when>', 'when it is due: friday, 2w, 2026-12-20')
    .option('--theirs', 'they made the promise, not you')
    .addOption(jsonOption())
    .action(async (name: string, words: string[], options: AddOptions) => add(ctx, name, words, options));
  todo
    .command('edit')
    .description('change the text, due date or owner of a follow-up')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel todo edit 3f9a --due 2w\n  $ rel todo edit 3f9a --text "Send the revised doc"\n  $ rel todo edit 3f9a --due none\n  $ rel todo edit 3f9a --reopen`,
    )
    .argument('<id>', 'the follow-up id, or its first four or more characters')
    .option('--text <text>', 'the new text')
    .option('--due <when>', 'the new due date ("none" clears it)')
    .option('--mine', 'you made the promise')
    .option('--theirs', 'they made the promise')
    .option('--reopen', 'open a closed follow-up again')
    .addOption(jsonOption())
    .action(async (id: string, options: EditOptions) => edit(ctx, id, options));
  todo
    .command('delete')
    .description('remove a follow-up (to close one that is done, use rel done)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel todo delete 3f9a\n  $ rel done 3f9a                (closes it instead, kept as done)`,
    )
    .argument('<id>', 'the follow-up id, or its first four or more characters')
    .addOption(jsonOption())
    .action(async (id: string, options: { json?: boolean }) => remove(ctx, id, options));
  return todo;
}

interface EditOptions {
  text?: string;
  due?: string;
  mine?: boolean;
  theirs?: boolean;
  reopen?: boolean;
  json?: boolean;
}

export function findFollowUp(journal: Journal, typed: string): FollowUp {
  const found = byId(journal.followUps, typed);
  if (found.kind === 'found') return found.record;
  if (found.kind === 'several') {
    throw new NotFoundError(
      `"${displaySafe(typed)}" is the start of several follow-up ids: ${found.records.map((f) => f.id).join(', ')}.`,
      'Type more of the id.',
    );
  }
  const short = tooShortForId(journal.followUps, typed, 'follow-up', 'rel todo edit');
  if (short) throw short;
  throw new NotFoundError(`No follow-up has the id "${displaySafe(typed)}".`, 'See the ids with: rel todo');
}

async function edit(ctx: Context, typed: string, options: EditOptions): Promise<void> {
  if (options.mine && options.theirs)
    throw new UsageError('--mine and --theirs together contradict each other.');
  const changes: FollowUpEdit = {};
  if (options.text !== undefined) changes.text = options.text;
  if (options.due !== undefined)
    changes.due =
      options.due.trim().toLowerCase() === 'none'
        ? null
        : await parseWhen(ctx, options.due, '--due', 'future');
  if (options.mine) changes.owner = 'me';
  if (options.theirs) changes.owner = 'them';
  if (options.reopen) changes.done = false;
  const store = await openStore(ctx);
  const journal = await store.read();
  const current = findFollowUp(journal, typed);
  if (Object.keys(changes).length === 0) {
    if (!mayPrompt(ctx)) {
      throw new UsageError(
        'What should change? Give --text, --due, --mine, --theirs or --reopen.',
        `For example: rel todo edit ${current.id} --due friday. In a terminal, it asks.`,
      );
    }
    const { askPrefilled } = await ctx.prompts();
    const text = await askPrefilled('Follow-up', current.text, (v) =>
      v.trim() ? true : 'It needs some words',
    );
    let due: string | null = current.due;
    await askPrefilled(
      'Due (empty for no date)',
      current.due ?? '',
      dueDateCheck(ctx, (answer) => {
        due = answer;
      }),
    );
    // Only what was changed here: a field another rel changed meanwhile keeps that change.
    Object.assign(changes, answersChanged({ text: current.text, due: current.due }, { text, due }));
  }
  const saved = await store.update(
    (fresh) => {
      const followUp = findFollowUp(fresh, current.id);
      editFollowUp(followUp, changes, ctx.io.now);
      return followUp;
    },
    {
      summary: () =>
        followUpChange('edited', current.text, toItem(current, peopleNames(journal), today(ctx)).people),
    },
  );
  const item = toItem(saved, peopleNames(journal), today(ctx));
  const person = item.people.join(', ');
  printResult(
    ctx.io,
    options.json,
    { ...item, doneAt: saved.doneAt },
    () =>
      `${theme(ctx.io).good('Updated')}: ${displaySafe(saved.text)} ${theme(ctx.io).dim(`· ${displaySafe(person)}${saved.due ? ` · due ${dayDate(saved.due, today(ctx))}` : ''}`)}`,
  );
}

async function remove(ctx: Context, typed: string, options: { json?: boolean }): Promise<void> {
  const store = await openStore(ctx);
  const journal = await store.read();
  const current = findFollowUp(journal, typed);
  const removed = await store.update(
    (journal) => {
      const followUp = findFollowUp(journal, current.id);
      deleteFollowUp(journal, followUp);
      return followUp;
    },
    {
      summary: () =>
        followUpChange('deleted', current.text, toItem(current, peopleNames(journal), today(ctx)).people),
    },
  );
  printResult(
    ctx.io,
    options.json,
    removed,
    () =>
      `${theme(ctx.io).good('Deleted')}: ${displaySafe(removed.text)}. ${theme(ctx.io).dim('Changed your mind? rel undo')}`,
  );
}

async function list(ctx: Context, name: string | undefined, options: ListOptions): Promise<void> {
  if (options.mine && options.theirs) {
    throw new UsageError(
      '--mine and --theirs together leave nothing to show.',
      'Use one of them, or neither.',
    );
  }
  // The people and their follow-ups: no conversation is read (see store/partial.ts).
  const view = await (await openStore(ctx)).view();
  const journal = await view.read({ conversations: 'none', tombstones: 'none', dismissals: 'none' });
  // `rel todo eidt` reaches here as a name: a word close to a verb is offered as that verb too.
  const meant = name === undefined ? [] : verbsMeant(name, TODO_VERBS).map((v) => `rel todo ${v}`);
  const person = name === undefined ? undefined : await resolvePerson(ctx, journal, name, 'report', meant);
  const todayIso = today(ctx);
  const owner = options.mine ? 'me' : options.theirs ? 'them' : undefined;
  const items = openFollowUps(journal, todayIso, { personId: person?.id, owner });
  printResult(ctx.io, options.json, items, (list) =>
    renderTodo(list, todayIso, theme(ctx.io), ctx.io.width, person?.name, owner),
  );
}

async function add(ctx: Context, name: string, words: string[], options: AddOptions): Promise<void> {
  const todayIso = today(ctx);
  const due = options.due === undefined ? null : await parseWhen(ctx, options.due, '--due', 'future');
  const store = await openStore(ctx);
  const person = await resolvePerson(ctx, await store.read(), name);
  const followUp = await store.update(
    (journal) => {
      samePerson(journal, person);
      return addFollowUp(
        journal,
        {
          personId: person.id,
          text: words.join(' '),
          due,
          owner: options.theirs ? 'them' : 'me',
          conversationId: null,
        },
        { now: ctx.io.now, newId },
      );
    },
    { summary: (added) => followUpChange('added', added.text, [person.name]) },
  );
  const item = toItem(followUp, new Map([[person.id, person.name]]), todayIso);
  if (options.json) {
    printJson(ctx.io, item);
    return;
  }
  const t = theme(ctx.io);
  const whose = item.owner === 'me' ? 'for' : 'from';
  // A day already past is kept (a promise recorded late), and said: it is overdue from the start.
  const late = item.due && item.due < todayIso ? ', already past: it shows as overdue' : '';
  const when = item.due ? `, due ${dayDate(item.due, todayIso)}${late}` : '';
  ctx.io.print(
    `${t.good('Added')} a follow-up ${whose} ${t.bold(displaySafe(person.name))}: ${displaySafe(item.text)}${when} ${t.dim(`(${item.id})`)}`,
  );
}
