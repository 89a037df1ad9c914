import { displaySafe, plural } from '../../core/text.js';
import type { Checkup } from '../../store/doctor.js';
import type { Restored } from '../../store/store.js';
import type { Theme } from '../theme.js';

export function renderCheckup(c: Checkup, fixed: string[] | undefined, t: Theme): string {
  const lines: string[] = [];
  if (fixed) {
    lines.push(fixed.length ? t.good('Fixed:') : 'Nothing needed fixing without a decision from you.');
    for (const f of fixed) lines.push(`  • ${displaySafe(f)}`);
    lines.push('');
  }
  lines.push(t.heading(displaySafe(c.store)));
  if (!c.exists) {
    lines.push('No journal here yet: the first rel add or rel log creates it.');
  } else if (c.schema !== null) {
    lines.push(
      `${plural(c.people, 'person', 'people')}, ${plural(c.conversations, 'conversation')}, ${plural(c.followUps, 'follow-up')} (schema ${c.schema}).`,
    );
  }
  // Without the passphrase the encrypted backups were not read: how many are good is not known.
  const locked = c.findings.some((f) => f.check === 'passphrase');
  const valid = locked
    ? 'not read without the passphrase'
    : `${c.backups.filter((b) => b.valid).length} valid`;
  // Nor the undo data: how many changes it holds is not known either.
  const undo = locked
    ? 'the undo data was not read either'
    : `${plural(c.undoable, 'change')} can be undone with rel undo`;
  lines.push(
    `${plural(c.backups.length, 'backup')} kept${c.backups.length ? ` (${valid}, newest ${c.backups[0]!.savedAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}; ${undo}.`,
  );
  lines.push('');
  if (c.findings.length === 0) {
    lines.push(t.good('All is well.'));
    return lines.join('\n');
  }
  for (const f of c.findings) {
    const label = f.severity === 'error' ? t.warn('Problem:') : t.dim('Warning:');
    lines.push(`${label} ${displaySafe(f.message)}`);
    lines.push(`  Fix: ${displaySafe(f.fix)}`);
  }
  return lines.join('\n');
}

export function renderRestored(file: string, r: Restored, t: Theme): string {
  const lines = [
    `${t.good('Restored')} ${displaySafe(file)} from ${displaySafe(r.backup)}: ${plural(r.journal.people.length, 'person', 'people')}, ${plural(r.journal.conversations.length, 'conversation')}.`,
  ];
  if (r.savedAs) lines.push(`The file it replaced is kept at ${displaySafe(r.savedAs)}.`);
  if (r.earlierAs)
    lines.push(`What an earlier restore had kept there is now at ${displaySafe(r.earlierAs)}.`);
  return lines.join('\n');
}
