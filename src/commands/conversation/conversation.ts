// rel conversation edit|delete <id>: fix a logged conversation, or remove it.

import type { Command } from 'commander';
import { type Context, mayPrompt, openStore, parseWhen, today, togetherRules } from '../../context.js';
import { reattributeHeard } from '../../core/attribution.js';
import { checkNotFuture, parseMinutes, parseSize } from '../../core/conversation-fields.js';
import {
  answersChanged,
  type ConversationEdit,
  deleteConversation,
  editConversation,
} from '../../core/corrections.js';
import type { Conversation, Journal } from '../../core/journal.js';
import { parseKind } from '../../core/kinds.js';
import { byId, recordById, tooShortForId } from '../../core/records.js';
import { displaySafe } from '../../core/text.js';
import { countsAsTogether, notTogetherBecause } from '../../core/together.js';
import { conversationChange } from '../../core/wording.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { printJson } from '../../ui/json.js';
import { theme } from '../../ui/theme.js';
import { collect } from '../shared/options.js';
import { jsonOption } from '../shared/output.js';

interface EditOptions {
  date?: string;
  kind?: string;
  minutes?: string;
  note?: string;
  heard: string[];
  size?: string;
  counts?: boolean | string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  const conversation = program
    .command('conversation')
    .description('fix or remove a logged conversation (ids are shown by rel history)')
    .addHelpText(
      'after',
      `
Examples:
  $ rel history ana                      (shows each conversation's id)
  $ rel conversation edit 3f9a --date yesterday --minutes 45
  $ rel conversation edit 3f9a --counts  (the offsite was time together)
  $ rel conversation edit 3f9a           (in a terminal: each field prefilled)
  $ rel conversation delete 3f9a`,
    );
  conversation
    .command('edit')
    .description('change the date, kind, length, note or listening notes of a conversation')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel conversation edit 3f9a --date yesterday --minutes 45\n  $ rel conversation edit 3f9a --counts  (the offsite was time together)\n  $ rel conversation edit 3f9a           (in a terminal: each field prefilled)`,
    )
    .argument('<id>', 'the conversation id, or its first four or more characters')
    .option('--date <when>', 'when it happened')
    .option('--kind <kind>', 'what kind of conversation')
    .option('--minutes <n>', 'how long it lasted ("" for unknown)')
    .option('--note <text>', 'what you talked about (replaces it)')
    .option('--heard <text>', 'what you heard (repeatable; replaces the list)', collect, [])
    .option('--size <n>', 'how many others were there in all, besides you')
    .option('--counts [auto]', 'count it as time together; "--counts auto" lets the rules decide again')
    .option('--no-counts', 'do not count it as time together')
    .addOption(jsonOption())
    .action(async (id: string, options: EditOptions) => edit(ctx, id, options));
  conversation
    .command('delete')
    .description('remove a conversation; what was learned in it (ambitions, follow-ups) stays')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel history ana                      (shows each conversation's id)\n  $ rel conversation delete 3f9a`,
    )
    .argument('<id>', 'the conversation id, or its first four or more characters')
    .addOption(jsonOption())
    .action(async (id: string, options: { json?: boolean }) => remove(ctx, id, options));
  return conversation;
}

/** `--counts` (true), `--no-counts` (false) or `--counts auto` (null: remove the mark). */
function parseCounts(value: boolean | string): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value.trim().toLowerCase() === 'auto') return null;
  throw new UsageError(
    `--counts "${displaySafe(value)}" is not understood.`,
    'Use --counts, --no-counts, or --counts auto (the rules of time together decide).',
  );
}

export function findConversation(journal: Journal, typed: string): Conversation {
  const found = byId(journal.conversations, typed);
  if (found.kind === 'found') return found.record;
  if (found.kind === 'several') {
    throw new NotFoundError(
      `"${displaySafe(typed)}" is the start of several conversation ids: ${found.records.map((c) => c.id).join(', ')}.`,
      'Type more of the id.',
    );
  }
  const short = tooShortForId(journal.conversations, typed, 'conversation', 'rel conversation edit');
  if (short) throw short;
  throw new NotFoundError(
    `No conversation has the id "${displaySafe(typed)}".`,
    'See the ids with: rel history <name>',
  );
}

