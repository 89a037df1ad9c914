// A sample journal: an engineering manager, their team and its stakeholders over the last six
// months. Deterministic for a given "now" (ids and choices come from a seeded generator), so that
// a newcomer, the README and the tests all see the same story.
import { logConversation } from './conversations.js';
import { addDaysTo, fromIsoDate, type IsoDate, toIsoDate } from './dates.js';
import { CAST, type Cast, GROUP_TALKS, MINUTES, type Talk } from './demo-cast.js';
import { addAmbition, addSkill, addStep, addThanks } from './facts.js';
import { type Clock, emptyJournal, type Journal } from './journal.js';
import { addPerson } from './new-person.js';
import { seeded } from './seeded.js';

/** How far back the story starts. */
const HISTORY_DAYS = 182;

/** Ids drawn from the seeded generator: 12 hex digits, as a real journal's. */
function idsFrom(random: () => number): () => string {
  return () =>
    Math.floor(random() * 2 ** 48)
      .toString(16)
      .padStart(12, '0');
}

/** A weekend day moves to the Friday before: work conversations happen on working days. */
function workingDay(date: IsoDate): IsoDate {
  const day = fromIsoDate(date).getDay();
  return day === 6 ? addDaysTo(date, -1) : day === 0 ? addDaysTo(date, -2) : date;
}

/** The moment something was written down: that day at the given hour, local time. */
function at(date: IsoDate, hour: number): Date {
  const moment = fromIsoDate(date);
  moment.setHours(hour, 0, 0, 0);
  return moment;
}

/** Conversation dates for one person, oldest first, ending on the day they were last seen. */
function datesFor(cast: Cast, today: IsoDate, random: () => number): IsoDate[] {
  if (cast.lastSeenDaysAgo === null) return [];
  const cadence = cast.cadenceDays ?? 30;
  const dates: IsoDate[] = [];
  let daysAgo = cast.lastSeenDaysAgo;
  for (let i = 0; daysAgo < Math.min(HISTORY_DAYS, cast.addedDaysAgo); i++) {
    const date = i === 0 ? addDaysTo(today, -daysAgo) : workingDay(addDaysTo(today, -daysAgo));
    if (!dates.includes(date)) dates.unshift(date);
    const jitter = Math.round(cadence * (random() * 0.35 - 0.1));
    daysAgo += cast.gaps?.[i] ?? cadence + jitter;
  }
  return dates;
}

/** The sample journal as of `now`. Always the same for the same day. */
export function demoJournal(now: Date): Journal {
  const today = toIsoDate(now);
  const random = seeded(Number(today.replace(/-/g, '')));
  const newId = idsFrom(random);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const journal = emptyJournal();
  const ids = new Map<string, string>();
  for (const cast of CAST) {
    const clock: Clock = { now: at(addDaysTo(today, -cast.addedDaysAgo), 9), newId };
    const person = addPerson(journal, { ...cast }, clock);
    if (cast.leftDaysAgo !== undefined)
      person.archivedAt = at(addDaysTo(today, -cast.leftDaysAgo), 18).toISOString();
    ids.set(cast.name, person.id);
  }

  type Planned = { date: IsoDate; with: string[]; kind: string; minutes: number | null; talk: Talk };
  const planned: Planned[] = [];
  for (const cast of CAST) {
    const dates = datesFor(cast, today, random);
    dates.forEach((date, i) => {
      // The newest talks carry the story; older conversations reuse the early ones briefly.
      const talk = cast.talks[cast.talks.length - dates.length + i] ?? {
        note: pick(cast.talks)?.note ?? 'Check-in',
      };
      const kind = talk === cast.talks.at(-1) || i % 3 ? cast.kinds[i % cast.kinds.length]! : cast.kinds[0]!;
      const minutes = MINUTES[kind]?.length ? pick(MINUTES[kind]!) : null;
      planned.push({ date, with: [cast.name], kind, minutes, talk });
    });
  }
  for (const group of GROUP_TALKS) {
    planned.push({ ...group, date: workingDay(addDaysTo(today, -group.daysAgo)) });
  }
  planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  for (const entry of planned) {
    const withIds = entry.with.map((name) => ids.get(name)!);
    const { talk } = entry;
    const clock: Clock = { now: at(entry.date, 17), newId };
    const conversation = logConversation(
      journal,
      {
        date: entry.date,
        with: withIds,
        kind: entry.kind,
        minutes: entry.minutes,
        note: talk.note,
        heard: talk.heard ?? [],
        about: {
          [withIds[0]!]: {
            ambitions: talk.ambition ? [talk.ambition] : [],
            skills: talk.skill ? [talk.skill] : [],
            followUps: talk.followUp ? [{ text: talk.followUp, due: null }] : [],
            askNext: [],
          },
        },
      },
      clock,
    );
    // Promises made more than three weeks ago have mostly been kept.
    for (const followUp of journal.followUps) {
      if (followUp.conversationId !== conversation.id) continue;
      const age = (now.getTime() - clock.now.getTime()) / 86_400_000;
      if (age > 21 && random() < 0.7) followUp.doneAt = at(addDaysTo(entry.date, 5), 10).toISOString();
      else followUp.due = addDaysTo(entry.date, 10);
    }
  }
  growth(journal, ids, today);
  return journal;
}

