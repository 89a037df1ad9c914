// rel profile <name>: the brief to read in the minute before a 1:2:1.
import type { Command } from 'commander';
import { type Context, keyring, openStore, resolvePerson, today } from '../../context.js';
import { type ConversationIndex, indexConversations } from '../../core/conversations.js';
import type { IsoDate } from '../../core/dates.js';
import type { JournalReading, Person } from '../../core/journal.js';
import type { SharedThemes } from '../../core/stored-themes.js';
import type { JournalView } from '../../store/db.js';
import { mentioning } from '../../store/partial.js';
import type { Store } from '../../store/store.js';
import { printJson } from '../../ui/json.js';
import { renderProfile } from '../../ui/render/profile.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';
import { profileOf } from '../shared/profile.js';

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
    .addOption(jsonOption())
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
  const store = await openStore(ctx);
  const view = await store.view();
  const people = await view.read({
    conversations: 'none',
    followUps: 'none',
    tombstones: 'none',
    dismissals: 'none',
  });
  const person = await resolvePerson(ctx, people, name, 'report');
  // Everyone (for names), and of the conversations and follow-ups only the lines naming them
  // (store/partial.ts): the profile picks its own from those exactly as from the whole lists.
  const theirs = mentioning(person.id);
  const journal = await view.read({
    conversations: theirs,
    followUps: theirs,
    tombstones: 'none',
    dismissals: 'none',
  });
  const todayIso = today(ctx);
  const index = indexConversations(journal.conversations);
  const profile = profileOf(ctx, journal, person, index);
  profile.sharedThemes = await sharedThemes(ctx, store, view, journal, person, index, todayIso);
  if (options.json) printJson(ctx.io, profile);
  else if (options.all) {
    const [{ renderHistory }, { page }] = await Promise.all([
      import('../../ui/render/history.js'),
      import('../../ui/pager.js'),
    ]);
    const t = theme(ctx.io);
    const brief = renderProfile(profile, todayIso, t, ctx.io.proseWidth, 0);
    const timeline = profile.conversations.length
      ? `\n\n${renderHistory(profile, profile.conversations, todayIso, t, ctx.io.proseWidth)}`
      : '';
    await page(ctx.io, brief + timeline);
  } else ctx.io.print(renderProfile(profile, todayIso, theme(ctx.io), ctx.io.proseWidth));
}

/**
 * The themes this person shares with others: from the result the last `rel pulse` kept beside the
 * journal, or, before any pulse, from #hashtags in the last four weeks. Never the whole journal's
 * text: the language libraries stay with `rel pulse`.
 */
async function sharedThemes(
  ctx: Context,
  store: Store,
  view: JournalView,
  journal: JournalReading,
  person: Person,
  index: ConversationIndex,
  todayIso: IsoDate,
): Promise<SharedThemes | null> {
  const [{ readStoredPulse }, { computePulse, defaultSince }, { sharedThemesOf }, { isEncrypted, unseal }] =
    await Promise.all([
      import('../../store/pulse-file.js'),
      import('../../core/pulse.js'),
      import('../../core/stored-themes.js'),
      import('../../store/crypto.js'),
    ]);
  const known = new Set(journal.people.map((p) => p.id));
  const encrypted = store.encryption !== null;
  const stored = await readStoredPulse(store.target, async (label, bytes) => {
    if (!isEncrypted(bytes)) return bytes.toString('utf8');
    // An encrypted leftover beside a plain journal is not worth asking for a passphrase.
    return encrypted ? (await unseal(label, bytes, await keyring(ctx))).text : '';
  });
  if (stored) {
    const { since, until, themes } = stored;
    return { from: 'pulse', since, until, themes: sharedThemesOf(person.id, themes, known) };
  }
  const since = defaultSince(todayIso);
  const tagged = (index.get(person.id) ?? []).some(
    (c) => c.date >= since && c.date <= todayIso && c.heard.some((h) => h.includes('#')),
  );
  if (!tagged) return null;
  // Everyone's hashtags: the whole journal, parsed from the same bytes.
  const { stored: themes } = computePulse(await view.whole(), { since, until: todayIso });
  return { from: 'hashtags', since, until: todayIso, themes: sharedThemesOf(person.id, themes, known) };
}
