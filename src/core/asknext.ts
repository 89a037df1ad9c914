// "Ask next time" notes across the people of a conversation: what is open, and which notes a
// user means by what they typed after --asked.
import { namedOwner } from './attribution.js';
import type { IsoDate } from './dates.js';
import { openAskNext } from './facts.js';
import type { Person } from './journal.js';

/** An open note with whose it is, as `rel ask` and `rel log --asked` pick among them. */
export interface Question {
  id: string;
  text: string;
  addedOn: IsoDate;
  askedOn: IsoDate | null;
  personId: string;
  person: string;
}

export function questionsOf(person: Person, all = false): Question[] {
  return (all ? person.askNext : openAskNext(person)).map((a) => ({
    id: a.id,
    text: a.text,
    addedOn: a.addedOn,
    askedOn: a.askedOn ?? null,
    personId: person.id,
    person: person.name,
  }));
}

/** What one `--asked` entry is about: the open notes it chooses among, and the words that pick. */
export interface AskedEntry {
  candidates: Question[];
  /** Words or an id that pick one of the candidates; empty for `all`. */
  typed: string;
  /** `all`: every candidate. */
  all: boolean;
}

/**
 * "Tom: band gig" picks among Tom's open notes when Tom is one of several people there; without
 * a prefix the words pick among everyone's. `all` (or "Tom: all") takes every one.
 */
export function askedEntry(entry: string, people: Person[]): AskedEntry {
  const named = people.length > 1 ? namedOwner(entry, people) : undefined;
  const whose = named ? people.filter((p) => p.id === named.personId) : people;
  const typed = (named?.text ?? entry).trim();
  const all = typed.toLowerCase() === 'all';
  return { candidates: whose.flatMap((p) => questionsOf(p)), typed: all ? '' : typed, all };
}

/** The open notes of each person who has some: "Still to ask Tom: …". */
export function stillToAsk(people: Person[]): { person: Person; texts: string[] }[] {
  return people.flatMap((person) => {
    const texts = openAskNext(person).map((a) => a.text);
    return texts.length ? [{ person, texts }] : [];
  });
}
