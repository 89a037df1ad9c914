// rel due: who is due a catch-up, most overdue first.
import type { Command } from 'commander';
import { type Context, openStore, settingSource, settings, today, togetherRules } from '../../context.js';
import { dueWithBirthdays } from '../../core/birthdays.js';
import {
  type ConversationIndex,
  checkConversationDays,
  indexConversations,
} from '../../core/conversations.js';
import type { IsoDate } from '../../core/dates.js';
import {
  begunBefore,
  checkIn,
  dueOnlyByTogether,
  isSnoozed,
  shownOn,
  TIME_TOGETHER_SINCE,
} from '../../core/due.js';
import { overdueFollowUps } from '../../core/followups.js';
import type { Journal } from '../../core/journal.js';
import { stillToLog } from '../../core/nudge.js';
import { lastContacts } from '../../core/people-list.js';
import { parsePeriod, periodWords } from '../../core/periods.js';
import { dateSections, GROUPS, type GroupBy, groupRows, summarize } from '../../core/plan.js';
import { checkScope } from '../../core/scope.js';
import { displaySafe, normalize, plural } from '../../core/text.js';
import { UsageError } from '../../errors.js';
import type { DueRead } from '../../store/due-summary.js';
import type { Store } from '../../store/store.js';
import { printJson } from '../../ui/json.js';
import { renderDue, sectionTitle } from '../../ui/render/due.js';
import { listable } from '../../ui/render/no-one.js';
import { theme } from '../../ui/theme.js';
import { parseLimit } from '../shared/options.js';
import { jsonOption } from '../shared/output.js';

