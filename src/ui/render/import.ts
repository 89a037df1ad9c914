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
  // With forgets or dismissed meetings taken (r.kept, the "Kept from" line below), the import was
  // not for nothing.
  lines.push(
    nothing
      ? r.kept
        ? `No new people, conversations or follow-ups in ${from}.`
        : `Nothing new to import from ${from}.`
      : `${verb} ${parts.join(', ')} from ${from}${r.added.length ? `: ${names(r.added)}` : ''}.`,
  );
  const forgotten = r.skipped.filter((p) => p.forgottenOn !== undefined);
  const byAddress = r.skipped.filter((p) => p.match === 'email');
  const addressHere = byAddress.filter((p) => p.existingLine === null);
  const addressInFile = byAddress.filter((p) => p.existingLine !== null);
  const idInFile = r.skipped.filter((p) => p.match === 'id' && p.existingLine != null);
  const inJournal = r.skipped.filter((p) => p.match !== 'email' && p.reason.startsWith('already'));
  const twice = r.skipped.filter(
    (p) =>
      p.forgottenOn === undefined &&
      !p.reason.startsWith('already') &&
      p.match !== 'email' &&
      !idInFile.includes(p),
  );
  const why = (list: typeof r.skipped) =>
    names(
      list.map((p) => ({
        name: `${p.name} (${p.line === null ? '' : `line ${p.line}: `}${p.reason})`,
        line: null,
      })),
    );
  if (inJournal.length) {
    lines.push(
      `Skipped ${plural(inJournal.length, 'person', 'people')} already in your journal: ${names(inJournal)}.`,
    );
  }
  if (twice.length) {
    lines.push(`Skipped ${plural(twice.length, 'person', 'people')} named twice in the file: ${why(twice)}.`);
  }
  if (idInFile.length) {
    lines.push(
      `Skipped ${plural(idInFile.length, 'person', 'people')} whose id an earlier one in the file has: ${why(idInFile)}.`,
    );
  }
  if (addressHere.length) {
    lines.push(
      `Skipped ${plural(addressHere.length, 'person', 'people')} whose e-mail address someone in your journal has: ${why(addressHere)}.`,
    );
  }
  if (addressInFile.length) {
    lines.push(
      `Skipped ${plural(addressInFile.length, 'person', 'people')} whose e-mail address an earlier one in the file has: ${why(addressInFile)}.`,
    );
  }
  if (byAddress.length) {
    const first = [...addressHere, ...addressInFile][0]!;
    lines.push(
      `One e-mail address names one person (as with rel add --email): if ${displaySafe(first.name)} is someone else, add them with an address of their own (rel add "${displaySafe(first.name)}").`,
    );
  }
  // A forget is for good: what it removed stays out, and saying so keeps the first line true.
  if (forgotten.length) {
    const shown = forgotten.map((p) => ({
      name: `${p.name} (${p.line === null ? '' : `line ${p.line}, `}forgotten on ${p.forgottenOn})`,
      line: null,
    }));
    lines.push(
      `Skipped ${plural(forgotten.length, 'person', 'people')} forgotten with rel forget, who stay out: ${names(shown)}.`,
    );
  }
  if (r.forgotten && r.forgotten.conversations + r.forgotten.followUps > 0) {
    lines.push(
      `Left out as forgotten: ${plural(r.forgotten.conversations, 'conversation')}, ${plural(r.forgotten.followUps, 'follow-up')}.`,
    );
  }
  if (forgotten.length) {
    lines.push(
      `To keep up with someone again, add them anew (rel add "${displaySafe(forgotten[0]!.name)}"): a new record, without what was forgotten.`,
    );
  }
  if (r.groups?.length) {
    lines.push(
      `Skipped ${plural(r.groups.length, 'contact group')} (KIND:group), a list of people rather than a person: ${names(r.groups)}.`,
    );
  }
  if (r.kept) {
    const parts = [
      ...(r.kept.forgotten
        ? [`${plural(r.kept.forgotten, 'record')} forgotten with rel forget, which stay out`]
        : []),
      ...(r.kept.dismissals ? [`${plural(r.kept.dismissals, 'meeting')} dismissed from rel inbox`] : []),
      ...(r.kept.deletions
        ? [`${plural(r.kept.deletions, 'trace')} of deleted or merged records (for rel sync)`]
        : []),
    ];
    lines.push(`${r.dryRun ? 'Would keep' : 'Kept'} from ${from}: ${parts.join('; ')}.`);
  }
  if (r.forgetsNotTaken?.length) {
    const first = r.forgetsNotTaken[0]!;
    lines.push(
      `${from} holds a forget (rel forget) of ${names(r.forgetsNotTaken.map((p) => ({ name: p.name, line: null })))}, who ${r.forgetsNotTaken.length === 1 ? 'is' : 'are'} in your journal: not taken, as an import removes no one. To forget them here too: rel forget ${first.id}.`,
    );
  }
  const conversations = r.conversations.skipped - (r.forgotten?.conversations ?? 0);
  const followUps = r.followUps.skipped - (r.forgotten?.followUps ?? 0);
  if (conversations + followUps) {
    lines.push(`Already there: ${plural(conversations, 'conversation')}, ${plural(followUps, 'follow-up')}.`);
  }
  return lines.join('\n');
}
