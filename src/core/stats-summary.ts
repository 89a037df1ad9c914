// The journal cut down to what `rel stats` reads, so that it can be kept beside the journal (see
// store/stats-summary.ts) and parsed instead of the whole file: the texts, most of a journal's
// bytes, are what stats never reads. It is itself a Journal, and computeStats, defaultSince and
// the tag check run on it unchanged and give the same figures for any period, tag, rules of time
// together, week start or default cadence, because nothing they read was cut
// (test/core/stats-summary.test.ts). What is kept:
//   - every person, archived or not, with every field and every thanks, but the long lists stats
//     never reads (ambitions, skills, notes, questions, e-mails);
//   - every conversation, with its day, moment of logging, people, kind, minutes, size and mark
//     by hand, which say when, how long, with whom and whether it was time together; of its texts
//     only whether anything was heard (the listening figure): no note, and one mark for what was
//     heard, none when nothing but blanks was;
//   - no follow-ups, tombstones or dismissals.

import type { Conversation, Journal, Person } from './journal.js';
import { cutPerson } from './person-cut.js';

/** What stands for the listening notes of a conversation where something was heard. */
const HEARD = '…';

/** Conversations made into JSON at a time: never a copy of them all, nor one text of them all. */
const PIECE = 1000;

/** The journal cut down for stats, as JSON, in pieces to be written one after the other. */
export function* statsJournalJson(journal: Journal): Generator<string> {
  const people = JSON.stringify(journal.people.map(statsPerson));
  yield `{"schema":${JSON.stringify(journal.schema)},"people":${people},"conversations":[`;
  const { conversations } = journal;
  for (let at = 0; at < conversations.length; at += PIECE) {
    // "[a,b]": the records inside, after those of the piece before.
    const piece = JSON.stringify(conversations.slice(at, at + PIECE).map(statsConversation));
    yield `${at ? ',' : ''}${piece.slice(1, -1)}`;
  }
  yield '],"followUps":[],"tombstones":[]}';
}

/** Of a person's fields, besides the lists a cut leaves empty, the one stats leaves out. */
const LEFT_OUT = new Set(['emails']);

function statsPerson(person: Person): Person {
  return cutPerson(person, LEFT_OUT) as unknown as Person;
}

function statsConversation(c: Conversation): Conversation {
  return {
    id: c.id,
    date: c.date,
    with: c.with,
    kind: c.kind,
    minutes: c.minutes,
    note: '',
    heard: c.heard.some((h) => h.trim()) ? [HEARD] : [],
    ...(c.size !== undefined ? { size: c.size } : {}),
    ...(c.counts !== undefined ? { counts: c.counts } : {}),
    createdAt: c.createdAt,
  };
}
