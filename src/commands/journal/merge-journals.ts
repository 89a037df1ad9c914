// rel merge-journals: rel's own merge of journals. Three-way, as a git merge driver (the result
// goes into <ours>); or two-way with --into, to fold a sync tool's conflict copy back in.
import fs from 'node:fs';
import type { Command } from 'commander';
import { type Context, keyring, openStore } from '../../context.js';
import { diffJournals, summarizeChanges } from '../../core/diff.js';
import { type Journal, SCHEMA_VERSION } from '../../core/journal.js';
import type { Json } from '../../core/json-records.js';
import type { LeftOut } from '../../core/merge-report.js';
import { displaySafe } from '../../core/text.js';
import { StoreError, UsageError } from '../../errors.js';
import type { JournalOnDisk } from '../../store/codec.js';
import { readSealedState } from '../shared/sealing.js';

interface MergeOptions {
  into?: string;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('merge-journals')
    .description('merge two versions of a journal that cannot conflict (a git merge driver)')
    .argument('<files...>', '<base> <ours> <theirs>, or with --into: the conflict copy')
    .option('--into <store>', 'fold a conflict copy (from Syncthing, Dropbox, ...) into this journal')
    .addHelpText(
      'after',
      `
Three files: a three-way merge; the result is written into <ours>, as git merge drivers do
(rel sync --init registers it for you). An empty or missing <base> means no common ancestor.
Encrypted files are decrypted and the result encrypted again (REL_PASSPHRASE, or a prompt).

Examples:
  $ rel merge-journals base.json mine.json theirs.json
  $ rel merge-journals --into journal.json "journal (conflicted copy).json"`,
    )
    .action(async (files: string[], options: MergeOptions) =>
      options.into ? fold(ctx, options.into, files) : mergeThree(ctx, files),
    );
}

async function load(ctx: Context, file: string, role: string): Promise<JournalOnDisk | null> {
  const { readJournalFile } = await import('../../store/codec.js');
  let found: JournalOnDisk | null;
  try {
    found = await readJournalFile(file, await keyring(ctx));
  } catch (error) {
    // The reader speaks of a journal in use ("restore a backup"); this file is only an input,
    // and restoring the journal would roll back a healthy one.
    if (!(error instanceof StoreError)) throw error;
    throw new StoreError(
      `${file} (${role}) cannot be merged: ${error.message} Nothing was changed.`,
      role === 'conflict copy'
        ? 'Your journal is untouched. Check that this is the copy your sync tool made; a damaged copy holds nothing to fold in.'
        : `None of the files was changed. Check that ${file} is the file git or your sync tool meant.`,
    );
  }
  if (found && found.journal.schema > SCHEMA_VERSION) {
    throw new StoreError(
      `${file} (${role}) was written by a newer rel (schema ${found.journal.schema}); this rel knows ${SCHEMA_VERSION}.`,
      'Upgrade rel on this machine.',
    );
  }
  return found;
}

async function mergeThree(ctx: Context, files: string[]): Promise<void> {
  if (files.length !== 3) {
    throw new UsageError(
      `merge-journals takes three files (<base> <ours> <theirs>), not ${files.length}.`,
      'To fold a conflict copy into your journal: rel merge-journals --into <journal> <copy>',
    );
  }
  const [baseFile, oursFile, theirsFile] = files as [string, string, string];
  const [{ mergeJournals }, { upgradeToSchema2 }, { writeJournalFile }] = await Promise.all([
    import('../../core/merge.js'),
    import('../../core/tombstones.js'),
    import('../../store/codec.js'),
  ]);
  const empty = (file: string) => !fs.existsSync(file) || fs.statSync(file).size === 0;
  const base = empty(baseFile) ? null : await load(ctx, baseFile, 'base');
  const ours = await required(ctx, oursFile, 'ours');
  const theirs = await required(ctx, theirsFile, 'theirs');
  const merged = mergeJournals(
    base ? upgradeToSchema2(base.journal) : null,
    upgradeToSchema2(ours.journal),
    upgradeToSchema2(theirs.journal),
  );
  // Never less private than either side: an encrypted side makes the result encrypted.
  writeJournalFile(oursFile, merged, ours.sealing ?? theirs.sealing);
}

