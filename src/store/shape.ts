// A fast yes/no check that a parsed file is a journal, run on every read. It follows the rules of
// `journalSchema` in schema.ts, written out as plain loops: validating 50,000 conversations with
// zod costs more than parsing them, and loading zod alone costs more than rel's start-up.
// When this check says no, zod (loaded only then) decides and names the first problem, so the
// messages users see come from one place. Where in doubt this check is stricter, never looser:
// test/store/shape.test.ts holds it to that.
import { SCHEMA_VERSION } from '../core/journal.js';

type Data = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown) => typeof v === 'string' && v.length > 0;
const isDate = (v: unknown) => typeof v === 'string' && ISO_DATE.test(v);
const isPositiveInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;

function isStrings(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (typeof s !== 'string') return false;
  return true;
}

function isIds(v: unknown): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const id of v) if (!isId(id)) return false;
  return true;
}

function isEvery(v: unknown, check: (record: Data) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (const record of v) if (!isObject(record) || !check(record)) return false;
  return true;
}

const STATUSES = new Set(['active', 'achieved', 'dropped']);

/** A step toward an ambition, or appreciation given: what, the day, and the conversation if any. */
function isDatedRecord(r: Data): boolean {
  return (
    isId(r.id) &&
    typeof r.text === 'string' &&
    isDate(r.on) &&
    (r.conversationId === undefined || r.conversationId === null || typeof r.conversationId === 'string')
  );
}

function isAmbition(a: Data): boolean {
  return (
    isId(a.id) &&
    (a.steps === undefined || isEvery(a.steps, isDatedRecord)) &&
    typeof a.text === 'string' &&
    isDate(a.addedOn) &&
    (a.status === undefined || STATUSES.has(a.status as string)) &&
    (a.lastDiscussedOn === undefined || isDate(a.lastDiscussedOn)) &&
    (a.statusChangedOn === undefined || a.statusChangedOn === null || isDate(a.statusChangedOn))
  );
}

function isSkill(s: Data): boolean {
  return isId(s.id) && typeof s.text === 'string' && isDate(s.addedOn);
}

function isNote(n: Data): boolean {
  return isId(n.id) && typeof n.text === 'string' && isDate(n.addedOn);
}

function isAskNext(a: Data): boolean {
  return isNote(a) && (a.askedOn === undefined || a.askedOn === null || isDate(a.askedOn));
}

const isBirthday = (v: unknown) => typeof v === 'string' && /^(\d{4}-)?\d{2}-\d{2}$/.test(v);

function isPerson(p: Data): boolean {
  return (
    isId(p.id) &&
    isId(p.name) &&
    isStrings(p.aliases) &&
    typeof p.role === 'string' &&
    typeof p.team === 'string' &&
    typeof p.relationship === 'string' &&
    isStrings(p.tags) &&
    (p.cadenceDays === null || isPositiveInt(p.cadenceDays)) &&
    isEvery(p.ambitions, isAmbition) &&
    isEvery(p.skills, isSkill) &&
    (p.birthday === undefined || p.birthday === null || isBirthday(p.birthday)) &&
    (p.notes === undefined || isEvery(p.notes, isNote)) &&
    (p.askNext === undefined || isEvery(p.askNext, isAskNext)) &&
    (p.snoozedUntil === undefined || p.snoozedUntil === null || isDate(p.snoozedUntil)) &&
    isId(p.createdAt) &&
    (p.archivedAt === null || isId(p.archivedAt)) &&
    (p.emails === undefined || isStrings(p.emails)) &&
    (p.thanks === undefined || isEvery(p.thanks, isDatedRecord))
  );
}

function isConversation(c: Data): boolean {
  return (
    isId(c.id) &&
    isDate(c.date) &&
    isStrings(c.with) &&
    (c.with as string[]).length > 0 &&
    typeof c.kind === 'string' &&
    (c.minutes === null || (typeof c.minutes === 'number' && Number.isFinite(c.minutes) && c.minutes >= 0)) &&
    typeof c.note === 'string' &&
    isStrings(c.heard) &&
    isId(c.createdAt)
  );
}

function isFollowUp(f: Data): boolean {
  return (
    isId(f.id) &&
    isId(f.personId) &&
    (f.personIds === undefined || isIds(f.personIds)) &&
    (f.conversationId === null || typeof f.conversationId === 'string') &&
    typeof f.text === 'string' &&
    (f.owner === undefined || f.owner === 'me' || f.owner === 'them') &&
    (f.due === null || isDate(f.due)) &&
    (f.doneAt === null || isId(f.doneAt)) &&
    isId(f.createdAt)
  );
}

function isTombstone(t: Data): boolean {
  return (
    isId(t.collection) &&
    isId(t.idHash) &&
    isId(t.deletedAt) &&
    (t.mergedInto === undefined || isId(t.mergedInto))
  );
}

function isDismissal(d: Data): boolean {
  return (
    isId(d.id) &&
    (d.eventId === undefined || isId(d.eventId)) &&
    (d.seriesId === undefined || isId(d.seriesId)) &&
    (d.fromEventId === undefined || isId(d.fromEventId)) &&
    typeof d.title === 'string' &&
    isId(d.start) &&
    isId(d.createdAt)
  );
}

const RECORD_CHECKS: Record<string, (record: Data) => boolean> = {
  people: isPerson,
  conversations: isConversation,
  followUps: isFollowUp,
  dismissals: isDismissal,
};

/**
 * True when a record of a journal's list (people, conversations, followUps, dismissals) is
 * certainly one the journal's check takes; a list it does not know is left to isJournalShape.
 */
export function isRecordShape(collection: string, record: unknown): boolean {
  const check = RECORD_CHECKS[collection];
  return check === undefined || (isObject(record) && check(record));
}

/**
 * True when the data is certainly a journal this rel can read (or one of a newer schema, which
 * is read as far as it goes). False means "ask schema.ts", not necessarily "invalid".
 */
export function isJournalShape(data: unknown): boolean {
  if (!isObject(data)) return false;
  if (typeof data.schema === 'number' && data.schema > SCHEMA_VERSION) return true;
  return (
    isPositiveInt(data.schema) &&
    isEvery(data.people, isPerson) &&
    isEvery(data.conversations, isConversation) &&
    isEvery(data.followUps, isFollowUp) &&
    (data.tombstones === undefined || isEvery(data.tombstones, isTombstone)) &&
    (data.dismissals === undefined || isEvery(data.dismissals, isDismissal))
  );
}
