// Helping people grow: steps toward their ambitions, appreciation given, and the talents a piece
// of work needs. Pure rules over the journal; the words are the renderers'. rel never labels a
// person: each rule says what you could do next (a step, a thanks), never what they are.
import { daysBetween, type IsoDate } from './dates.js';
import { latest, stepsOf, thanksOf } from './facts.js';
import type { Ambition, AmbitionStep, Journal, Person, Thanks } from './journal.js';
import { findTerms, searchTerms } from './search.js';

export interface GrowthRules {
  /** An active ambition with no step for this many days is a talking point (setting ambition-step-period). */
  ambitionStepDays: number;
  /** Time together in this many days with no thanks in them is a talking point (appreciation-period). */
  appreciationDays: number;
}

export const DEFAULT_GROWTH_RULES: GrowthRules = { ambitionStepDays: 90, appreciationDays: 42 };

/** An active ambition nothing has been done toward for the period: since its last step, or since it was added. */
export interface QuietAmbition {
  ambition: Ambition;
  lastStep: AmbitionStep | null;
  /** The last step's day, or the day it was added when there is none. */
  since: IsoDate;
  days: number;
}

export function quietSteps(ambition: Ambition, today: IsoDate, rules: GrowthRules): QuietAmbition | null {
  if (ambition.status !== 'active') return null;
  const lastStep = latest(stepsOf(ambition));
  const since = lastStep?.on ?? ambition.addedOn;
  const days = daysBetween(since, today);
  return days >= rules.ambitionStepDays ? { ambition, lastStep, since, days } : null;
}

/** Time together in the period with no appreciation given in it. */
export interface AppreciationDue {
  lastAppreciated: Thanks | null;
  /** The last time together within the period. */
  lastTogether: IsoDate;
}

/**
 * `togetherDays`: the days of their conversations that were time together (any order). A day
 * counts as within the period when it is fewer than `appreciationDays` days before today.
 */
export function appreciationDue(
  person: Person,
  togetherDays: IsoDate[],
  today: IsoDate,
  rules: GrowthRules,
): AppreciationDue | null {
  const within = (day: IsoDate) => {
    const age = daysBetween(day, today);
    return age >= 0 && age < rules.appreciationDays;
  };
  const recent = togetherDays.filter(within).sort();
  if (recent.length === 0) return null;
  const thanks = thanksOf(person);
  if (thanks.some((t) => within(t.on))) return null;
  return { lastAppreciated: latest(thanks.filter((t) => t.on <= today)), lastTogether: recent.at(-1)! };
}

export type WhoField = 'skill' | 'ambition' | 'personalNote';

export interface WhoMatch {
  field: WhoField;
  text: string;
  /** Where the typed words were found in `text`, for highlighting: [start, end) in UTF-16 units. */
  spans: [number, number][];
}

export interface WhoHit {
  id: string;
  name: string;
  matches: WhoMatch[];
}

/**
 * The people whose skills (skills, talents and passions), ambitions (not the dropped ones: those
 * no longer say what they want) and personal notes hold every typed word between them, folded as
 * `rel search` folds (case, accents). Each person comes with the texts that hold any of the words;
 * archived people only with `all`. Sorted by how many of the words one text holds, then by how
 * many texts matched, then by name.
 */
export function who(journal: Journal, query: string, all = false): WhoHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const hits: { hit: WhoHit; best: number }[] = [];
  for (const person of journal.people) {
    if (person.archivedAt && !all) continue;
    const texts: [WhoField, string][] = [
      ...person.skills.map((s): [WhoField, string] => ['skill', s.text]),
      ...person.ambitions
        .filter((a) => a.status !== 'dropped')
        .map((a): [WhoField, string] => ['ambition', a.text]),
      ...person.notes.map((n): [WhoField, string] => ['personalNote', n.text]),
    ];
    const found = new Set<string>();
    const matches: WhoMatch[] = [];
    let best = 0;
    for (const [field, text] of texts) {
      const held = terms.filter((term) => findTerms(text, [term]));
      if (held.length === 0) continue;
      for (const term of held) found.add(term);
      best = Math.max(best, held.length);
      matches.push({ field, text, spans: findTerms(text, held)! });
    }
    if (terms.every((term) => found.has(term))) {
      hits.push({ hit: { id: person.id, name: person.name, matches }, best });
    }
  }
  return hits
    .sort(
      (a, b) =>
        b.best - a.best ||
        b.hit.matches.length - a.hit.matches.length ||
        a.hit.name.localeCompare(b.hit.name),
    )
    .map((h) => h.hit);
}
