// The interactive half of `rel log` after who was there (./who.ts): loaded only when a terminal is
// there to answer.

import {
  type Context,
  draftFolder,
  dueDateCheck,
  parseWhen,
  today as todayOf,
  togetherRules,
} from '../../../context.js';
import { namedOwner, type StepDraft } from '../../../core/attribution.js';
import type { Capture } from '../../../core/capture.js';
import { checkNotFuture, parseMinutes } from '../../../core/conversation-fields.js';
import { dayDate, type IsoDate } from '../../../core/dates.js';
import { openAskNext } from '../../../core/facts.js';
import type { FollowUp, Person } from '../../../core/journal.js';
import { KINDS, parseKind } from '../../../core/kinds.js';
import { recordById } from '../../../core/records.js';
import { displaySafe } from '../../../core/text.js';
import { conversationClass, countsAsTogether } from '../../../core/together.js';
import { names as listOfNames } from '../../../core/wording.js';
import { answerProblem, EditorAborted, EditorNotFound, validity } from '../../../errors.js';
import { editorNamed } from '../../../ui/editor.js';
import type { Choice } from '../../../ui/prompts.js';
import { renderKeptNote } from '../../../ui/render/log.js';

interface Ask {
  askDate: boolean;
  askKind: boolean;
  askMinutes: boolean;
  askNote: boolean;
}

/** Everything after "who": each optional prompt accepts Enter to skip. */
export async function askRest(
  ctx: Context,
  today: IsoDate,
  which: Ask,
  given: Capture,
  open: FollowUp[] = [],
): Promise<Capture> {
  const { ask, choose, editText } = await ctx.prompts();
  const people = given.participants.map((p) => p.person);
  const { lists } = given;
  const capture: Capture = {
    ...given,
    heard: [...given.heard],
    asked: [...given.asked],
    lists: {
      ambitions: [...lists.ambitions],
      skills: [...lists.skills],
      followUps: [...lists.followUps],
      askNext: [...lists.askNext],
    },
  };
  if (which.askDate) {
    let parsed = today;
    await ask('When? (today, yesterday, friday, 2026-11-20, "3 days ago")', {
      default: 'today',
      // Once answered, show the day it was read as: "last wed" -> "last wed (Wed 25 Nov)".
      transformer: (value, { isFinal }) => (isFinal ? `${value} (${dayDate(parsed, today)})` : value),
      validate: async (value) => {
        try {
          parsed = checkNotFuture(await parseWhen(ctx, value, 'The date', 'past'), today, 'The date');
          return true;
        } catch (error) {
          return answerProblem(error);
        }
      },
    });
    capture.date = parsed;
  }
  if (which.askKind) {
    const kind = await choose(
      'What kind of conversation?',
      [...KINDS.map((k) => ({ name: k, value: k })), { name: 'something else…', value: '' }],
      // The default kind (from settings) is preselected; a kind of its own is asked for by name.
      KINDS.includes(capture.kind) ? capture.kind : '',
    );
    capture.kind =
      kind ||
      parseKind(
        (await ask('What kind?', { validate: (v) => validity(() => parseKind(v, 'The kind')) })).trim(),
        'The kind',
      );
  }
  if (which.askMinutes) {
    const minutes = await ask('How many minutes? (Enter to skip)', {
      validate: (v) => (v.trim() === '' ? true : validity(() => parseMinutes(v, 'The minutes'))),
    });
    capture.minutes = minutes.trim() ? parseMinutes(minutes, 'The minutes') : null;
  }
  if (which.askNote) {
    const note = await ask(
      `What did you talk about? (Enter to skip; "e" then Enter opens ${editorNamed(ctx.io.env)})`,
    );
    if (note.trim() === 'e') {
      const draft = await draftFolder(ctx);
      try {
        capture.note = (await editText('What did you talk about?', draft.folder)).trim();
        ctx.io.err(renderKeptNote(capture.note));
      } catch (error) {
        if (error instanceof EditorNotFound) {
          // The answers given so far are kept: the note is typed here instead, and the log goes on.
          ctx.io.err(`rel: ${displaySafe(error.message)} Type the note here instead.`);
          if (error.hint) ctx.io.err(`  ${displaySafe(error.hint)}`);
          capture.note = (await ask('What did you talk about? (Enter to skip)')).trim();
        } else if (error instanceof EditorAborted) {
          capture.note = '';
          ctx.io.err(`${error.message} The note was not kept; the conversation goes on without one.`);
        } else throw error;
      } finally {
        draft.remove();
      }
    } else capture.note = note.trim();
  }
  const names = listOfNames(people.map((p) => displaySafe(p.name.split(' ')[0]!)));
  capture.heard.push(
    ...(await askOwned(
      ctx,
      people,
      `What did you hear from ${names}? What mattered to them, what worried them? (Enter to skip)`,
      'Anything else you heard? (Enter when done)',
      'Who said', // with several people, a note can also belong to the whole group
      'Everyone there',
    )),
  );
  capture.discussed = await askDiscussed(ctx, people);
  capture.steps = [...(capture.steps ?? []), ...(await askSteps(ctx, people, capture.discussed))];
  capture.lists.ambitions.push(
    ...(await askOwned(
      ctx,
      people,
      'Did they share an ambition or a life goal? (Enter to skip)',
      'Another ambition? (Enter when done)',
      'Whose ambition is',
    )),
  );
  capture.lists.skills.push(
    ...(await askOwned(
      ctx,
      people,
      'Did you learn of a skill, talent or passion outside work? (Enter to skip)',
      'Another? (Enter when done)',
      'Whose is',
    )),
  );
  capture.done = await askDone(ctx, people, open);
  const promised = await askOwned(
    ctx,
    people,
    'Did you promise to do anything? (Enter to skip)',
    'Another follow-up? (Enter when done)',
    'For whom is',
    'Everyone there (one follow-up for them all)',
  );
  for (const text of promised) capture.lists.followUps.push({ text, due: await askDue(ctx, text) });
  const theirs = await askOwned(
    ctx,
    people,
    people.length > 1
      ? 'Did any of them promise anything? (Enter to skip)'
      : 'Did they promise anything? (Enter to skip)',
    'Another promise of theirs? (Enter when done)',
    'Who promised',
  );
  for (const text of theirs) {
    capture.lists.followUps.push({ text, due: await askDue(ctx, text), owner: 'them' });
  }
  capture.asked.push(...(await askAsked(ctx, people, capture)));
  capture.lists.askNext.push(
    ...(await askOwned(
      ctx,
      people,
      'Anything to ask about next time? (Enter to skip)',
      'Anything else for next time? (Enter when done)',
      'Who to ask',
      'Everyone there',
    )),
  );
  return capture;
}

