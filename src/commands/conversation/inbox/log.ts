// rel inbox log: meetings from the inbox logged as conversations, by id or --all, with what the
// calendar knows (who, date, minutes, kind, size) and what the flags add.
import { type Context, openStore, parseWhen, today, togetherRules } from '../../../context.js';
import { assignSteps } from '../../../core/attribution.js';
import { recordCapture } from '../../../core/capture.js';
import { parseMinutes } from '../../../core/conversation-fields.js';
import { parseKind } from '../../../core/kinds.js';
import { isLogged } from '../../../core/logged.js';
import { describeClassified } from '../../../core/profile.js';
import { displaySafe, plural } from '../../../core/text.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import { showDate } from '../../../ui/display.js';
import { printJson } from '../../../ui/json.js';
import { loggedSentence } from '../../../ui/render/log.js';
import { theme } from '../../../ui/theme.js';
import { readNote } from '../../shared/stdin.js';
import { CAPTURE_FLAGS, type CaptureOptions, checkDue, saidIn } from '../log/options.js';
import { DEFAULT_DAYS, ID_DAYS, loadInbox, pick, type SourceOptions } from './sources.js';

export interface LogOptions extends SourceOptions, CaptureOptions {
  all?: boolean;
  kind?: string;
  minutes?: string;
  json?: boolean;
}

/** Flags that say what was said in one meeting: refused with --all. */
const CONTENT_FLAGS = ['kind', 'minutes', ...CAPTURE_FLAGS] as const;

export async function logMeetings(ctx: Context, id: string | undefined, options: LogOptions): Promise<void> {
  const content = CONTENT_FLAGS.filter((flag) => options[flag] !== undefined);
  if (options.all && id !== undefined) {
    throw new UsageError('Give an id or --all, not both.', 'rel inbox log --all logs every meeting listed.');
  }
  if (options.all && content.length) {
    throw new UsageError(
      '--all logs each meeting with just the facts from the calendar; notes belong to one meeting.',
      'Log that one by its id: rel inbox log <id> --note "…"',
    );
  }
  if (!options.all && id === undefined) {
    throw new UsageError('Which meeting? Give its id, or --all.', 'rel inbox lists them with their ids.');
  }
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  const minutes = options.minutes === undefined ? undefined : parseMinutes(options.minutes);
  const due = options.due === undefined ? null : await parseWhen(ctx, options.due, '--due', 'future');
  checkDue(options, 'rel inbox log <id>');
  const loaded = await loadInbox(ctx, options, options.all ? DEFAULT_DAYS : ID_DAYS);
  const { inbox, since } = loaded;
  const chosen = options.all ? inbox.rows : [pick([...inbox.rows, ...inbox.dismissed], id!, loaded, ctx)];
  if (!chosen.length) {
    ctx.io.out(`Nothing to log since ${showDate(since, today(ctx))}.`);
    return;
  }
  const note = options.note === '-' ? await readNote(ctx) : (options.note ?? '');
  const { writtenKinds } = togetherRules(ctx);
  const store = await openStore(ctx);
  const saved = await store.update(
    (journal) => {
      return chosen.map((row) => {
        // Another rel may have logged it, or removed someone, since the inbox was read.
        if (isLogged(journal.conversations, row, writtenKinds))
          throw new UsageError(`"${displaySafe(row.title)}" (${row.id}) is already logged.`);
        const people = row.people.map((p) => {
          const person = journal.people.find((q) => q.id === p.id);
          if (!person)
            throw new NotFoundError(
              `${displaySafe(p.name)} is no longer in your journal; nothing was saved.`,
            );
          return person;
        });
        const participants = people.map((person) => ({ person, isNew: false as const }));
        return recordCapture(
          journal,
          {
            participants,
            date: row.date,
            kind: kind ?? row.kind,
            minutes: minutes ?? row.minutes,
            note,
            ...saidIn(options, due),
            discussed: [],
            asked: [],
            done: [],
            steps: assignSteps(options.step ?? [], people),
            thanks: options.thanks ?? [],
            size: row.size,
            counts: undefined,
            eventId: row.id,
          },
          { now: ctx.io.now, newId },
        ).conversation;
      });
    },
    {
      summary: (conversations) =>
        conversations.length === 1
          ? `logged "${chosen[0]!.title}" of ${chosen[0]!.date} from the calendar`
          : `logged ${conversations.length} meetings from the calendar`,
    },
  );
  const journal = await store.read();
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  if (options.json) {
    const shown = saved.map((c) => ({
      ...describeClassified(c, names, togetherRules(ctx)),
      eventId: c.eventId,
      createdAt: c.createdAt,
    }));
    printJson(ctx.io, options.all ? shown : shown[0]);
    return;
  }
  const t = theme(ctx.io);
  const todayIso = today(ctx);
  const lines = saved.map(
    (c) =>
      `${loggedSentence(
        t,
        c,
        c.with.map((p) => names.get(p) ?? p),
        `on ${showDate(c.date, todayIso)}`,
      )}.`,
  );
  if (saved.length > 1)
    lines.push(t.dim(`${plural(saved.length, 'meeting')} logged; rel undo takes them all back.`));
  ctx.io.out(lines.join('\n'));
}
