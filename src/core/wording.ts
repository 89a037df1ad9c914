// What a change was, in the words `rel undo` says it back: "closed the follow-up 'Send the
// course link' (Ana Silva)". Pure: each command passes what it changed.

/** The longest text quoted whole; longer ones are cut at a word and end in "…". */
const QUOTED = 40;

/** 'Send the course link', or 'Two kids, Leo (7) and Mia (4); loves…' for a long one. */
export function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTED) return `'${flat}'`;
  const cut = flat.slice(0, QUOTED);
  const space = cut.lastIndexOf(' ');
  return `'${(space > QUOTED / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…'`;
}

/** "Ana Silva", "Ana Silva and Ben Okafor", "Ana Silva, Ben Okafor and Kim Lee". */
export function names(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** "added the note 'Two kids…' to Tom O'Brien" */
export function addedTo(noun: string, text: string, person: string): string {
  return `added the ${noun} ${quoted(text)} to ${person}`;
}

/** "closed the follow-up 'Send the course link' (Ana Silva)"; a group's follow-up names them all. */
export function followUpChange(verb: string, text: string, people: string[]): string {
  return `${verb} the follow-up ${quoted(text)} (${names(people)})`;
}

/** "marked the ambition 'Lead a team' achieved (Ana Silva)" */
export function ambitionChange(text: string, status: string, person: string): string {
  return `marked the ambition ${quoted(text)} ${status} (${person})`;
}

/** "marked asked 'How did the band gig go?' (Tom O'Brien)" */
export function markedAsked(text: string, person: string): string {
  return `marked asked ${quoted(text)} (${person})`;
}

/** "edited the 1:2:1 of 2026-11-20 with Ana Silva" */
export function conversationChange(verb: string, kind: string, date: string, people: string[]): string {
  return `${verb} the ${kind} of ${date} with ${names(people)}`;
}

/** "added the step 'Designed the Q1 newsletter' toward 'Work in design' (Tom O'Brien)" */
export function stepAdded(step: string, ambition: string, person: string): string {
  return `added the step ${quoted(step)} toward ${quoted(ambition)} (${person})`;
}

/** "recorded thanks for 'The launch checklist' (Tom O'Brien)"; several people are named together. */
export function thanksAdded(text: string, people: string[]): string {
  return `recorded thanks for ${quoted(text)} (${names(people)})`;
}
