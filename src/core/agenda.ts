// A 1:2:1 agenda: what to raise, what is owed both ways, ambitions to revisit and what you heard
// last time. Pure: assembled from the journal for one person and today.
import { compareIso, daysBetween, type IsoDate, localDay, relativeDay, spanWords } from './dates.js';
import { cadenceEnd } from './due.js';
import { latest } from './facts.js';
import { concerns } from './followups.js';
import type { Journal } from './journal.js';
import type { Profile, ProfileConversation } from './profile.js';

/** An active ambition not talked about for this long is worth asking about. */
const AMBITION_QUIET_DAYS = 45;
const EARLIER_HEARD = 5;

export interface AgendaFollowUp {
  id: string;
  text: string;
  owner: 'me' | 'them';
  promisedOn: IsoDate;
  due: IsoDate | null;
  overdue: boolean;
}

export interface AgendaAmbition {
  text: string;
  addedOn: IsoDate;
  lastDiscussedOn: IsoDate;
  quietDays: number;
  /** The latest step toward it, or null. */
  lastStep: { text: string; on: IsoDate } | null;
}

export interface Agenda {
  id: string;
  name: string;
  role: string;
  team: string;
  relationship: string;
  date: IsoDate;
  /** The last conversation of any kind, as in every `--json` shape. */
  lastSeen: IsoDate | null;
  /** The last time together: what the cadence, the long gap and a first conversation follow. */
  lastTogether: IsoDate | null;
  cadenceDays: number;
  /** The open "ask next time" notes: the agenda leads with them. */
  askNext: { text: string; since: IsoDate }[];
  talkingPoints: string[];
  /** Skills, talents, passions and personal notes: the person outside work. */
  outsideWork: { skills: string[]; notes: string[] };
  /** Their next birthday when it comes within the next cadence, else null. */
  birthday: IsoDate | null;
  followUps: { mine: AgendaFollowUp[]; theirs: AgendaFollowUp[] };
  ambitions: AgendaAmbition[];
  /** The last time together (not a group meeting or a message since). */
  /** `heardInGroup[i]`: `heard[i]` was heard from the whole group, not from them. */
  lastConversation: {
    date: IsoDate;
    kind: string;
    note: string;
    heard: string[];
    heardInGroup: boolean[];
  } | null;
  /** Group and written conversations since the last time together, oldest first. */
  alsoSince: { date: IsoDate; kind: string; note: string }[];
  earlierHeard: { date: IsoDate; text: string; inGroup: boolean }[];
}

