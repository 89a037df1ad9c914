// rel log: capture a conversation right after it happened, from flags or by asking.
import type { Command } from 'commander';
import {
  type Context,
  mayPrompt,
  openStore,
  parseWhen,
  resolvePerson,
  settings,
  today,
  togetherRules,
} from '../../../context.js';
import { askedEntry, stillToAsk } from '../../../core/asknext.js';
import {
  assignNotes,
  attributeHeard,
  type CaptureLists,
  checkNotFuture,
  parseKind,
  parseMinutes,
  parseSize,
} from '../../../core/capture.js';
import { checkIn } from '../../../core/due.js';
import { closeFollowUp } from '../../../core/followups.js';
import {
  addPerson,
  checkNewName,
  indexConversations,
  type Journal,
  logConversation,
  type NewPerson,
  type Person,
} from '../../../core/journal.js';
import { resolveName } from '../../../core/names.js';
import { describeConversation } from '../../../core/profile.js';
import { byIdOrWords } from '../../../core/records.js';
import { displaySafe, normalize } from '../../../core/text.js';
import { notTogetherBecause } from '../../../core/together.js';
import { NotFoundError, UsageError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import { renderLogged } from '../../../ui/render/log.js';
import { theme } from '../../../ui/theme.js';
import { pickOne } from '../../shared/pick.js';

interface LogOptions {
  date?: string;
  kind?: string;
  minutes?: string;
  note?: string;
  heard?: string[];
  ambition?: string[];
  skill?: string[];
  followUp?: string[];
  theirFollowUp?: string[];
  due?: string;
  askNext?: string[];
  asked?: string[];
  size?: string;
  counts?: boolean;
  create?: boolean;
  json?: boolean;
}

/** Flags that say "this is the content": with any of them, `log` asks nothing more. */
const CONTENT_FLAGS = [
  'date',
  'kind',
  'minutes',
  'note',
  'heard',
  'ambition',
  'skill',
  'followUp',
  'theirFollowUp',
  'due',
  'askNext',
  'asked',
  'size',
  'counts',
] as const;

// No default value: commander would print "(default: [])" in the help.
const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command, ctx: Context): Command {
  return program
    .command('log')
    .description('log a conversation: who, when, what you talked about, what you heard')
    .argument('[names...]', 'who you talked with (several names = one conversation with all of them)')
    .option('--date <when>', 'when it happened: 2026-11-20, yesterday, friday, "3 days ago" (default today)')
    .option(
      '--kind <kind>',
      '1:2:1, coffee, call, meeting, walk, message, or any word (default 1:2:1, or the default-kind setting)',
    )
    .option('--minutes <n>', 'how long it lasted')
    .option('--note <text>', 'what you talked about ("-" reads it from stdin)')
    .option(
      '--heard <text>',
      'what you heard: what mattered to them, what worried them (repeatable; "Name: " says from whom)',
      collect,
    )
    .option(
      '--ambition <text>',
      'an ambition or life goal they shared (repeatable; "Name: " says whose)',
      collect,
    )
    .option(
      '--skill <text>',
      'a skill, talent or passion outside work (repeatable; "Name: " says whose)',
      collect,
    )
    .option(
      '--follow-up <text>',
      'something you promised to do (repeatable; "Name: " says for whom)',
      collect,
    )
    .option(
      '--their-follow-up <text>',
      'something they promised to do (repeatable; "Name: " says who)',
      collect,
    )
    .option('--due <when>', 'when the follow-ups of this conversation are due: friday, 2w, 2026-12-20')
    .option(
      '--ask-next <text>',
      'something to ask about next time; open until it is marked asked (repeatable; "Name: " says whom)',
      collect,
    )
    .option(
      '--asked <words|id|all>',
      'mark an "ask next time" note asked: words of it, its id, or all (repeatable; "Name: " says whose)',
      collect,
    )
    .option(
      '--size <n>',
      'how many others were there in all, besides you (for a meeting with people not in your journal)',
    )
    .option('--counts', 'count it as time together, whatever its size or kind')
    .option('--no-counts', "do not count it as time together (it will not move anyone's next check-in)")
    .option('--create', 'add names not yet in the journal as new people')
    .option('--json', 'print the saved conversation as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ rel log                         (in a terminal: asks for everything)
  $ rel log ana --note "Roadmap" --heard "Worried about on-call" --minutes 30
  $ rel log ana ben --kind meeting --ambition "Ben: speak at a conference"
  $ rel log ana --follow-up "Send the doc" --due friday --ask-next "The move?"
  $ rel log tom --kind call --asked "band gig"      (marks that note asked)
  $ rel log ana ben cleo dev --kind meeting --size 12   (a team meeting: seen, not time together)
  $ rel log "Kim Lee" --create --kind coffee --date yesterday --skill Cello
  $ echo "Long notes..." | rel log ana --note -`,
    )
    .action(async (names: string[], options: LogOptions) => run(ctx, names, options));
}

/** Someone in the conversation: already in the journal, or to be added when it is saved. */
type Participant = { person: Person; isNew: boolean; details?: Omit<NewPerson, 'name'> };

async function run(ctx: Context, names: string[], options: LogOptions): Promise<void> {
  const todayIso = today(ctx);
  // Every flag is checked before the journal is touched.
  const date =
    options.date === undefined
      ? undefined
      : checkNotFuture(await parseWhen(ctx, options.date, '--date', 'past'), todayIso, '--date');
  const minutes = options.minutes === undefined ? undefined : parseMinutes(options.minutes);
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  const due = options.due === undefined ? null : await parseWhen(ctx, options.due, '--due', 'future');
  // Checked against the names typed; a name given twice is caught again when the people are known.
  const size = options.size === undefined ? undefined : parseSize(options.size, Math.max(names.length, 1));
  if (options.due !== undefined && !options.followUp?.length && !options.theirFollowUp?.length) {
    throw new UsageError(
      '--due says when follow-ups are due, and there is no --follow-up or --their-follow-up.',
      'For example: rel log ana --follow-up "Send the doc" --due friday',
    );
  }
  const contentGiven = CONTENT_FLAGS.some((flag) => {
    const value = options[flag];
    return value !== undefined;
  });
  const interactive = mayPrompt(ctx) && !contentGiven;
  if (names.length === 0 && !mayPrompt(ctx)) {
    throw new UsageError(
      'Who did you talk with? Name them.',
      'For example: rel log "Ana Silva" --note "What we talked about" --heard "What mattered to them"',
    );
  }

  const store = await openStore(ctx);
  const journal = await store.read();
  const participants = names.length
    ? await resolveParticipants(ctx, journal, names, Boolean(options.create), interactive)
    : await askParticipants(journal);

  const note = options.note === '-' ? await readStdin(ctx) : options.note;
  let capture = {
    date: date ?? todayIso,
    kind: kind ?? settings(ctx).defaultKind,
    minutes: minutes ?? null,
    note: note ?? '',
    heard: options.heard ?? [],
    lists: {
      ambitions: options.ambition ?? [],
      skills: options.skill ?? [],
      followUps: [
        ...(options.followUp ?? []).map((text) => ({ text, due })),
        ...(options.theirFollowUp ?? []).map((text) => ({ text, due, owner: 'them' as const })),
      ],
      askNext: options.askNext ?? [],
    } as CaptureLists,
    discussed: [] as string[],
    done: [] as string[],
    asked: await pickAsked(
      ctx,
      options.asked ?? [],
      participants.map((p) => p.person),
    ),
  };
  if (interactive) {
    const { askRest } = await import('./prompts.js');
    capture = await askRest(
      ctx,
      participants.map((p) => p.person),
      todayIso,
      {
        askDate: date === undefined,
        askKind: kind === undefined,
        askMinutes: minutes === undefined,
        askNote: note === undefined,
      },
      capture,
      journal.followUps.filter(
        (f) => f.doneAt === null && participants.some((p) => !p.isNew && p.person.id === f.personId),
      ),
    );
  }

  const about = assignNotes(
    capture.lists,
    participants.map((p) => p.person),
  );
  const listening = attributeHeard(
    capture.heard,
    participants.map((p) => p.person),
  );
  const saved = await store.update(
    (fresh) => {
      const ids = new Map<string, string>();
      const added: string[] = [];
      for (const { person, isNew, details } of participants) {
        // Decided here, under the lock: another rel may have added them since the journal was read.
        const twin = isNew
          ? fresh.people.find((p) => normalize(p.name) === normalize(person.name))
          : undefined;
        if (twin) ids.set(person.id, twin.id);
        else if (isNew) {
          ids.set(
            person.id,
            addPerson(fresh, { ...details, name: person.name }, { now: ctx.io.now, newId }).id,
          );
          added.push(person.name);
        } else if (fresh.people.some((p) => p.id === person.id)) ids.set(person.id, person.id);
        else
          throw new NotFoundError(
            `${person.name} was removed from the journal while you were typing; nothing was saved.`,
          );
      }
      // Follow-ups ticked done at the prompt; one closed meanwhile by another rel stays as it is.
      for (const id of capture.done) {
        const followUp = fresh.followUps.find((f) => f.id === id && f.doneAt === null);
        if (followUp) closeFollowUp(followUp, ctx.io.now);
      }
      const conversation = logConversation(
        fresh,
        {
          date: capture.date,
          kind: capture.kind,
          minutes: capture.minutes,
          note: capture.note,
          heard: listening.heard,
          heardFrom: listening.heardFrom?.map((id) => (id === null ? null : ids.get(id)!)),
          discussed: capture.discussed,
          asked: capture.asked,
          with: participants.map((p) => ids.get(p.person.id)!),
          size,
          counts: options.counts,
          about: Object.fromEntries(Object.entries(about).map(([id, notes]) => [ids.get(id)!, notes])),
        },
        { now: ctx.io.now, newId },
      );
      return { journal: fresh, conversation, added };
    },
    {
      summary: ({ journal, conversation }) =>
        `logged a ${conversation.kind} with ${conversation.with.map((id) => journal.people.find((p) => p.id === id)?.name ?? id).join(', ')} on ${conversation.date}`,
    },
  );

  const because = notTogetherBecause(saved.conversation, togetherRules(ctx));
  if (because) {
    ctx.io.err(
      `Seen, not time together (${because}): next check-ins stay as they were. To count it: rel conversation edit ${saved.conversation.id} --counts`,
    );
  }
  const index = indexConversations(saved.journal.conversations);
  const people = saved.conversation.with.map((id) => saved.journal.people.find((p) => p.id === id)!);
  const { defaultCadenceDays } = settings(ctx);
  if (options.json) {
    const names = new Map(saved.journal.people.map((p) => [p.id, p.name]));
    const entry = describeConversation(saved.conversation, names);
    ctx.io.out(JSON.stringify({ ...entry, createdAt: saved.conversation.createdAt }, null, 2));
    return;
  }
  const nextDue = people.map((person) => ({
    person,
    ...checkIn(person, index, todayIso, defaultCadenceDays, togetherRules(ctx)),
  }));
  ctx.io.print(
    renderLogged(
      {
        conversation: saved.conversation,
        people,
        about,
        nextDue,
        today: todayIso,
        added: saved.added,
        closed: capture.done.length,
        stillToAsk: stillToAsk(people),
      },
      theme(ctx.io),
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
  const participants: Participant[] = [];
  for (const name of names) {
    const result = resolveName(name, journal.people);
    if (result.kind === 'unknown' && create) {
      participants.push({ person: provisionalPerson(journal, name, participants), isNew: true });
      continue;
    }
    if (result.kind === 'unknown' && mayPrompt(ctx) && result.suggestions.length === 0) {
      const { askYesNo } = await import('../../../ui/prompts.js');
      if (await askYesNo(`"${displaySafe(name)}" is not in your journal yet. Add them?`, true)) {
        const person = provisionalPerson(journal, name, participants);
        const { askAboutNewPerson } = await import('./prompts.js');
        const details = interactive ? await askAboutNewPerson(person.name) : undefined;
        participants.push({ person, isNew: true, ...(details ? { details } : {}) });
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

/** A person as they will be added when the conversation is saved (the id is settled then). */
function provisionalPerson(journal: Journal, name: string, others: Participant[]): Person {
  const clean = checkNewName(journal, name);
  if (others.some((o) => o.isNew && o.person.name.toLowerCase() === clean.toLowerCase())) {
    throw new UsageError(`"${clean}" is named twice.`);
  }
  const draft: Journal = { ...journal, people: [...journal.people] };
  const person = addPerson(draft, { name: clean }, { now: new Date(0), newId });
  return { ...person, id: `+new-${others.length}` };
}

async function askParticipants(journal: Journal): Promise<Participant[]> {
  const { askWho } = await import('./prompts.js');
  const chosen = await askWho(journal);
  return chosen.map((choice) => {
    if ('id' in choice) return { person: choice, isNew: false };
    const { name, ...details } = choice;
    return { person: { ...provisionalPerson(journal, name, []), id: `+new-${name}` }, isNew: true, details };
  });
}

async function readStdin(ctx: Context): Promise<string> {
  if (ctx.io.stdinIsTTY) {
    ctx.io.err('Type the note, then press Ctrl+D on a new line.');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '');
}
