// rel history: the full timeline with one person, each conversation with its id.
import type { Command } from 'commander';
import { type Context, openStore, parseSince, resolvePerson, today } from '../../context.js';
import { indexConversations } from '../../core/conversations.js';
import { buildProfile } from '../../core/profile.js';
import { printJson } from '../../ui/json.js';
import { renderHistory } from '../../ui/render/history.js';
import { theme } from '../../ui/theme.js';
import { parseLimit } from '../shared/options.js';
import { jsonOption } from '../shared/output.js';

export interface HistoryOptions {
  since?: string;
  limit?: string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('history')
    .description('every conversation with someone, newest first, with ids (through $PAGER when long)')
    .argument('<name>', 'their name, alias or id')
    .option('--since <when>', 'only from this day: 2026-01-01, 3m, "last monday"')
    .option('--limit <n>', 'at most n conversations')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel history ana
  $ rel history ana --since 3m --limit 10
  $ rel conversation edit <id>     (fix one; the id is shown beside each)`,
    )
    .action(async (name: string, options: HistoryOptions) => showHistory(ctx, name, options));
}

export async function showHistory(ctx: Context, name: string, options: HistoryOptions): Promise<void> {
  const since = options.since === undefined ? undefined : await parseSince(ctx, options.since);
  const limit = options.limit === undefined ? undefined : parseLimit(options.limit);
  const journal = await (await openStore(ctx)).read();
  const person = await resolvePerson(ctx, journal, name, 'report');
  const todayIso = today(ctx);
  const profile = buildProfile(journal, indexConversations(journal.conversations), person, todayIso);
  let conversations = profile.conversations.filter((c) => since === undefined || c.date >= since);
  // Steps and thanks recorded on their own are shown back as far as the conversations shown go.
  let from = since;
  if (limit !== undefined && conversations.length > limit) {
    conversations = conversations.slice(0, limit);
    from = conversations.at(-1)?.date ?? from;
  }
  if (options.json) {
    printJson(ctx.io, conversations);
    return;
  }
  const text = renderHistory(profile, conversations, todayIso, theme(ctx.io), ctx.io.proseWidth, from);
  const { page } = await import('../../ui/pager.js');
  await page(ctx.io, text);
}
