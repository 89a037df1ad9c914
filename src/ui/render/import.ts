// What rel import says it did (or, with --dry-run, would do).
import path from 'node:path';
import type { ImportOutcome } from '../../core/importing.js';
import { displaySafe, plural } from '../../core/text.js';

export type ImportRun = ImportOutcome & { file: string; format: string; dryRun: boolean };

function names(list: { name: string; line: number | null }[], limit = 10): string {
  const shown = list
    .slice(0, limit)
    .map((p) => `${displaySafe(p.name)}${p.line === null ? '' : ` (line ${p.line})`}`);
  if (list.length > limit) shown.push(`and ${list.length - limit} more`);
  return shown.join(', ');
}

export function renderImport(r: ImportRun): string {
  const verb = r.dryRun ? 'Would import' : 'Imported';
  const from = r.file === '-' ? 'stdin' : displaySafe(path.basename(r.file));
  const lines: string[] = [];
  const parts = [plural(r.added.length, 'person', 'people')];
  if (r.format === 'json' || r.conversations.added + r.conversations.skipped > 0) {
    parts.push(plural(r.conversations.added, 'conversation'), plural(r.followUps.added, 'follow-up'));
  }
  const nothing = r.added.length + r.conversations.added + r.followUps.added === 0;
  lines.push(
    nothing
      ? `Nothing new to import from ${from}.`
      : `${verb} ${parts.join(', ')} from ${from}${r.added.length ? `: ${names(r.added)}` : ''}.`,
  );
  const inJournal = r.skipped.filter((p) => p.reason.startsWith('already'));
  const twice = r.skipped.filter((p) => !p.reason.startsWith('already'));
  if (inJournal.length) {
    lines.push(
      `Skipped ${plural(inJournal.length, 'person', 'people')} already in your journal: ${names(inJournal)}.`,
    );
  }
  if (twice.length) {
    const shown = twice.map((p) => ({ name: `${p.name} (line ${p.line}: ${p.reason})`, line: null }));
    lines.push(
      `Skipped ${plural(twice.length, 'person', 'people')} named twice in the file: ${names(shown)}.`,
    );
  }
  const already = r.conversations.skipped + r.followUps.skipped;
  if (already) {
    lines.push(
      `Already there: ${plural(r.conversations.skipped, 'conversation')}, ${plural(r.followUps.skipped, 'follow-up')}.`,
    );
  }
  return lines.join('\n');
}
