// rel log: capture a conversation right after it happened, from flags or by asking. Three steps:
// the capture (./capture.ts, with ./prompts.ts), the records it makes (recordCapture in
// src/core/capture.ts), and the write (Store.update).
import type { Command } from 'commander';
import { type Context, mayPrompt, openStore, settings, today, togetherRules } from '../../../context.js';
import { stillToAsk } from '../../../core/asknext.js';
import { recordCapture } from '../../../core/capture.js';
import { indexConversations } from '../../../core/conversations.js';
import { checkIn } from '../../../core/due.js';
import { describeClassified } from '../../../core/profile.js';
import { notTogetherBecause } from '../../../core/together.js';
import { newId } from '../../../ids.js';
import { kindWithArticle } from '../../../ui/display.js';
import { printJson } from '../../../ui/json.js';
import { renderLogged, renderUnsaved } from '../../../ui/render/log.js';
import { theme } from '../../../ui/theme.js';
import { collect } from '../../shared/options.js';
import { jsonOption } from '../../shared/output.js';
import { capture, closeNameWarnings, type LogOptions, readFlags } from './capture.js';
import { captureOptions } from './options.js';

export function register(program: Command, ctx: Context): Command {
  const command = program
    .command('log')
    .description('log a conversation: who, when, what you talked about, what you heard')
    .argument('[names...]', 'who you talked with (several names = one conversation with all of them)')
    .option('--date <when>', 'when it happened: 2026-11-20, yesterday, friday, "3 days ago" (default today)')
    .option(
      '--kind <kind>',
      '1:2:1, coffee, call, meeting, walk, message, or any word (default 1:2:1, or the default-kind setting)',
    )
    .option('--minutes <n>', 'how long it lasted');
  return captureOptions(command)
    .option(
      '--asked <words|id|all>',
      'mark an "ask next time" note asked: words of it, its id, or all (repeatable; "Name: " says whose)',
      collect,
    )
    .option(
      '--size <n>',
      'how many others were there in all, besides you (for a meeting with people not in your journal)',
    )
    .option('--counts', 'count it as time together, whatever its size or kind')
    .option('--no-counts', "do not count it as time together (it will not move anyone's next check-in)")
    .option('--create', 'add names not yet in the journal as new people')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel log                         (in a terminal: asks for everything)
  $ rel log ana --note "Roadmap" --heard "Worried about on-call" --minutes 30
  $ rel log ana ben --kind meeting --ambition "Ben: speak at a conference"
  $ rel log ana --follow-up "Send the doc" --due friday --ask-next "The move?"
  $ rel log tom --kind call --asked "band gig"      (marks that note asked)
  $ rel log tom --step "design: Designed the newsletter" --thanks "The layout"
  $ rel log ana ben cleo dev --kind meeting --size 12  (seen, not time together)
  $ rel log "Kim Lee" --create --kind coffee --date yesterday --skill Cello
  $ echo "Long notes..." | rel log ana --note -`,
    )
    .action(async (names: string[], options: LogOptions) => run(ctx, names, options));
}

async function run(ctx: Context, names: string[], options: LogOptions): Promise<void> {
  const flags = await readFlags(ctx, names, options);
  const store = await openStore(ctx);
  const read = await store.read({ toChange: true });
  // As they were before the log (the write may add to the same journal): for the close-name warning.
  const before = { ...read, people: [...read.people] };
  const captured = await capture(ctx, read, flags);
  // The write: the records made from the capture, on the journal as it is under the lock.
  const saved = await store
    .update((journal) => ({ journal, ...recordCapture(journal, captured, { now: ctx.io.now, newId }) }), {
      // A log adds its conversation; it never changes one already there.
      appendsTo: ['conversations'],
      summary: ({ conversation, people }) => {
        return `logged ${kindWithArticle(conversation.kind)} with ${people.map((p) => p.name).join(', ')} on ${conversation.date}`;
      },
    })
    .catch((error: unknown) => {
      // Typed at the prompts, the capture is nowhere else (a command line is in the shell's
      // history): a write that fails after it shows it, so that it can be logged again.
      if (flags.interactive) for (const line of renderUnsaved(captured)) ctx.io.err(line);
      throw error;
    });
  const { conversation, people } = saved;
  if (!mayPrompt(ctx)) {
    // Those this log added under the lock: not one another rel added meanwhile, whom this log
    // found there and only logged with.
    const added = new Set(saved.added);
    for (const line of closeNameWarnings(
      before,
      people.filter((p) => added.has(p.name)),
    ))
      ctx.io.err(line);
  }
  // Said after what was logged, as its footnote: before it, it read as about something else.
  const because = notTogetherBecause(conversation, togetherRules(ctx));
  const sayNotTogether = () => {
    if (!because) return;
    ctx.io.err(
      `Seen, not time together (${because}): next check-ins stay as they were. To count it: rel conversation edit ${conversation.id} --counts`,
    );
  };
  if (options.json) {
    const names = new Map(saved.journal.people.map((p) => [p.id, p.name]));
    const entry = describeClassified(conversation, names, togetherRules(ctx));
    printJson(ctx.io, { ...entry, createdAt: conversation.createdAt });
    sayNotTogether();
    return;
  }
  const todayIso = today(ctx);
  // The next check-in of the people logged needs their conversations only, not an index of all.
  const logged = new Set(conversation.with);
  const index = indexConversations(
    saved.journal.conversations.filter((c) => c.with.some((id) => logged.has(id))),
  );
  const { defaultCadenceDays } = settings(ctx);
  const nextDue = people.map((person) => ({
    person,
    ...checkIn(person, index, todayIso, defaultCadenceDays, togetherRules(ctx)),
  }));
  ctx.io.print(
    renderLogged(
      {
        conversation,
        people,
        about: saved.about,
        nextDue,
        today: todayIso,
        added: saved.added,
        closed: captured.done.length,
        stillToAsk: stillToAsk(people),
      },
      theme(ctx.io),
    ),
  );
  sayNotTogether();
}
