// rel config: the settings file (default cadence, default kind, first day of the week, date display).
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { SETTINGS, type SettingSpec } from '../../core/setting-specs.js';
import { findSetting, noteOnSet, parseSetting, resolveSettings, showSetting } from '../../core/settings.js';
import { configPath, readConfig, updateConfig } from '../../store/config.js';
import { printJson } from '../../ui/json.js';
import { type Column, layoutTable, renderTable, wrap } from '../../ui/render/table.js';
import { theme } from '../../ui/theme.js';
import { visibleWidth, widestWord } from '../../ui/wrap.js';
import { jsonOption } from '../shared/output.js';

interface JsonOption {
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  const config = program
    .command('config')
    .description(
      'show and change settings: default cadence and kind, week start, date display, calendar, who you are',
    )
    .addHelpText(
      'after',
      `
Settings: ${SETTINGS.map((s) => s.key).join(', ')}.

A command's flag wins over an environment variable, which wins over the config file
($XDG_CONFIG_HOME/rel/config.json), which wins over the built-in default.

Examples:
  $ rel config list
  $ rel config set default-cadence 2w
  $ rel config set week-start sunday
  $ rel config get default-kind
  $ rel config unset date-display`,
    );
  config
    .command('list', { isDefault: true })
    .description('every setting, its value and where the value comes from')
    .addHelpText('after', `\nExamples:\n  $ rel config list\n  $ rel config list --json`)
    .addOption(jsonOption())
    .action((options: JsonOption) => list(ctx, options));
  config
    .command('get')
    .description('the value of one setting')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel config get default-kind\n  $ rel config get week-start --json`,
    )
    .argument('<key>', SETTINGS.map((s) => s.key).join(', '))
    .addOption(jsonOption())
    .action((key: string, options: JsonOption) => get(ctx, key, options));
  config
    .command('set')
    .description('save a setting in the config file')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel config set default-cadence 2w\n  $ rel config set week-start sunday`,
    )
    .argument('<key>', SETTINGS.map((s) => s.key).join(', '))
    .argument('<value>', 'the new value')
    .action((key: string, value: string) => set(ctx, key, value));
  config
    .command('unset')
    .description('remove a setting from the config file: back to the built-in default')
    .addHelpText('after', `\nExamples:\n  $ rel config unset date-display`)
    .argument('<key>', SETTINGS.map((s) => s.key).join(', '))
    .action((key: string) => unset(ctx, key));
  for (const sub of config.commands) sub.exitOverride().showSuggestionAfterError(true);
  return config;
}

function current(ctx: Context) {
  const file = configPath(ctx.io.env);
  const resolved = resolveSettings(readConfig(file), ctx.io.env);
  for (const problem of resolved.problems) ctx.io.err(`rel: warning: ${problem}`);
  const rows = SETTINGS.map((setting) => ({
    key: setting.key,
    value: showSetting(setting, resolved.settings),
    source: resolved.sources[setting.key]!,
    env: setting.env,
    meaning: setting.meaning,
  }));
  return { file, rows };
}

function list(ctx: Context, options: JsonOption): void {
  const { file, rows } = current(ctx);
  if (options.json) {
    printJson(ctx.io, rows);
    return;
  }
  const t = theme(ctx.io);
  const from = (r: (typeof rows)[number]) => (r.source === 'environment' ? `$${r.env}` : r.source);
  const setting: Column<(typeof rows)[number]> = {
    header: 'Setting',
    value: (r) => r.key,
    style: (s) => t.bold(s),
    whole: true,
  };
  // The value and where it comes from are what the list is for: they stay at any width. The
  // meaning wraps, and is left out first; where even value and source cannot stand side by side
  // (40 columns), the source goes on a line of its own under the value.
  const widest = (texts: string[], measure: (text: string) => number) => Math.max(...texts.map(measure));
  const sideBySide =
    widest(
      rows.map((r) => r.key),
      visibleWidth,
    ) +
      widest(['Value', ...rows.map((r) => r.value)], widestWord) +
      widest(['From', ...rows.map(from)], visibleWidth) +
      4 <=
    ctx.io.width;
  const value: Column<(typeof rows)[number]> = { header: 'Value', value: (r) => r.value, flex: true };
  let table: string;
  if (sideBySide) {
    table = renderTable(
      rows,
      [
        setting,
        { ...value, shrinkOrder: 1, min: 20 },
        { header: 'From', value: from },
        { header: 'Meaning', value: (r) => r.meaning, flex: true, shrinkOrder: 2, min: 24, drop: 1 },
      ],
      ctx.io.width,
      t.dim,
    );
  } else {
    const laid = layoutTable(rows, [setting, value], ctx.io.width, t.dim);
    const indent = ' '.repeat(widest(['Setting', ...rows.map((r) => r.key)], visibleWidth) + 2);
    const under = (text: string, style: (s: string) => string) =>
      wrap(text, ctx.io.width, indent)
        .map((line) => style(line))
        .join('\n');
    table = [
      `${laid.header}\n${under('From', t.dim)}`,
      ...laid.rows.map((lines, i) => `${lines}\n${under(from(rows[i]!), t.dim)}`),
    ].join('\n');
  }
  ctx.io.print(
    `${table}\n\n${t.dim(`Config file: ${file}. Change a setting with: rel config set <setting> <value>`)}`,
  );
}

function get(ctx: Context, key: string, options: JsonOption): void {
  const setting = findSetting(key);
  const row = current(ctx).rows.find((r) => r.key === setting.key)!;
  if (options.json) printJson(ctx.io, row);
  else ctx.io.out(row.value);
}

async function set(ctx: Context, key: string, value: string): Promise<void> {
  const setting = findSetting(key);
  const text = parseSetting(setting, value);
  await updateConfig(
    configPath(ctx.io.env),
    (config) => ({ ...config, [setting.key]: text }),
    lockTimeout(ctx),
  );
  const resolved = resolveSettings({ [setting.key]: text }, {});
  ctx.io.print(`${setting.key} = ${showSetting(setting, resolved.settings)}`);
  const note = noteOnSet(setting, resolved.settings);
  if (note) ctx.io.err(`rel: note: ${note}`);
  warnIfOverridden(ctx, setting);
}

async function unset(ctx: Context, key: string): Promise<void> {
  const setting = findSetting(key);
  await updateConfig(
    configPath(ctx.io.env),
    (config) => {
      if (!(setting.key in config)) return undefined;
      const { [setting.key]: _removed, ...rest } = config;
      return rest;
    },
    lockTimeout(ctx),
  );
  const resolved = resolveSettings({}, {});
  ctx.io.print(`${setting.key} = ${showSetting(setting, resolved.settings)} (the built-in default)`);
  warnIfOverridden(ctx, setting);
}

/** REL_LOCK_TIMEOUT_MS, as for the journal's lock. */
const lockTimeout = (ctx: Context) => Number(ctx.io.env.REL_LOCK_TIMEOUT_MS) || undefined;

function warnIfOverridden(ctx: Context, setting: SettingSpec): void {
  if (ctx.io.env[setting.env]) {
    ctx.io.err(`rel: note: ${setting.env} is set in your environment and wins over the config file.`);
  }
}
