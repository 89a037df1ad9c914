// rel log's capture: flags, and in a terminal the prompts, turned into a plain Capture value.
// Nothing here writes; the records are made from the capture by recordCapture (src/core/capture.ts).
import {
  type Context,
  mayPrompt,
  offeredLabel,
  parseWhen,
  resolvePerson,
  settings,
  today,
} from '../../../context.js';
import { askedEntry } from '../../../core/asknext.js';
import { assignSteps } from '../../../core/attribution.js';
import { type Capture, type Participant, provisionalPerson } from '../../../core/capture.js';
import { parseMinutes, parseSize } from '../../../core/conversation-fields.js';
import type { IsoDate } from '../../../core/dates.js';
import type { Journal, Person } from '../../../core/journal.js';
import { kindWithout, parseKind } from '../../../core/kinds.js';
import { resolveName } from '../../../core/names.js';
import { byIdOrWords } from '../../../core/records.js';
import { displaySafe } from '../../../core/text.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import { pastDate } from '../../shared/options.js';
import { pickOne } from '../../shared/pick.js';
import { readNote } from '../../shared/stdin.js';
import { CAPTURE_FLAGS, type CaptureOptions, checkDue, saidIn } from './options.js';

export interface LogOptions extends CaptureOptions {
  date?: string;
  kind?: string;
  minutes?: string;
  asked?: string[];
  size?: string;
  counts?: boolean;
  create?: boolean;
  json?: boolean;
}

/** Flags that say "this is the content": with any of them, `log` asks nothing more. */
const CONTENT_FLAGS = ['date', 'kind', 'minutes', ...CAPTURE_FLAGS, 'asked', 'size', 'counts'] as const;

/** The flags, each checked, before the journal is touched. */
export interface LogFlags {
  names: string[];
  options: LogOptions;
  date: IsoDate | undefined;
  minutes: number | undefined;
  kind: string | undefined;
  due: IsoDate | null;
  size: number | undefined;
  /** A terminal to ask in, and no content given by flags. */
  interactive: boolean;
}

export async function readFlags(ctx: Context, names: string[], options: LogOptions): Promise<LogFlags> {
  const date = options.date === undefined ? undefined : await pastDate(ctx, options.date, '--date', names);
  const minutes = options.minutes === undefined ? undefined : parseMinutes(options.minutes);
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  const due = options.due === undefined ? null : await parseWhen(ctx, options.due, '--due', 'future');
  // Checked against the names typed; a name given twice is caught again when the people are known.
  const size = options.size === undefined ? undefined : parseSize(options.size, Math.max(names.length, 1));
  checkDue(options, 'rel log ana');
  // Only --note reads stdin: a listening note of "-" is a guess at the same, not what was heard.
  if (options.heard?.some((h) => h.trim() === '-')) {
    throw new UsageError(
      '--heard -: a listening note is its own text; only --note - reads from stdin.',
      'Give what you heard as text: --heard "Worried about the reorg" (repeat --heard for more).',
    );
  }
  if (names.length === 0 && !mayPrompt(ctx)) {
    throw new UsageError(
      'Who did you talk with? Name them.',
      'For example: rel log "Ana Silva" --note "What we talked about" --heard "What mattered to them"',
    );
  }
  const contentGiven = CONTENT_FLAGS.some((flag) => options[flag] !== undefined);
  return { names, options, date, minutes, kind, due, size, interactive: mayPrompt(ctx) && !contentGiven };
}

/** The whole capture: who (named or chosen), what the flags said, then what the prompts ask. */
export async function capture(ctx: Context, journal: Journal, flags: LogFlags): Promise<Capture> {
  const { names, options, date, minutes, kind, due, interactive } = flags;
  const todayIso = today(ctx);
  const participants = names.length
    ? await resolveParticipants(ctx, journal, names, Boolean(options.create), interactive)
    : await askParticipants(ctx, journal);
  const people = participants.map((p) => p.person);
  const note = options.note === '-' ? await readNote(ctx) : options.note;
  const given: Capture = {
    participants,
    date: date ?? todayIso,
    kind: kind ?? kindWithout(settings(ctx).defaultKind, people.length, flags.size),
    minutes: minutes ?? null,
    note: note ?? '',
    ...saidIn(options, due),
    discussed: [],
    done: [],
    asked: await pickAsked(ctx, options.asked ?? [], people),
    // Steps pick among the ambitions of people already in the journal; a new person has none yet.
    steps: assignSteps(
      options.step ?? [],
      participants.filter((p) => !p.isNew).map((p) => p.person),
    ),
    thanks: options.thanks ?? [],
    size: flags.size,
    counts: options.counts,
  };
  if (!interactive) return given;
  const { askRest } = await import('./prompts.js');
  return askRest(
    ctx,
    todayIso,
    {
      askDate: date === undefined,
      askKind: kind === undefined,
      askMinutes: minutes === undefined,
      askNote: note === undefined,
    },
    given,
    journal.followUps.filter(
      (f) => f.doneAt === null && participants.some((p) => !p.isNew && p.person.id === f.personId),
    ),
  );
}

