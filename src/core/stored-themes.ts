// The themes a pulse of everyone keeps beside the journal (each theme with its mentions), what a
// profile reads of them (the themes a person shares with others), and their pruning when people
// or conversations leave the journal.
import type { IsoDate } from './dates.js';
import type { Journal } from './journal.js';

/** One mention of a theme: the person it came from (null: a group) and where. */
export interface Mention {
  personId: string | null;
  conversationId: string;
  date: IsoDate;
}

/** A theme with every mention of it in the window: what the stored result of a pulse keeps. */
export interface ThemeMentions {
  theme: string;
  mentions: Mention[];
}

/** Voices that raised a theme: each person once, each group conversation once. */
export function voices(mentions: Mention[]): number {
  return new Set(mentions.map((m) => m.personId ?? `group:${m.conversationId}`)).size;
}

/** A theme a person raised that others raised too: for the line in their profile. */
export interface SharedTheme {
  theme: string;
  /** Other people who raised it. */
  others: number;
  /** Group conversations it came up in. */
  groups: number;
}

/** The line in a profile: the themes they share, from the last pulse or from hashtags alone. */
export interface SharedThemes {
  from: 'pulse' | 'hashtags';
  since: IsoDate;
  until: IsoDate;
  themes: SharedTheme[];
}

/** The themes this person raised that other people (or groups) raised too, most shared first. */
export function sharedThemesOf(personId: string, themes: ThemeMentions[], known: Set<string>): SharedTheme[] {
  const shared: SharedTheme[] = [];
  for (const t of themes) {
    const mentions = t.mentions.filter((m) => m.personId === null || known.has(m.personId));
    if (!mentions.some((m) => m.personId === personId)) continue;
    const others = new Set(
      mentions.flatMap((m) => (m.personId && m.personId !== personId ? [m.personId] : [])),
    ).size;
    const groups = new Set(mentions.filter((m) => m.personId === null).map((m) => m.conversationId)).size;
    if (others + groups > 0) shared.push({ theme: t.theme, others, groups });
  }
  return shared.sort((a, b) => b.others + b.groups - (a.others + a.groups) || a.theme.localeCompare(b.theme));
}

/**
 * The stored themes without the people the journal no longer has (a forgotten person) nor the
 * conversations it no longer has; a theme left with fewer than two voices goes.
 */
export function pruneThemes(themes: ThemeMentions[], journal: Journal): ThemeMentions[] {
  const people = new Set(journal.people.map((p) => p.id));
  const conversations = new Set(journal.conversations.map((c) => c.id));
  return themes
    .map((t) => ({
      theme: t.theme,
      mentions: t.mentions.filter(
        (m) => conversations.has(m.conversationId) && (m.personId === null || people.has(m.personId)),
      ),
    }))
    .filter((t) => voices(t.mentions) >= 2);
}