/** For people with active ambitions: which came up, so that "last discussed" stays true. */
async function askDiscussed(ctx: Context, people: Person[]): Promise<string[]> {
  const { chooseSome } = await ctx.prompts();
  const choices = people.flatMap((p) =>
    p.ambitions
      .filter((a) => a.status === 'active')
      .map((a) => ({
        name: people.length > 1 ? `${displaySafe(p.name)}: ${displaySafe(a.text)}` : displaySafe(a.text),
        value: a.id,
      })),
  );
  if (choices.length === 0) return [];
  return chooseSome('Did any of their ambitions come up? (space to tick, Enter to go on)', choices);
}

/** For each active ambition that came up: anything done toward it (Enter skips). */
async function askSteps(ctx: Context, people: Person[], discussed: string[]): Promise<StepDraft[]> {
  const { ask } = await ctx.prompts();
  const steps: StepDraft[] = [];
  for (const person of people) {
    for (const ambition of person.ambitions) {
      if (ambition.status !== 'active' || !discussed.includes(ambition.id)) continue;
      const whose = people.length > 1 ? `${displaySafe(person.name)}: ` : '';
      const text = (
        await ask(`Anything done toward it? ${whose}${displaySafe(ambition.text)} (Enter to skip)`)
      ).trim();
      if (text) steps.push({ personId: person.id, ambitionId: ambition.id, text });
    }
  }
  return steps;
}

