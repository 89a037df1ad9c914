// What `rel export` writes: a chosen slice of the journal, as the store's own JSON, as tables for
// spreadsheets, or as one readable Markdown document. Pure: the command does the writing.
import { describeBirthday } from './birthdays.js';
import { type ConversationIndex, indexConversations, newestFirst } from './conversations.js';
import { listCell, neutralise, notesCell } from './csv-cells.js';
import { DEFAULT_CADENCE_DAYS, type IsoDate, localDay } from './dates.js';
import { type CheckIn, checkIn } from './due.js';
import { stepsOf, thanksOf } from './facts.js';
import { concerns } from './followups.js';
import type { Conversation, Journal, Person } from './journal.js';
import { describeCadence } from './periods.js';
import { conversationSize, type TogetherRules } from './together.js';

export interface ExportSelection {
  /** Only this person and what concerns them. */
  personId?: string | undefined;
  /** Only conversations on or after this day, and follow-ups made since. */
  since?: IsoDate | undefined;
  /** Drop listening notes and personal notes, for sharing. */
  redact?: boolean;
}

/**
 * The slice of the journal to export, as journal records. With a person, their conversations keep
 * only them in `with`, so that the file stands on its own and names no one else's records.
 */
export function selectJournal(journal: Journal, selection: ExportSelection): Journal {
  const { personId, since, redact = false } = selection;
  const people = journal.people
    .filter((p) => personId === undefined || p.id === personId)
    // What you mean to ask them next is a note of yours about them too.
    .map((p) => (redact ? { ...p, notes: [], askNext: [] } : p));
  const conversations = journal.conversations
    .filter((c) => personId === undefined || c.with.includes(personId))
    .filter((c) => since === undefined || c.date >= since)
    .map((c) => {
      const own = personId === undefined ? c : onlyTheirs(c, personId);
      if (!redact) return own;
      // Nothing heard, so no one it was heard from.
      const { heardFrom: _from, ...rest } = own;
      return { ...rest, heard: [] };
    });
  const followUps = journal.followUps
    .filter((f) => personId === undefined || concerns(f, personId))
    .filter((f) => since === undefined || localDay(f.createdAt) >= since);
  const whole = personId === undefined && since === undefined;
  // Tombstones (traces of deleted records, for sync) describe the whole journal, not a slice of it.
  return { ...journal, people, conversations, followUps, tombstones: whole ? journal.tombstones : [] };
}

/**
 * A conversation as one person's slice holds it, as rel forget leaves one for the others: only
 * them in `with`, the size it was (so that an all-hands imported again is not a 1:2:1 that
 * counts as time together), and of what was heard, what they or the group said, never what
 * someone else did.
 */
function onlyTheirs(c: Conversation, personId: string): Conversation {
  const kept = c.heard.flatMap((text, i) => {
    const from = c.heardFrom?.[i] ?? null;
    return from === null || from === personId ? [{ text, from }] : [];
  });
  // The fields in the order the journal keeps them.
  const own: Conversation = { ...c, with: [personId], heard: kept.map((k) => k.text) };
  if (kept.some((k) => k.from !== null)) own.heardFrom = kept.map((k) => k.from);
  else delete own.heardFrom;
  const size = conversationSize(c);
  if (size > 1) own.size = size;
  return own;
}

export type Table = { headers: string[]; rows: string[][] };

/**
 * The people table, with the headers `rel import` reads. Lists (aliases, tags, e-mail addresses)
 * are list cells, notes one per line (csv-cells.ts); `id` lets rel import keep each person's id.
 */
export const PEOPLE_HEADERS = [
  'name',
  'aliases',
  'role',
  'team',
  'relationship',
  'tags',
  'cadence',
  'birthday',
  'notes',
  'emails',
  'added',
  'archived',
  'id',
] as const;

/**
 * The people table as rel wrote it before `added` and `archived`: still rel's own, read back the
 * same way (people then start from the import, none archived).
 */
export const PEOPLE_HEADERS_BEFORE_ARCHIVED = PEOPLE_HEADERS.filter((h) => h !== 'added' && h !== 'archived');

/** Every cell as a spreadsheet will see it: no cell starts a formula. */
const safeRows = (rows: string[][]) => rows.map((row) => row.map(neutralise));

export function peopleTable(journal: Journal): Table {
  return {
    headers: [...PEOPLE_HEADERS],
    rows: safeRows(
      journal.people.map((p) => [
        p.name,
        listCell(p.aliases),
        p.role,
        p.team,
        p.relationship,
        listCell(p.tags),
        p.cadenceDays === null ? '' : `${p.cadenceDays}d`,
        p.birthday ?? '',
        notesCell((p.notes ?? []).map((n) => n.text)),
        listCell(p.emails ?? []),
        // When they were added (the start of their first cadence) and archived, as rel keeps them.
        p.createdAt,
        p.archivedAt ?? '',
        p.id,
      ]),
    ),
  };
}