async function required(ctx: Context, file: string, role: string): Promise<JournalOnDisk> {
  const found = await load(ctx, file, role);
  if (!found) throw new StoreError(`Cannot read ${file} (${role}): no such file.`);
  return found;
}

async function fold(ctx: Context, into: string, files: string[]): Promise<void> {
  if (files.length !== 1) {
    throw new UsageError(
      `--into takes one conflict copy to fold in, not ${files.length}.`,
      'Fold copies one at a time: rel merge-journals --into <journal> <copy>',
    );
  }
  const copyFile = files[0]!;
  const copy = await required(ctx, copyFile, 'conflict copy');
  const [{ foldJournals }, { upgradeToSchema2 }] = await Promise.all([
    import('../../core/merge.js'),
    import('../../core/tombstones.js'),
  ]);
  const store = await openStore(ctx, into);
  const storeState = await readSealedState(store.target);
  const theirs = upgradeToSchema2(copy.journal);
  let before: Journal | null = null;
  const after = await store.update(
    (journal) => {
      before = structuredClone(journal);
      const merged = foldJournals(journal, theirs);
      for (const key of Object.keys(journal)) delete (journal as unknown as Record<string, unknown>)[key];
      Object.assign(journal, merged);
      return journal;
    },
    {
      stamp: false,
      summary: (merged) =>
        `folded ${copyFile} into the journal (${summarizeChanges(diffJournals(before, merged))})`,
      ...(storeState !== 'encrypted' && copy.sealing ? { reseal: copy.sealing } : {}),
    },
  );
  const summary = summarizeChanges(diffJournals(before, after));
  ctx.io.print(`Folded ${copyFile} into ${store.file}: ${summary}.`);
  const { leftOutOfFold } = await import('../../core/merge-report.js');
  const left = leftOutOfFold(theirs, after);
  if (left.length === 0) {
    ctx.io.err(`Once you have checked the journal, you can delete ${copyFile}.`);
    return;
  }
  const shown = left.slice(0, MAX_LEFT_SHOWN).map((l) => describeLeftOut(l, after));
  if (left.length > MAX_LEFT_SHOWN) shown.push(`and ${left.length - MAX_LEFT_SHOWN} more`);
  ctx.io.print(`Not taken from the copy (the journal's record is later): ${shown.join('; ')}.`);
  ctx.io.err(
    `Keep ${copyFile}: it holds what is listed above, which the journal does not. Put in by hand what you want of it (rel edit, rel conversation edit), then delete the copy.`,
  );
}

const MAX_LEFT_SHOWN = 10;

/** 'Ana Silva: role "Copy Role" (the journal has "Staff Engineer")', 'the conversation 3cdae3170000 of 2026-11-20 with Ana Silva: note'. */
function describeLeftOut(left: LeftOut, journal: Journal): string {
  const r = left.record;
  const text = (v: Json | undefined) => {
    const chars = Array.from(String(v));
    return displaySafe(chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join(''));
  };
  let what: string;
  if (left.collection === 'people') what = text(r.name);
  else if (left.collection === 'conversations') {
    const names = Array.isArray(r.with)
      ? r.with.map((id) => journal.people.find((p) => p.id === id)?.name ?? String(id))
      : [];
    what = `the conversation ${text(r.id)} of ${text(r.date)}${names.length ? ` with ${names.map(text).join(', ')}` : ''}`;
  } else if (left.collection === 'followUps') what = `the follow-up "${text(r.text)}"`;
  else what = `${left.collection} ${text(r.id)}`;
  const plain = (v: Json | undefined) => typeof v === 'string' || typeof v === 'number';
  const fields = left.fields.map(({ name, value, journal: here }) =>
    plain(value)
      ? `${name} "${text(value)}" (the journal has ${plain(here) ? `"${text(here)}"` : 'none'})`
      : name,
  );
  return `${what}: ${fields.join(', ')}`;
}
