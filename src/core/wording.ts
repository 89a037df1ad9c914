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
