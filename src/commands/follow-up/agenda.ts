// rel agenda <name>: a 1:2:1 agenda in Markdown, to stdout or a file.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson, today } from '../../context.js';
import { buildAgenda } from '../../core/agenda.js';
import { indexConversations } from '../../core/conversations.js';
import { printJson } from '../../ui/json.js';
import { renderAgenda } from '../../ui/render/agenda.js';
import { safeText } from '../../ui/safe.js';
import { writeOutFile } from '../shared/out-file.js';
import { jsonOption } from '../shared/output.js';
import { profileOf } from '../shared/profile.js';

interface AgendaOptions {
  out?: string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('agenda')
    .description(
      'a 1:2:1 agenda in Markdown: talking points, follow-ups both ways, ambitions, what you heard',
    )
    .argument('<name>', 'their name, first name, alias or id')
    .option('--out <file>', 'write the agenda to this file instead of printing it')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel agenda ana
  $ rel agenda ana --out ana-1-2-1.md
  $ rel agenda ana | pbcopy                 (paste it into the meeting doc)`,
    )
    .action(async (name: string, options: AgendaOptions) => run(ctx, name, options));
}

async function run(ctx: Context, name: string, options: AgendaOptions): Promise<void> {
  const store = await openStore(ctx);
  const journal = await store.read();
  const person = await resolvePerson(ctx, journal, name, 'report');
  const todayIso = today(ctx);
  const index = indexConversations(journal.conversations);
  const profile = profileOf(ctx, journal, person, index);
  const agenda = buildAgenda(journal, profile, todayIso);
  if (options.json) {
    printJson(ctx.io, agenda);
    return;
  }
  const markdown = renderAgenda(agenda);
  if (options.out === undefined) {
    ctx.io.out(markdown);
    return;
  }
  // Private notes about a person: the file is readable by its owner only, like the journal,
  // even when it replaces a file that others could read. An agenda is made again before each
  // 1:2:1, so the one --out wrote last time is replaced (never the journal, though).
  const rules = { target: store.target, env: ctx.io.env, instead: 'rel-agenda.md' };
  const file = writeOutFile(rules, options.out, options.out, safeText(markdown, false), {
    force: true,
    stdio: ctx.io.raw,
  });
  ctx.io.err(`Wrote the agenda for ${person.name} to ${file}.`);
}