/** The ids of the open "ask next time" notes that `--asked` entries pick; exit 2 when one picks none. */
async function pickAsked(ctx: Context, entries: string[], people: Person[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const entry of entries) {
    const { candidates, typed, all } = askedEntry(entry, people);
    if (all) {
      for (const q of candidates) ids.add(q.id);
      continue;
    }
    const whose = [...new Set(candidates.map((q) => q.person))];
    const question = await pickOne(ctx, byIdOrWords(candidates, typed), {
      what: `open "ask next time" note${whose.length === 1 ? ` of ${displaySafe(whose[0]!)}` : ''}`,
      typed,
      label: (q) => `"${displaySafe(q.text)}"${people.length > 1 ? ` (${displaySafe(q.person)})` : ''}`,
      candidates,
      usage: '--asked <words of it>',
    });
    ids.add(question.id);
  }
  return [...ids];
}

async function resolveParticipants(
  ctx: Context,
  journal: Journal,
  names: string[],
  create: boolean,
  interactive: boolean,
): Promise<Participant[]> {
  const clock = { now: ctx.io.now, newId };
  const participants: Participant[] = [];
  // Someone added from a prompt is asked what a full `rel log` in a terminal asks about them.
  const addAsked = async (name: string) => {
    const person = provisionalPerson(journal, name, participants, clock);
    const { askAboutNewPerson } = await import('./who.js');
    const details = interactive ? await askAboutNewPerson(ctx, person.name) : {};
    participants.push({ person, isNew: true, details });
  };
  for (const name of names) {
    const result = resolveName(name, journal.people);
    if (result.kind === 'unknown' && create && result.suggestions.length > 0 && mayPrompt(ctx)) {
      // A close name there already: a typo more often than a new person. Asked first.
      const { choose } = await ctx.prompts();
      const close = await choose<Person | null>(
        `"${displaySafe(name)}" is not in your journal, but a close name is. Who was it?`,
        [
          ...result.suggestions.map((p) => ({ name: offeredLabel(p), value: p })),
          { name: `Add "${displaySafe(name)}" as a new person`, value: null },
        ],
        result.suggestions[0],
      );
      if (close && !participants.some((p) => p.person.id === close.id))
        participants.push({ person: close, isNew: false });
      if (!close) await addAsked(name);
      continue;
    }
    if (result.kind === 'unknown' && create) {
      const person = provisionalPerson(journal, name, participants, clock);
      participants.push({ person, isNew: true, details: {} });
      continue;
    }
    if (result.kind === 'unknown' && mayPrompt(ctx) && result.suggestions.length === 0) {
      const { askYesNo } = await ctx.prompts();
      if (await askYesNo(`"${displaySafe(name)}" is not in your journal yet. Add them?`, true)) {
        await addAsked(name);
        continue;
      }
    }
    try {
      const person = await resolvePerson(ctx, journal, name);
      if (!participants.some((p) => p.person.id === person.id)) participants.push({ person, isNew: false });
    } catch (error) {
      if (error instanceof NotFoundError && result.kind === 'unknown') {
        throw new NotFoundError(
          error.message,
          `${error.hint} To add "${displaySafe(name)}" as a new person, add --create.`,
        );
      }
      throw error;
    }
  }
  return participants;
}

/**
 * Said on stderr after a log without a terminal added someone whose name is close to one already
 * there (--create with a typo): "did you mean …? rel merge … if so". The log itself stands.
 */
export function closeNameWarnings(before: Journal, added: Person[]): string[] {
  return added.flatMap((person) => {
    const result = resolveName(person.name, before.people);
    if (result.kind !== 'unknown' || result.suggestions.length === 0) return [];
    const [first] = result.suggestions;
    const names = result.suggestions.map((p) => `${displaySafe(p.name)} (${p.id})`).join(' or ');
    return [
      `Added "${displaySafe(person.name)}" as a new person, though ${names} ${result.suggestions.length === 1 ? 'is' : 'are'} already in your journal. Did you mean ${result.suggestions.length === 1 ? 'them' : 'one of them'}? If so: rel merge ${first!.id} ${person.id}`,
    ];
  });
}

async function askParticipants(ctx: Context, journal: Journal): Promise<Participant[]> {
  const { askWho } = await import('./who.js');
  const participants: Participant[] = [];
  for (const choice of await askWho(ctx, journal)) {
    if ('id' in choice) participants.push({ person: choice, isNew: false });
    else {
      const { name, ...details } = choice;
      const person = provisionalPerson(journal, name, participants, { now: ctx.io.now, newId });
      participants.push({ person, isNew: true, details });
    }
  }
  return participants;
}
