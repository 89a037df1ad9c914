// People's e-mail addresses: how one typed is checked, and how addresses are compared. They are
// what calendar attendees and imported contacts are matched by, so one address names one person.
import { UsageError } from '../errors.js';
import type { Journal, Person } from './journal.js';

/** Lower case: the domain is case-blind, and no mail system in use treats the local part otherwise. */
export function emailKey(address: string): string {
  return address
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
}

/**
 * An address as typed ("Ana@Example.com", "mailto:ana@example.com") made plain, or a usage error.
 * Only the shape is checked (something@domain.tld): whether it receives mail is not rel's to know.
 */
export function parseEmail(text: string, option = '--email'): string {
  const address = text.trim().replace(/^mailto:/i, '');
  if (!/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/.test(address)) {
    throw new UsageError(
      `${option} "${text}" is not an e-mail address.`,
      'Give one address per flag, e.g. --email ana@example.com.',
    );
  }
  return address;
}

export function emailsOf(person: Person): string[] {
  return person.emails ?? [];
}

/** The person (other than `except`) who has this address, if anyone. */
export function emailOwner(journal: Journal, address: string, except?: string): Person | undefined {
  const key = emailKey(address);
  return journal.people.find((p) => p.id !== except && emailsOf(p).some((e) => emailKey(e) === key));
}

/**
 * A person's addresses after adding and removing some: duplicates (by emailKey) kept once, in the
 * order first given. An address that already belongs to someone else, or that they do not have
 * to remove, is a usage error.
 */
export function editEmails(
  journal: Journal,
  person: { id: string; name: string; emails?: string[] | undefined },
  add: string[],
  remove: string[] = [],
): string[] {
  const current = person.emails ?? [];
  const removed = new Set(remove.map(emailKey));
  for (const key of removed) {
    if (!current.some((e) => emailKey(e) === key)) {
      throw new UsageError(
        `${person.name} has no e-mail address ${key}.`,
        current.length ? `Their addresses: ${current.join(', ')}.` : 'They have no e-mail addresses.',
      );
    }
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const address of [...current, ...add]) {
    const key = emailKey(address);
    if (removed.has(key) || seen.has(key)) continue;
    const owner = emailOwner(journal, address, person.id);
    if (owner) {
      throw new UsageError(
        `${address} is already ${owner.name}'s address (id ${owner.id}).`,
        'One address names one person, so that calendar invitations find the right one.',
      );
    }
    seen.add(key);
    out.push(address);
  }
  return out;
}