async function edit(ctx: Context, typed: string, options: EditOptions): Promise<void> {
  const todayIso = today(ctx);
  const changes: ConversationEdit = {};
  if (options.date !== undefined)
    changes.date = checkNotFuture(await parseWhen(ctx, options.date, '--date', 'past'), todayIso, '--date');
  if (options.kind !== undefined) changes.kind = parseKind(options.kind);
  if (options.minutes !== undefined)
    changes.minutes = options.minutes.trim() ? parseMinutes(options.minutes) : null;
  if (options.note !== undefined) changes.note = options.note;
  if (options.heard.length) changes.heard = options.heard;
  if (options.counts !== undefined) changes.counts = parseCounts(options.counts);
  const store = await openStore(ctx);
  const journalRead = await store.read();
  const current = findConversation(journalRead, typed);
  let heardTyped: string[] | undefined;
  if (options.size !== undefined) changes.size = parseSize(options.size, current.with.length);
  if (Object.keys(changes).length === 0) {
    if (!mayPrompt(ctx)) {
      throw new UsageError(
        'What should change? Give --date, --kind, --minutes, --note, --heard, --size or --counts.',
        `For example: rel conversation edit ${current.id} --minutes 45. In a terminal, it asks.`,
      );
    }
    const asked = await askEdit(ctx, current, todayIso);
    Object.assign(changes, asked.edit);
    heardTyped = asked.heard;
  }
  const rules = togetherRules(ctx);
  const wasTogether = countsAsTogether(current, rules);
  const { saved, changed } = await store.update(
    (journal) => {
      const fresh = findConversation(journal, current.id);
      // The answer against what was shown, applied to the conversation as it is now.
      if (heardTyped) changes.heard = retyped(fresh.heard, current.heard, heardTyped);
      if (changes.heard) {
        const there = journal.people.filter((p) => fresh.with.includes(p.id));
        Object.assign(changes, reattributeHeard(changes.heard, fresh, there));
      }
      return { saved: fresh, changed: editConversation(fresh, changes) };
    },
    {
      summary: () =>
        conversationChange('edited', current.kind, current.date, withNames(journalRead, current)),
    },
  );
  if (options.json) printJson(ctx.io, saved);
  else if (changed.length === 0) ctx.io.print('Nothing changed.');
  else ctx.io.print(`${theme(ctx.io).good('Updated')} the conversation ${saved.id}: ${changed.join(', ')}.`);
  // A new kind or size can take a conversation out of time together: said, as rel log says it,
  // since the check-ins of everyone in it move back.
  const because = notTogetherBecause(saved, rules);
  if (because && wasTogether) {
    ctx.io.err(
      `No longer time together (${because}): the next check-ins of the people in it no longer follow it. To count it: rel conversation edit ${saved.id} --counts`,
    );
  }
}

/** `now` with what was removed from `shown` taken out and what was added to it put in. */
function retyped(now: string[], shown: string[], typed: string[]): string[] {
  const clean = typed.map((h) => h.trim()).filter(Boolean);
  return [
    ...now.filter((h) => !shown.includes(h) || clean.includes(h)),
    ...clean.filter((h) => !shown.includes(h)),
  ];
}

async function askEdit(
  ctx: Context,
  c: Conversation,
  todayIso: string,
): Promise<{ edit: ConversationEdit; heard: string[] }> {
  const { askPrefilled } = await ctx.prompts();
  let date = c.date;
  await askPrefilled('When', c.date, async (value) => {
    try {
      date = checkNotFuture(await parseWhen(ctx, value, 'The date', 'past'), todayIso, 'The date');
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  });
  const kind = await askPrefilled('Kind', c.kind, (v) => (v.trim() ? true : 'A kind is needed, e.g. 1:2:1'));
  const minutes = await askPrefilled(
    'Minutes (empty for unknown)',
    c.minutes === null ? '' : String(c.minutes),
    (v) => {
      if (!v.trim()) return true;
      try {
        parseMinutes(v);
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  );
  const note = await askPrefilled('What you talked about', c.note);
  const heard = await askPrefilled('What you heard (separate with " ; ")', c.heard.join(' ; '));
  return {
    // Only what was changed here: a field another rel changed meanwhile keeps that change.
    edit: answersChanged(
      { date: c.date, kind: c.kind, minutes: c.minutes, note: c.note },
      { date, kind: parseKind(kind), minutes: minutes.trim() ? parseMinutes(minutes) : null, note },
    ),
    heard: heard.split(' ; '),
  };
}

async function remove(ctx: Context, typed: string, options: { json?: boolean }): Promise<void> {
  const store = await openStore(ctx);
  const journalRead = await store.read();
  const current = findConversation(journalRead, typed);
  const removed = await store.update(
    (journal) => {
      const fresh = findConversation(journal, current.id);
      deleteConversation(journal, fresh);
      return fresh;
    },
    {
      summary: () =>
        conversationChange('deleted', current.kind, current.date, withNames(journalRead, current)),
    },
  );
  if (options.json) {
    printJson(ctx.io, removed);
    return;
  }
  const t = theme(ctx.io);
  ctx.io.print(
    `${t.good('Deleted')} the ${displaySafe(removed.kind)} of ${removed.date} ${t.dim(`(${removed.id})`)}. ${t.dim('Changed your mind? rel undo')}`,
  );
}

/** The names of the people in a conversation, for the words undo says. */
function withNames(journal: Journal, conversation: Conversation): string[] {
  return conversation.with.map((id) => recordById(journal.people, id)?.name ?? id);
}
