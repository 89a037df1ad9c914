// rel stats: the shape of your relationships at a glance, in figures and terminal charts.
import type { Command } from 'commander';
import { type Context, openStore, parseSince, settings, today, togetherRules } from '../../context.js';
import type { IsoDate } from '../../core/dates.js';
import type { Journal } from '../../core/journal.js';
import { checkScope } from '../../core/scope.js';
import { computeStats, DEFAULT_STATS_WEEKS, defaultSince } from '../../core/stats.js';
import { listable } from '../../ui/render/no-one.js';
import { renderStats } from '../../ui/render/stats.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from '../shared/output.js';

interface StatsOptions {
  since?: string;
  tag?: string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('stats')
    .description('the shape of your relationships: coverage, time together, rhythm, gaps, drift, listening')
    .option(
      '--since <when>',
      `the start of the period: 2026-06-01, 3m, "last monday" (default the last ${DEFAULT_STATS_WEEKS} weeks, as --since ${DEFAULT_STATS_WEEKS}w, or the week of your first conversation)`,
    )
    .option('--tag <tag>', 'only people with this tag')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel stats
  $ rel stats --since 3m --tag platform
  $ rel stats --json | jq '.coverage'`,
    )
    .action(async (options: StatsOptions) => run(ctx, options));
}

async function run(ctx: Context, options: StatsOptions): Promise<void> {
  const todayIso = today(ctx);
  const given = options.since === undefined ? undefined : await parseSince(ctx, options.since);
  // The summary beside the journal when it still stands for it, else the journal read in full.
  const read = await (await openStore(ctx)).readForStats();
  try {
    report(ctx, options, todayIso, given, read.journal);
  } finally {
    // The summary of a full read, written once the report is out.
    read.save();
  }
}

function report(
  ctx: Context,
  options: StatsOptions,
  todayIso: IsoDate,
  given: IsoDate | undefined,
  journal: Journal,
): void {
  checkScope(journal.people, undefined, options.tag);
  const since = given ?? defaultSince(journal, todayIso, settings(ctx).weekStart);
  const stats = computeStats(journal, {
    since,
    today: todayIso,
    tag: options.tag,
    defaultCadence: settings(ctx).defaultCadenceDays,
    weekStartsOn: settings(ctx).weekStart,
    rules: togetherRules(ctx),
  });
  printResult(ctx.io, options.json, stats, (figures) =>
    renderStats(figures, theme(ctx.io), ctx.io.width, ctx.io.proseWidth, listable(journal.people)),
  );
}