/**
 * The open "ask next time" notes, to tick the ones asked; the rest stay open. Only a conversation
 * that counts as time together can answer them: a group meeting or a message leaves them open.
 */
async function askAsked(ctx: Context, people: Person[], capture: Capture): Promise<string[]> {
  const { chooseSome } = await ctx.prompts();
  const open = people.flatMap((p) => openAskNext(p).map((a) => ({ person: p, item: a })));
  if (open.length === 0) return [];
  const conversation = { with: people.map((p) => p.id), kind: capture.kind };
  if (!countsAsTogether(conversation, togetherRules(ctx))) {
    const rules = togetherRules(ctx);
    const what =
      conversationClass(conversation, rules.writtenKinds) === 'written'
        ? 'Written contact'
        : 'A group conversation';
    ctx.io.err(
      `${what} is not time together, so what you meant to ask stays open. Mark one asked with: rel ask done <name> <words>`,
    );
    return [];
  }
  return chooseSome(
    'You meant to ask about these. Tick the ones you asked (space to tick, Enter to go on; the rest stay open):',
    open.map(({ person, item }) => ({
      name:
        people.length > 1 ? `${displaySafe(person.name)}: ${displaySafe(item.text)}` : displaySafe(item.text),
      value: item.id,
    })),
  );
}

async function askDue(ctx: Context, text: string): Promise<IsoDate | null> {
  const { ask } = await ctx.prompts();
  let due: IsoDate | null = null;
  await ask(`By when? "${displaySafe(text)}" (Enter for no date; friday, 2w, 2026-12-20)`, {
    // Once answered, show the day it was read as: "friday" -> "friday (due Fri 4 Dec)".
    transformer: (value, { isFinal }) =>
      isFinal && due ? `${value} (due ${dayDate(due, todayOf(ctx))})` : value,
    validate: dueDateCheck(ctx, (answer) => {
      due = answer;
    }),
  });
  return due;
}

/** The people's open follow-ups, yours and theirs: the ones ticked were done in this conversation. */
async function askDone(ctx: Context, people: Person[], open: FollowUp[]): Promise<string[]> {
  const { chooseSome } = await ctx.prompts();
  if (open.length === 0) return [];
  const first = (id: string) => displaySafe(recordById(people, id)?.name.split(' ')[0] ?? id);
  const choices = open.map((f) => {
    const who =
      f.owner === 'them'
        ? `${first(f.personId)} promised`
        : people.length > 1
          ? `You, for ${first(f.personId)}`
          : 'You';
    // An overdue one says so: "(due Fri 13 Nov)" read on the 16th looks like a day to come.
    const due = f.due ? ` (${f.due < todayOf(ctx) ? 'was due' : 'due'} ${dayDate(f.due, todayOf(ctx))})` : '';
    return {
      name: `${who}: ${displaySafe(f.text)}${due}`,
      value: f.id,
    };
  });
  return chooseSome('Open follow-ups. Tick the ones done (space to tick, Enter to go on):', choices);
}

/**
 * A list whose entries belong to one person each; with several people, asks whose right after
 * each. With `group`, an entry can also belong to everyone (it is kept without a prefix).
 */
async function askOwned(
  ctx: Context,
  people: Person[],
  message: string,
  more: string,
  whose: string,
  group?: string,
): Promise<string[]> {
  const { ask, choose } = await ctx.prompts();
  const owned: string[] = [];
  for (;;) {
    const entry = (await ask(owned.length ? more : message)).trim();
    if (!entry) return owned;
    if (people.length < 2 || namedOwner(entry, people)) {
      owned.push(entry);
      continue;
    }
    const choices = people.map((p): Choice<Person | null> => ({ name: displaySafe(p.name), value: p }));
    // The whole group comes first, so that Enter never pins what was everyone's on one person.
    if (group) choices.unshift({ name: group, value: null });
    const person = await choose(`${whose} "${displaySafe(entry)}"?`, choices);
    owned.push(person ? `${person.name}: ${entry}` : entry);
  }
}