interface DueOptions {
  within?: string;
  group?: string;
  tag?: string;
  limit?: string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('due')
    .description('who is due a catch-up, longest overdue first')
    .option(
      '--within <period>',
      'also show who comes due, and birthdays coming up, within this period, e.g. 1w',
    )
    .option('--group <by>', `sections by ${GROUPS.join(', ')}; JSON rows gain a "group" field`)
    .option('--tag <tag>', 'only people with this tag')
    .option('--limit <n>', 'show at most n people')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel due
  $ rel due --within 1w          (planning the week ahead, day by day)
  $ rel due --within 1m          (the month ahead, week by week)
  $ rel due --group team
  $ rel due --tag platform --limit 5
  $ rel due --json | jq -r '.[].name'`,
    )
    .action(async (options: DueOptions) => run(ctx, options));
}

export function parseGroup(text: string): GroupBy {
  const by = text.trim().toLowerCase();
  if (!(GROUPS as readonly string[]).includes(by)) {
    throw new UsageError(
      `--group "${text}" is not one of ${GROUPS.join(', ')}.`,
      'For example: --group team',
    );
  }
  return by as GroupBy;
}

async function run(ctx: Context, options: DueOptions): Promise<void> {
  const withinDays = options.within === undefined ? undefined : parsePeriod(options.within, '--within');
  const limit = options.limit === undefined ? undefined : parseLimit(options.limit);
  const group = options.group === undefined ? undefined : parseGroup(options.group);
  const store = await openStore(ctx);
  // The summary beside the journal when it still stands for it, else the journal read in full,
  // whose summary is written once the report is out (whatever happens to the report).
  const read = await store.readForDue();
  try {
    await report(ctx, options, store, read, { withinDays, limit, group });
  } finally {
    read.save();
  }
}

async function report(
  ctx: Context,
  options: DueOptions,
  store: Store,
  { journal, horizon, whole }: DueRead,
  { withinDays, limit, group }: { withinDays?: number; limit?: number; group?: GroupBy },
): Promise<void> {
  checkScope(journal.people, undefined, options.tag);
  checkConversationDays(journal.conversations);
  const index = indexConversations(journal.conversations);
  const todayIso = today(ctx);
  const { defaultCadenceDays, weekStart, workingDays } = settings(ctx);
  /** The day a check-in is shown on, as every part of the report says it. */
  // A birthday row carries its person's check-in fields but its own day: as it always was shown.
  const shown = (c: { dueOn: IsoDate; cadenceDays: number; lastTogether: IsoDate | null; reason?: string }) =>
    shownOn(c.dueOn, c.cadenceDays, workingDays, c.reason === 'birthday' ? undefined : c.lastTogether);
  const rules = togetherRules(ctx);
  // The summary counts everyone due; --limit only shortens the list.
  const everyone = dueWithBirthdays(journal, index, todayIso, {
    withinDays,
    tag: options.tag,
    defaultCadence: defaultCadenceDays,
    rules,
    workingDays,
  });
  const rows = limit === undefined ? everyone : everyone.slice(0, limit);
  const grouped = group && groupRows(rows, journal.people, group);
  if (options.json) {
    printJson(ctx.io, grouped ?? rows);
    return;
  }
  const none = group === 'tag' ? '(no tag)' : `(no ${group})`;
  const sections = grouped
    ? [...new Set(grouped.map((r) => r.group))].map((key) => ({
        title: key ?? none,
        rows: grouped.filter((r) => r.group === key),
      }))
    : withinDays
      ? dateSections(rows, todayIso, withinDays, weekStart, (row) => shown(row)).map((s) => ({
          title: sectionTitle(s, todayIso),
          rows: s.rows,
        }))
      : undefined;
  const active = journal.people.filter((p) => !p.archivedAt);
  // Overdue follow-ups are listed for everyone the list could show: not archived, with the tag.
  const tag = options.tag === undefined ? undefined : normalize(options.tag);
  const listed = new Set(
    active.filter((p) => tag === undefined || p.tags.some((t) => normalize(t) === tag)).map((p) => p.id),
  );
  // Said only when no one is due (and no tag narrows the list): the check-ins are not worked
  // out again otherwise.
  const next =
    rows.length > 0 || options.tag
      ? undefined
      : active
          .filter((person) => !isSnoozed(person, todayIso))
          .map((person) => ({
            person,
            ...checkIn(person, index, todayIso, defaultCadenceDays, togetherRules(ctx)),
          }))
          .sort((a, b) => b.overdueDays - a.overdueDays)[0];
  const nudge = await inboxNudge(ctx, store.target, (before) =>
    horizon !== undefined && before < horizon ? (whole ?? store.read()) : journal,
  );
  ctx.io.print(
    `${renderDue(
      {
        rows,
        today: todayIso,
        withinDays,
        withinWords: options.within === undefined ? undefined : periodWords(options.within),
        tag: options.tag,
        peopleCount: active.length,
        everyone: listable(journal.people),
        // On the working day it is shown on, as rel people and the table say it.
        next: next && { name: next.person.name, dueOn: shown(next) },
        sections,
        // A check-in due on or before today is shown on or before today too: only one still to
        // come asks on which working day it is shown.
        summary: summarize(everyone, (row) => row.overdueDays >= 0 || shown(row) <= todayIso),
        limitedTo: rows.length < everyone.length ? rows.length : undefined,
        overdueFollowUps: overdueFollowUps(journal, todayIso).filter((f) =>
          f.personIds.some((id) => listed.has(id)),
        ),
        lastContacts: lastContacts(rows, index, rules),
      },
      theme(ctx.io),
      ctx.io.width,
      ctx.io.proseWidth,
    )}${nudge ? `\n\n${nudge}` : ''}`,
  );
  await upgradeNotice(ctx, journal, index, todayIso, store.target);
}

const NOTICE = 'time-together';

/**
 * Said once per journal, on the first `rel due` whose list the change to time-together cadences
 * made longer, unless cadence-counts was chosen (then the person knows) or the journal was begun
 * after the change (it never knew the old rule). Never for --json.
 */
async function upgradeNotice(
  ctx: Context,
  journal: Journal,
  index: ConversationIndex,
  todayIso: IsoDate,
  journalPath: string,
): Promise<void> {
  if (settingSource(ctx, 'cadence-counts') !== 'default') return;
  if (!begunBefore(journal, TIME_TOGETHER_SINCE)) return;
  const { markNoticeSaid, noticeSaid } = await import('../../store/notices.js');
  if (noticeSaid(ctx.io.env, NOTICE, journalPath)) return;
  const more = dueOnlyByTogether(
    journal,
    index,
    todayIso,
    settings(ctx).defaultCadenceDays,
    togetherRules(ctx),
  );
  if (more.length === 0) return;
  ctx.io.err(upgradeNoticeText(more.map((p) => p.name)));
  markNoticeSaid(ctx.io.env, NOTICE, journalPath, todayIso);
}

/** "rel now counts time together … so Ana Silva and 2 others are due. To count …" */
export function upgradeNoticeText(names: string[]): string {
  const who =
    names.length <= 2
      ? names.map((name) => displaySafe(name)).join(' and ')
      : `${displaySafe(names[0]!)} and ${names.length - 1} others`;
  return `rel now counts time together (alone or in a small group), not group meetings or messages, so ${who} ${names.length === 1 ? 'is' : 'are'} due. To count every conversation: rel config set cadence-counts any`;
}

/**
 * "3 meetings not logged yet: rel inbox", from what the last `rel inbox` kept (never by reading
 * a calendar here), less what was logged or dismissed since: `journalFrom` gives a journal that
 * holds every conversation since the day given. Nothing without a calendar setting,
 * when that was over a day ago, or when nothing is left to log.
 */
async function inboxNudge(
  ctx: Context,
  target: string,
  journalFrom: (earliest: IsoDate) => Journal | Promise<Journal>,
): Promise<string | undefined> {
  if (!settings(ctx).calendar) return undefined;
  const { nudgePath, readNudge, stateFolder } = await import('../../store/calendar-cache.js');
  const stored = readNudge(nudgePath(stateFolder(ctx.io.env), target));
  // The summary keeps every conversation since its horizon: a meeting before it needs the journal.
  const earliest = stored?.meetings.reduce((min, m) => (m.date < min ? m.date : min), '9999-12-31');
  const left =
    stored && stillToLog(stored, await journalFrom(earliest!), ctx.io.now, togetherRules(ctx).writtenKinds);
  if (!left) return undefined;
  return theme(ctx.io).dim(`${plural(left, 'meeting')} not logged yet: rel inbox`);
}