/**
 * Helping them grow: steps toward ambitions, appreciation given, a talent to find. Added after the
 * story with their own ids, so that the rest of the sample stays as it was.
 */
function growth(journal: Journal, ids: Map<string, string>, today: IsoDate): void {
  const random = seeded(Number(today.replace(/-/g, '')) + 21);
  const newId = idsFrom(random);
  const person = (name: string) => journal.people.find((p) => p.id === ids.get(name))!;
  /** The last conversation with them that had this note: the day, and its id. */
  const talk = (name: string, note: string) => {
    const found = journal.conversations.filter((c) => c.with[0] === ids.get(name) && c.note === note).at(-1)!;
    return { on: found.date, clock: { now: at(found.date, 17), newId }, id: found.id };
  };
  const ambition = (name: string, words: string) =>
    person(name).ambitions.find((a) => a.text.includes(words))!;

  // Chloé is leading a project end to end, a step at a time; and she draws.
  const portal = talk('Chloé Martin', 'Ownership of the developer portal');
  addStep(
    ambition('Chloé Martin', 'Lead a project'),
    'Given the developer portal to own, from roadmap to launch',
    portal.on,
    portal.clock,
    portal.id,
  );
  const demo = talk('Chloé Martin', 'Demo went well');
  addStep(
    ambition('Chloé Martin', 'Lead a project'),
    'Presented the portal demo to leadership',
    demo.on,
    demo.clock,
    demo.id,
  );
  addThanks(person('Chloé Martin'), 'The developer portal demo', demo.on, demo.clock, demo.id);
  addSkill(
    person('Chloé Martin'),
    "Graphic design: drew the portal's illustrations",
    demo.on,
    demo.clock,
    demo.id,
  );
  // Dev's CI fix: a step toward build tooling, and thanked for it.
  const ci = talk('Dev Patel', 'Quick thanks for the CI fix');
  addStep(
    ambition('Dev Patel', 'build tooling'),
    'Fixed the CI cache; builds twice as fast',
    ci.on,
    ci.clock,
    ci.id,
  );
  addThanks(person('Dev Patel'), 'Fixing the CI cache', ci.on, ci.clock, ci.id);
  // Ana, thanked lately; Ben, seen often but last appreciated weeks ago.
  const lately = addDaysTo(today, -20);
  addThanks(person('Ana Silva'), 'Steering the queue migration rollback', lately, {
    now: at(lately, 18),
    newId,
  });
  const earlier = addDaysTo(today, -55);
  addThanks(person('Ben Okafor'), 'Leading the incident review at short notice', earlier, {
    now: at(earlier, 18),
    newId,
  });
  // Kemi would like to design: an ambition nothing has been done toward yet.
  const coffee = talk('Kemi Adeyemi', 'Coffee');
  addAmbition(person('Kemi Adeyemi'), 'Move into product design', coffee.on, coffee.clock, coffee.id);
}

/** Whether a journal holds anything a user wrote, even if since deleted: then rel demo leaves it alone. */
export function holdsData(journal: Journal): boolean {
  return (
    journal.people.length > 0 ||
    journal.conversations.length > 0 ||
    journal.followUps.length > 0 ||
    journal.tombstones.length > 0
  );
}