export function buildAgenda(journal: Journal, profile: Profile, today: IsoDate): Agenda {
  const followUps = journal.followUps
    .filter((f) => concerns(f, profile.id) && f.doneAt === null)
    .map((f): AgendaFollowUp => {
      // Follow-ups they owe you carry owner "them"; without an owner, the promise was yours.
      const owner = (f as { owner?: string }).owner === 'them' ? 'them' : 'me';
      return {
        id: f.id,
        text: f.text,
        owner,
        promisedOn: localDay(f.createdAt),
        due: f.due,
        overdue: f.due !== null && f.due < today,
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareIso(a.promisedOn, b.promisedOn));
  const ambitions = profile.ambitions
    .filter((a) => (a.status ?? 'active') === 'active')
    .map((a): AgendaAmbition & { id: string } => {
      const lastDiscussedOn = a.lastDiscussedOn ?? a.addedOn;
      const step = latest(a.steps);
      return {
        id: a.id,
        text: a.text,
        addedOn: a.addedOn,
        lastDiscussedOn,
        quietDays: daysBetween(lastDiscussedOn, today),
        lastStep: step ? { text: step.text, on: step.on } : null,
      };
    })
    .sort((a, b) => b.quietDays - a.quietDays);
  // "Last time" is the last time together: an all-hands since does not push the 1:2:1 out.
  const lastAt = profile.conversations.findIndex((c) => c.together !== false);
  const last = lastAt >= 0 ? profile.conversations[lastAt] : undefined;
  const since = lastAt >= 0 ? profile.conversations.slice(0, lastAt) : profile.conversations;
  const earlier = lastAt >= 0 ? profile.conversations.slice(lastAt + 1) : [];

  const talkingPoints: string[] = profile.askNext.map((a) => `Ask: ${a.text}`);
  for (const f of followUps.filter((f) => f.overdue)) {
    talkingPoints.push(f.owner === 'me' ? `Close the loop on: ${f.text}` : `Ask about: ${f.text}`);
  }
  (last?.heard ?? []).forEach((heard, i) => {
    talkingPoints.push(
      last?.heardInGroup?.[i]
        ? `Check in on what came up in the group last time: ${heard}`
        : `Check in on what they said last time: ${heard}`,
    );
  });
  // The profile's rules of growth: nothing done toward an ambition, appreciation not given lately.
  const noSteps = new Map(
    profile.talkingPoints.flatMap((p) => (p.kind === 'step' ? [[p.id, p.since] as const] : [])),
  );
  for (const a of ambitions) {
    const since = noSteps.get(a.id);
    if (since) {
      talkingPoints.push(
        `Nothing done toward "${a.text}" for ${spanWords(daysBetween(since, today))}: what could be a next step?`,
      );
    } else if (a.quietDays >= AMBITION_QUIET_DAYS) talkingPoints.push(`Ask how it is going: ${a.text}`);
  }
  const appreciation = profile.talkingPoints.find((p) => p.kind === 'appreciation');
  if (appreciation) talkingPoints.push(appreciationWords(appreciation.since, appreciation.text, today));
  // Both follow time together: an all-hands or a message since does not make a long gap short,
  // and someone only ever seen in groups has not yet had a conversation of their own.
  const lastTogether = last?.date ?? null;
  if (
    lastTogether &&
    daysBetween(cadenceEnd(lastTogether, profile.cadenceDays), today) > profile.cadenceDays
  ) {
    talkingPoints.push('It has been a while: ask what has changed for them since you last talked');
  }
  if (!lastTogether)
    talkingPoints.push('A first conversation: ask what matters to them, at work and outside it');

  return {
    id: profile.id,
    name: profile.name,
    role: profile.role,
    team: profile.team,
    relationship: profile.relationship,
    date: today,
    lastSeen: profile.lastSeen,
    lastTogether,
    cadenceDays: profile.cadenceDays,
    askNext: profile.askNext.map((a) => ({ text: a.text, since: a.addedOn })),
    talkingPoints,
    outsideWork: { skills: profile.skills.map((s) => s.text), notes: profile.notes.map((n) => n.text) },
    birthday:
      profile.nextBirthday && daysBetween(today, profile.nextBirthday) <= profile.cadenceDays
        ? profile.nextBirthday
        : null,
    followUps: {
      mine: followUps.filter((f) => f.owner === 'me'),
      theirs: followUps.filter((f) => f.owner === 'them'),
    },
    ambitions: ambitions.map(({ id: _id, ...a }) => a),
    lastConversation: last
      ? { date: last.date, kind: last.kind, note: last.note, heard: last.heard, heardInGroup: inGroup(last) }
      : null,
    alsoSince: since.map((c) => ({ date: c.date, kind: c.kind, note: c.note })).reverse(),
    earlierHeard: earlier
      .flatMap((c) => c.heard.map((text, i) => ({ date: c.date, text, inGroup: inGroup(c)[i] ?? false })))
      .slice(0, EARLIER_HEARD),
  };
}

function inGroup(c: ProfileConversation): boolean[] {
  return c.heard.map((_, i) => c.heardInGroup?.[i] ?? false);
}

/** "Last appreciated 9 weeks ago (for the Q1 newsletter): anything to thank them for?" */
function appreciationWords(since: IsoDate | null, text: string | null, today: IsoDate): string {
  const last = since
    ? `Last appreciated ${relativeDay(since, today)}${text ? ` (for ${text})` : ''}`
    : 'No appreciation recorded yet';
  return `${last}: anything to thank them for?`;
}
