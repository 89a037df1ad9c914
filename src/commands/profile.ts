// rel profile <name>: the brief to read in the minute before a 1:2:1.
import type { Command } from 'commander';
import { type Context, openStore, resolvePerson, settings, today } from '../context.js';
import { indexConversations } from '../core/journal.js';
import { buildProfile } from '../core/profile.js';
import { renderProfile } from '../ui/render/profile.js';
import { theme } from '../ui/theme.js';

interface ProfileOptions {
  all?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('profile')
    .description('the whole person on one screen: ambitions, skills, follow-ups, what you heard, history')
    .argument('<name>', 'their name, first name, alias or id')
    .option('--all', 'the full timeline instead of the last five conversations (through $PAGER when long)')
    .option('--json', 'print the profile as one JSON object')
    .addHelpText(
      'after',
      `
Examples:
  $ rel profile ana
  $ rel profile ana --all        (every conversation, with ids)
  $ rel profile "ana silva" --json | jq -r '.ambitions[].text'`,
    )
    .action(async (name: string, options: ProfileOptions) => run(ctx, name, options));
}

async function run(ctx: Context, name: string, options: ProfileOptions): Promise<void> {
  const journal = await (await openStore(ctx)).read();
  const person = await resolvePerson(ctx, journal, name);
  const todayIso = today(ctx);
  const index = indexConversations(journal.conversations);
  const profile = buildProfile(journal, index, person, todayIso, settings(ctx).defaultCadenceDays);
  if (options.json) ctx.io.out(JSON.stringify(profile, null, 2));
  else if (options.all) {
    const [{ renderHistory }, { page }] = await Promise.all([
      import('../ui/render/history.js'),
      import('../ui/pager.js'),
    ]);
    const t = theme(ctx.io);
    const brief = renderProfile(profile, todayIso, t, ctx.io.width, 0);
    const timeline = profile.conversations.length
      ? `\n\n${renderHistory(profile, profile.conversations, todayIso, t, ctx.io.width)}`
      : '';
    await page(ctx.io, brief + timeline);
  } else ctx.io.out(renderProfile(profile, todayIso, theme(ctx.io), ctx.io.width));
}
