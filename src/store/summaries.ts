// "added Ana Silva; 1 conversation added": what a change did, in words, for undo and messages.
import type { Journal } from '../core/journal.js';
import type { Change } from './changes.js';

type Named = { id?: unknown; name?: unknown; date?: unknown; text?: unknown };

function recordLabel(change: Change, journal: Journal): string {
  const fields = journal as unknown as Record<string, Named[] | undefined>;
  const record = (change.before as Named | undefined) ?? fields[change.key]?.find((r) => r?.id === change.id);
  if (change.key === 'people' && typeof record?.name === 'string') return record.name;
  if (change.key === 'conversations') return `the conversation of ${String(record?.date ?? change.id)}`;
  if (change.key === 'followUps' && typeof record?.text === 'string') return `the follow-up "${record.text}"`;
  return change.id === undefined ? `the field "${change.key}"` : `${change.key} ${change.id}`;
}

export function describeRecords(changes: Change[], journal: Journal): string {
  const labels = [...new Set(changes.map((c) => recordLabel(c, journal)))];
  return labels.length > 3
    ? `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`
    : labels.join(', ');
}

const NOUNS: Record<string, [string, string]> = {
  people: ['person', 'people'],
  conversations: ['conversation', 'conversations'],
  followUps: ['follow-up', 'follow-ups'],
};

/** "added Ana Silva; 1 conversation added": a default summary of a change. */
export function describeChanges(changes: Change[], journal: Journal): string {
  const parts: string[] = [];
  for (const [verb, test] of [
    ['added', (c: Change) => !('before' in c)],
    ['changed', (c: Change) => 'before' in c && c.after !== null],
    ['removed', (c: Change) => c.after === null],
  ] as const) {
    const chosen = changes.filter(test);
    const people = chosen.filter((c) => c.key === 'people');
    if (people.length) parts.push(`${verb} ${describeRecords(people, journal)}`);
    const byKey = new Map<string, number>();
    for (const c of chosen) if (c.key !== 'people') byKey.set(c.key, (byKey.get(c.key) ?? 0) + 1);
    for (const [key, count] of byKey) {
      const [one, many] = NOUNS[key] ?? [key, key];
      parts.push(`${count} ${count === 1 ? one : many} ${verb}`);
    }
  }
  return parts.join('; ');
}
