// rel inbox: the meetings in your calendar with people in your journal that are not logged yet,
// and logging, dismissing and restoring them. This file registers the commands; the calendars are
// read in ./sources.ts (what they mean is worked out in core/inbox.ts), listed in ./list.ts (in a
// terminal, walked in ./walk.ts), logged in ./log.ts, and dismissed or restored in ./dismiss.ts.
import { type Command, Option } from 'commander';
import type { Context } from '../../../context.js';
import { notAVerb } from '../../../core/flags.js';
import { displaySafe } from '../../../core/text.js';
import { UsageError } from '../../../errors.js';
import { collect } from '../../shared/options.js';
import { jsonOption } from '../../shared/output.js';
import { captureOptions } from '../log/options.js';
import { type DismissOptions, dismiss, restore } from './dismiss.js';
import { type ListOptions, list } from './list.js';
import { type LogOptions, logMeetings } from './log.js';
import { DEFAULT_DAYS } from './sources.js';

function sourceOptions(command: Command, window = `${DEFAULT_DAYS} days ago`): Command {
  return command
    .option(
      '--calendar <source>',
      'an .ics file, a folder of them, a feed address or caldav+https://you@host/path (repeatable; default: the calendar setting, $REL_CALENDAR)',
      collect,
    )
    .option('--since <when>', `the start of the window: 2026-11-01, 3w, monday (default ${window})`)
    .option('--offline', 'read a calendar on the network from the copy rel kept when it last fetched it');
}

export function register(program: Command, ctx: Context): Command {
  const inbox = program
    .command('inbox')
    .description('meetings in your calendar with people in your journal, to log in one command')
    .addHelpText(
      'after',
      `
Reads .ics files (exports from Google Calendar, Outlook, Apple Calendar) or folders of them
(vdirsyncer and khal keep one), a feed's secret https:// address, or a CalDAV calendar
(caldav+https://you@host/path; the password from REL_CALDAV_PASSWORD or asked): the meetings
that ended in the window, with someone in your journal, not logged yet. What is fetched is kept
in ~/.local/state/rel for --offline; an address is only ever shown as https://host/….

Examples:
  $ rel config set calendar ~/calendars/work.ics  (once; or --calendar each run)
  $ rel config set calendar "https://calendar.google.com/…/basic.ics"
  $ rel config set me me@example.com              (which attendee is you)
  $ rel inbox
  $ rel inbox --since 2026-11-01 --json
  $ rel inbox log 3fa9c2d1 --note "Roadmap" --heard "Worried about on-call"
  $ rel inbox log --all                   (each one listed, with just its facts)
  $ rel inbox dismiss 3fa9c2d1 --series   (never list that series again)
  $ rel inbox --dismissed
  $ rel inbox restore 3fa9c2d1`,
    );
  sourceOptions(
    inbox
      .command('list', { isDefault: true })
      .description('the meetings still to log (the default)')
      .addHelpText(
        'after',
        `\nExamples:\n  $ rel inbox list\n  $ rel inbox list --since 2026-11-01 --json\n  $ rel inbox list --dismissed`,
      ),
  )
    .option('--dismissed', 'list the meetings you dismissed instead')
    .addOption(jsonOption())
    .allowExcessArguments()
    .action((options: ListOptions, command: Command) => {
      // `rel inbox lgo` lands here, as the default command's argument: say what was meant.
      const typed = command.args[0];
      if (typed !== undefined) {
        const { message, hint } = notAVerb('inbox', typed, ['list', 'log', 'dismiss', 'restore'], 'list');
        throw new UsageError(message, hint);
      }
      return list(ctx, options);
    });
  const logCommand = sourceOptions(
    inbox
      .command('log')
      .description(
        'log a meeting from the inbox as a conversation (who, date, minutes, kind from the calendar)',
      )
      .addHelpText(
        'after',
        `\nExamples:\n  $ rel inbox log 3fa9c2d1 --note "Roadmap" --heard "Worried about on-call"\n  $ rel inbox log --all      (every meeting listed, with just its facts)`,
      )
      .argument('[id]', 'the id the inbox shows (a unique prefix will do)'),
    `${DEFAULT_DAYS} days ago with --all; a year for an id`,
  )
    .option('--all', 'log every meeting the inbox lists, with just the facts from the calendar')
    .option('--kind <kind>', 'instead of the kind guessed from the title')
    .option('--minutes <n>', 'instead of the length in the calendar');
  captureOptions(logCommand)
    .addOption(jsonOption())
    // rel log's --asked, taken only to say where it is done: an unknown option would say less.
    .addOption(new Option('--asked <words>').hideHelp())
    .action((id: string | undefined, options: LogOptions & { asked?: string }) => {
      if (options.asked !== undefined) {
        throw new UsageError(
          'rel inbox log does not take --asked: what you asked is marked on its own.',
          `Mark it asked with: rel ask done <name> ${displaySafe(options.asked)}   (a meeting walked in rel inbox asks about them)`,
        );
      }
      return logMeetings(ctx, id, options);
    });
  sourceOptions(
    inbox
      .command('dismiss')
      .description('hide a meeting from the inbox for good (kept in the journal; rel undo takes it back)')
      .addHelpText(
        'after',
        `\nExamples:\n  $ rel inbox dismiss 3fa9c2d1\n  $ rel inbox dismiss 3fa9c2d1 --series       (never list that series again)`,
      )
      .argument('<id>', 'the id the inbox shows'),
    'a year ago',
  )
    .option('--series', 'hide every occurrence of its series')
    .action((id: string, options: DismissOptions) => dismiss(ctx, id, options));
  inbox
    .command('restore')
    .description('bring back a dismissed meeting (or series)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ rel inbox --dismissed                     (shows the ids)\n  $ rel inbox restore 3fa9c2d1`,
    )
    .argument('<id>', 'the id rel inbox --dismissed shows')
    .action((id: string) => restore(ctx, id));
  for (const sub of inbox.commands) sub.exitOverride().showSuggestionAfterError(true);
  return inbox;
}