export const CONVERSATION_HEADERS = [
  'id',
  'date',
  'with',
  'kind',
  'minutes',
  'note',
  'heard',
  'with_ids',
  'heard_from',
  'size',
  'counts',
  'event_id',
  'logged',
] as const;

/**
 * The conversations table as rel wrote it before `heard_from`, `size`, `counts`, `event_id` and
 * `logged`: still rel's own, read back the same way (those fields then absent, logged on import).
 */
export const CONVERSATION_HEADERS_BEFORE_SIZE = CONVERSATION_HEADERS.slice(0, 8);

/**
 * One row per conversation, oldest first; `with` holds names and `with_ids` their ids, as list
 * cells. `heard_from` lines up with `heard`: whom each note was heard from, empty for the group
 * (the cell empty when every note was the group's); `counts` is yes, no or empty (the rules
 * decide); `logged` is when it was logged, which orders the conversations of one day.
 */
export function conversationsTable(journal: Journal): Table {
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  return {
    headers: [...CONVERSATION_HEADERS],
    rows: safeRows(
      [...journal.conversations]
        .sort((a, b) => -newestFirst(a, b))
        .map((c) => {
          // A blank note is not read back, so whom it was heard from is not written either.
          const heard = c.heard.flatMap((text, i) =>
            text.trim() ? [{ text, from: c.heardFrom?.[i] ?? null }] : [],
          );
          return [
            c.id,
            c.date,
            listCell(c.with.map((id) => names.get(id) ?? id)),
            c.kind,
            c.minutes === null ? '' : String(c.minutes),
            c.note,
            listCell(heard.map((h) => h.text)),
            listCell(c.with),
            heard.some((h) => h.from !== null) ? listCell(heard.map((h) => h.from ?? '')) : '',
            c.size === undefined ? '' : String(c.size),
            c.counts === undefined ? '' : c.counts ? 'yes' : 'no',
            c.eventId ?? '',
            c.createdAt,
          ];
        }),
    ),
  };
}

/**
 * What the slice holds that neither CSV table carries, as "4 follow-ups", "2 ambitions": records
 * of their own (follow-ups), and what a person holds as lists of records or marks with dates.
 * `rel export --format csv` says it, so that no one takes the tables for the whole journal.
 */
export function notInCsv(journal: Journal): string[] {
  const count = (n: number, one: string, many = `${one}s`) => (n ? [`${n} ${n === 1 ? one : many}`] : []);
  const sum = (of: (p: Person) => number) => journal.people.reduce((n, p) => n + of(p), 0);
  return [
    ...count(journal.followUps.length, 'follow-up'),
    ...count(
      sum((p) => p.ambitions.length),
      'ambition',
    ),
    ...count(
      sum((p) => p.ambitions.reduce((n, a) => n + stepsOf(a).length, 0)),
      'step toward an ambition',
      'steps toward ambitions',
    ),
    ...count(
      sum((p) => p.skills.length),
      'skill',
    ),
    ...count(
      sum((p) => p.askNext.length),
      'question to ask',
      'questions to ask',
    ),
    ...count(
      sum((p) => thanksOf(p).length),
      'thanks given',
      'thanks given',
    ),
    ...count(
      sum((p) => (p.snoozedUntil ? 1 : 0)),
      'snooze',
    ),
    ...count(
      sum((p) => (p.leftOn ? 1 : 0)),
      'person marked as left',
      'people marked as left',
    ),
    ...count(
      (journal.dismissals ?? []).length,
      'meeting dismissed from rel inbox',
      'meetings dismissed from rel inbox',
    ),
  ];
}

/**
 * Text placed in Markdown as itself, so that no user text makes structure: CommonMark's inline
 * marks are escaped everywhere, and at the start of each line whatever would open a block (a
 * heading, quote, list item, thematic break, setext underline, fence, table or indented code).
 * Only escapes CommonMark defines are used: a backslash before ASCII punctuation, and a character
 * reference for a leading space (a backslash before a digit would show as itself: "1\." escapes a
 * list number, "\1." does not).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#&~]/g, (c) => `\\${c}`)
    .replace(
      /^([ \t]*)(?:([-+=])|(\d+)([.)]))/gm,
      (_, space: string, mark?: string, digits?: string, dot?: string) =>
        mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
    )
    .replace(/^[ \t]+/gm, (space) => space.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
}

export interface MarkdownOptions {
  today: IsoDate;
  /**
   * Every conversation in the journal, by person: "last seen" is a fact about the person, so it is
   * read from the whole journal, not from the slice that --since or --person exported.
   */
  history: ConversationIndex;
  /** The --since the slice was chosen by, said in the document's heading line. */
  since?: IsoDate | undefined;
  /** The cadence of people without one of their own (rel config's default-cadence). */
  defaultCadence?: number;
  /** What counts as time together (rel config's written-kinds and cadence-counts). */
  rules?: TogetherRules;
}

