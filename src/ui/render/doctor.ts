import { displaySafe, plural } from '../../core/text.js';
import type { Checkup } from '../../store/doctor.js';
import type { Restored, RestorePreview } from '../../store/store.js';
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
    : c.exists && c.schema === null
      ? 'rel undo cannot take back a change until the journal can be read'
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

/**
 * The changes rel's undo data records as made after the backup a restore brings back, newest
 * first: "rel's last change, \"logged a coffee with Ana Silva on 2026-11-20\"".
 */
export function lostChanges(summaries: string[]): string {
  const quoted = summaries.map((s) => `"${displaySafe(s)}"`);
  return summaries.length === 1
    ? `rel's last change, ${quoted[0]}`
    : `rel's last ${summaries.length} changes, ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** Where the changes a restore drops are still to be had: in the file it replaced, or nowhere. */
export function keptWhere(lost: RestorePreview['lost'], savedAs: string): string {
  const them = lost.summaries.length === 1 ? 'it' : 'them';
  if (lost.kept) return `the file it replaced, which still holds ${them}, is kept at ${displaySafe(savedAs)}`;
  if (lost.inEarlier)
    return `the file it replaced is kept at ${displaySafe(savedAs)}, and a copy an earlier restore kept, which still holds ${them}, at ${displaySafe(lost.inEarlier)}`;
  return `the file it replaced is kept at ${displaySafe(savedAs)}, but as far as rel can tell neither it nor any backup holds ${lost.summaries.length === 1 ? 'that change' : 'those changes'}: enter ${them} again to have ${them} back`;
}

export function renderRestored(file: string, r: Restored, lost: RestorePreview['lost'], t: Theme): string {
  const lines = [
    `${t.good('Restored')} ${displaySafe(file)} from ${displaySafe(r.backup)}: ${plural(r.journal.people.length, 'person', 'people')}, ${plural(r.journal.conversations.length, 'conversation')}.`,
  ];
  const dropped = lost.summaries.length > 0;
  if (dropped)
    lines.push(`${t.warn('Dropped:')} ${lostChanges(lost.summaries)}, which that backup does not hold.`);
  if (r.savedAs) lines.push(`The file it replaced is kept at ${displaySafe(r.savedAs)}.`);
  if (dropped) {
    const those = lost.summaries.length === 1 ? 'that change' : 'those changes';
    const them = lost.summaries.length === 1 ? 'it' : 'them';
    lines.push(
      r.savedAs && lost.kept
        ? `That file still holds ${those}: copy ${them} from there by hand to have ${them} back.`
        : lost.inEarlier
          ? `A copy an earlier restore kept, at ${displaySafe(lost.inEarlier)}, still holds ${those}: copy ${them} from there by hand to have ${them} back.`
          : `As far as rel can tell, no copy rel keeps holds ${those}: enter ${them} again to have ${them} back.`,
    );
  }
  if (r.earlierAs)
    lines.push(`What an earlier restore had kept there is now at ${displaySafe(r.earlierAs)}.`);
  return lines.join('\n');
}
