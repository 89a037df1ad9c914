// rel doctor: checks the journal and what rel keeps beside it; --fix does the safe fixes,
// --restore brings back the newest valid backup. The one command that runs on a corrupt journal.
import type { Command } from 'commander';
import { type Context, keyring, mayPrompt, openStore, today } from '../../context.js';
import { plural } from '../../core/text.js';
import { ReportedFailure, UsageError } from '../../errors.js';
import { beforeRestorePath } from '../../store/paths.js';
import type { RestorePreview, Store } from '../../store/store.js';
import { printJson } from '../../ui/json.js';
import { keptWhere, lostChanges, renderCheckup, renderRestored } from '../../ui/render/doctor.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from '../shared/output.js';
import { readSealedState } from '../shared/sealing.js';

const isSealed = async (file: string) => (await readSealedState(file).catch(() => 'plain')) === 'encrypted';

interface DoctorOptions {
  fix?: boolean;
  restore?: boolean;
  yes?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('doctor')
    .description('check your journal, its backups and its lock; say what is wrong and how to fix it')
    .option(
      '--fix',
      'make files private, remove abandoned locks and unfinished writes, upgrade an old format',
    )
    .option('--restore', 'replace the journal with its newest valid backup (the replaced file is kept)')
    .option(
      '--yes',
      'with --restore: do not ask before dropping changes (asked in a terminal; without one, needed when the journal is healthy)',
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel doctor
  $ rel doctor --fix
  $ rel doctor --restore        (after "is not valid JSON", "not a rel journal")
  $ rel doctor --restore --yes  (the last healthy backup; drops what came since)
  $ rel doctor --json | jq '.findings[] | .message'

Exit codes: 0 when the journal is sound (warnings allowed), 1 when something is wrong with it.`,
    )
    .action(async (options: DoctorOptions) => run(ctx, options));
}

async function run(ctx: Context, options: DoctorOptions): Promise<void> {
  if (options.fix && options.restore) {
    throw new UsageError(
      '--fix and --restore do different things; give one of them.',
      'Run rel doctor first to see which one is needed.',
    );
  }
  if (options.yes && !options.restore) {
    throw new UsageError('--yes goes with --restore.', 'rel doctor --restore --yes');
  }
  const store = await openStore(ctx);
  const { examine, fixSafely } = await import('../../store/doctor.js');
  const t = theme(ctx.io, options.json);
  if (options.restore) {
    // Said before the question of what a restore drops, which a read-only journal would not need.
    store.refuseReadOnly();
    const preview = await store.previewRestore();
    if (!(await confirmed(ctx, store, preview, options.yes))) {
      ctx.io.err('Nothing was restored.');
      return;
    }
    const restored = await store.restore(preview.healthy?.version);
    if (options.json) {
      printJson(ctx.io, {
        restored: true,
        backup: restored.backup,
        savedAs: restored.savedAs ?? null,
        earlierSavedAs: restored.earlierAs ?? null,
        dropped: preview.healthy?.dropped ?? null,
        lost: preview.lost.summaries,
        lostKept: preview.lost.kept,
        lostInEarlierCopy: preview.lost.inEarlier ?? null,
        people: restored.journal.people.length,
        conversations: restored.journal.conversations.length,
      });
    } else ctx.io.print(renderRestored(store.file, restored, preview.lost, t));
    return;
  }
  const done: string[] = [];
  if (options.fix) {
    done.push(...fixSafely(store.target, ctx.io.env));
    const { hasPendingForget } = await import('../../store/pending-forget.js');
    if (hasPendingForget(store.target)) {
      await store.settlePending();
      done.push('finished a rel forget that had not finished');
    }
    if (await isSealed(store.target)) {
      const sealing = await store.finishSealing().catch(() => undefined);
      for (const f of sealing?.resealed ?? []) done.push(`encrypted ${f} with the journal's key`);
      for (const f of sealing?.removed ?? [])
        done.push(`removed ${f}, which the journal's passphrase cannot read`);
    }
    const before = await examine(store.file, store.target, ctx.io.env, await keyring(ctx), today(ctx));
    if (before.exists && before.healthy) {
      const from = await store.upgrade();
      if (from !== undefined)
        done.push(`upgraded the journal from schema ${from} (the old file is kept beside it)`);
    }
  }
  const checkup = await examine(store.file, store.target, ctx.io.env, await keyring(ctx), today(ctx));
  printResult(ctx.io, options.json, options.fix ? { ...checkup, fixed: done } : checkup, () =>
    renderCheckup(checkup, options.fix ? done : undefined, t),
  );
  if (!checkup.healthy) throw new ReportedFailure();
}

/**
 * A restore of a journal that is healthy drops every change made since the backup: it goes ahead
 * only when confirmed (asked in a terminal, --yes without one). A damaged journal is restored at
 * once (that is what the restore is for, and the damaged file is kept), but in a terminal, when
 * the backup lacks changes rel made (which mending the file by hand would keep), it asks first.
 */
async function confirmed(
  ctx: Context,
  store: Store,
  preview: RestorePreview,
  yes: boolean | undefined,
): Promise<boolean> {
  const { healthy, lost } = preview;
  const when = preview.savedAt.toISOString().slice(0, 16).replace('T', ' ');
  const keptAs = beforeRestorePath(store.target);
  // The copy a restore before kept is renamed, not replaced: said before it happens.
  const earlier = preview.earlierAs
    ? ` The copy an earlier restore kept there is renamed ${preview.earlierAs}.`
    : '';
  if (!healthy) {
    if (yes || !lost.summaries.length || !mayPrompt(ctx)) return true;
    const { askYesNo } = await ctx.prompts();
    return askYesNo(
      `The journal cannot be read. Restoring ${preview.backup} (saved ${when} UTC) drops ${lostChanges(lost.summaries)}; ${keptWhere(lost, keptAs)}${lost.kept ? ' (mending the journal by hand instead keeps everything)' : ''}.${lost.inEarlier && lost.inEarlier === preview.earlierAs ? '' : earlier} Restore it?`,
      false,
    );
  }
  if (yes) return true;
  const drops = healthy.dropped
    ? `drops ${plural(healthy.dropped, 'change')} made since (${healthy.what})`
    : 'changes no record (it holds what the journal holds)';
  const named = lost.summaries.length ? ` Among them: ${lostChanges(lost.summaries)}.` : '';
  const what = `The journal is healthy: restoring ${preview.backup} (saved ${when} UTC) ${drops}; the journal as it is now is kept as ${keptAs}.${named}${earlier}`;
  if (!mayPrompt(ctx)) {
    throw new UsageError(
      `${what} Confirm with --yes.`,
      // rel undo only where it would take the last change back (not after a restore, say).
      `rel doctor --restore --yes${preview.undoable ? '  (or rel undo, to take back only the last change)' : ''}`,
    );
  }
  const { askYesNo } = await ctx.prompts();
  return askYesNo(`${what} Restore it?`, false);
}