/** One readable document: a section per person, their conversations newest first. */
export function renderMarkdown(
  journal: Journal,
  { today, history, since, defaultCadence = DEFAULT_CADENCE_DAYS, rules }: MarkdownOptions,
): string {
  const index = indexConversations(journal.conversations);
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const md = markdownText;
  const out: string[] = ['# rel journal', ''];
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  out.push(
    `Exported ${today} · ${count(journal.people.length, 'person', 'people')} · ${count(journal.conversations.length, 'conversation', 'conversations')}${since ? ` since ${since}` : ''}`,
  );
  const people = [...journal.people].sort((a, b) => a.name.localeCompare(b.name));
  for (const person of people) {
    out.push('', `## ${md(person.name)}`, '');
    out.push(...personHeader(person, checkIn(person, history, today, defaultCadence, rules)));
    const list = (title: string, items: string[]) => {
      if (items.length) out.push('', `### ${title}`, '', ...items.map((i) => `- ${i}`));
    };
    list(
      'Ambitions and life goals',
      person.ambitions.map((a) => {
        const status = a.status && a.status !== 'active' ? ` (${a.status})` : '';
        // Its steps, oldest first, nested under it.
        const steps = stepsOf(a).map((s) => `\n  - Step: ${md(s.text).replace(/\n/g, '\n    ')} · ${s.on}`);
        return `${md(a.text)}${status} · since ${a.addedOn}${steps.join('')}`;
      }),
    );
    list(
      'Skills, talents and passions',
      person.skills.map((s) => md(s.text)),
    );
    list(
      'Personal notes',
      (person.notes ?? []).map((n) => `${md(n.text).replace(/\n/g, '\n  ')} · ${n.addedOn}`),
    );
    list(
      'Appreciation given',
      thanksOf(person).map((t) => `${md(t.text).replace(/\n/g, '\n  ')} · ${t.on}`),
    );
    const followUps = journal.followUps.filter((f) => concerns(f, person.id));
    if (followUps.length) {
      out.push('', '### Follow-ups', '');
      for (const f of followUps) {
        // Whose promise it is, as the profile says it: theirs is marked, yours is the rule.
        const whose = f.owner === 'them' ? ' · their promise' : '';
        out.push(`- [${f.doneAt ? 'x' : ' '}] ${md(f.text)}${whose}${f.due ? ` · due ${f.due}` : ''}`);
      }
    }
    const conversations = index.get(person.id) ?? [];
    if (conversations.length) out.push('', '### Conversations');
    for (const c of conversations) out.push('', ...conversationSection(c, person, names));
  }
  return `${out.join('\n')}\n`;
}

function personHeader(person: Person, state: CheckIn): string[] {
  const md = markdownText;
  const about = [person.role, person.team, person.relationship].filter(Boolean).map(md);
  if (person.tags.length) about.push(person.tags.map((t) => `#${md(t)}`).join(' '));
  if (person.aliases.length) about.push(`also ${person.aliases.map(md).join(', ')}`);
  const facts = [
    `catching up ${describeCadence(state.cadenceDays)}`,
    state.lastSeen ? `last seen ${state.lastSeen}` : 'not seen yet',
  ];
  if (person.birthday) facts.push(`birthday ${describeBirthday(person.birthday)}`);
  if (person.archivedAt) facts.push(`archived ${localDay(person.archivedAt)}`);
  const lines = about.length ? [`${about.join(' · ')}  `] : [];
  const sentence = facts.join(' · ');
  return [...lines, sentence.charAt(0).toUpperCase() + sentence.slice(1)];
}

function conversationSection(c: Conversation, person: Person, names: Map<string, string>): string[] {
  const others = c.with.filter((id) => id !== person.id).map((id) => markdownText(names.get(id) ?? id));
  const head = [
    c.date,
    markdownText(c.kind),
    c.minutes ? `${c.minutes} min` : '',
    others.length ? `with ${others.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const lines = [`#### ${head}`];
  if (c.note) lines.push('', markdownText(c.note));
  // Who said it: a note heard from someone else in the room is in their section, not this one;
  // a note heard from the group as a whole is in everyone's, marked so.
  const group = c.with.length > 1;
  const heard = c.heard.flatMap((h, i) => {
    const from = c.heardFrom?.[i] ?? null;
    if (from !== null && from !== person.id) return [];
    return [`- ${markdownText(h)}${group && from === null ? ' (heard in a group)' : ''}`];
  });
  if (heard.length) lines.push('', 'What you heard:', '', ...heard);
  return lines;
}
