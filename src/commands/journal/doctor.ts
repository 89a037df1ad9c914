// rel doctor: checks the journal and what rel keeps beside it; --fix does the safe fixes,
// --restore brings back the newest valid backup. The one command that runs on a corrupt journal.
import type { Command } from 'commander';
import { type Context, keyring, openStore } from '../../context.js';
import { ReportedFailure, UsageError } from '../../errors.js';
import { printJson } from '../../ui/json.js';
import { renderCheckup, renderRestored } from '../../ui/render/doctor.js';
import { theme } from '../../ui/theme.js';
import { jsonOption, printResult } from '../shared/output.js';
import { readSealedState } from '../shared/sealing.js';

const isSealed = async (file: string) => (await readSealedState(file).catch(() => 'plain')) === 'encrypted';

interface DoctorOptions {
  fix?: boolean;
  restore?: boolean;
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
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel doctor
  $ rel doctor --fix
  $ rel doctor --restore         (after "is not valid JSON" or "is not a rel journal")
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
  const store = await openStore(ctx);
  const { examine, fixSafely } = await import('../../store/doctor.js');
  const t = theme(ctx.io, options.json);
  if (options.restore) {
    const restored = await store.restore();
    if (options.json) {
      printJson(ctx.io, {
        restored: true,
        backup: restored.backup,
        savedAs: restored.savedAs ?? null,
        people: restored.journal.people.length,
        conversations: restored.journal.conversations.length,
      });
    } else ctx.io.print(renderRestored(store.file, restored, t));
    return;
  }
  const done: string[] = [];
  if (options.fix) {
    done.push(...fixSafely(store.target));
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
    const before = await examine(store.file, store.target, ctx.io.env, await keyring(ctx));
    if (before.exists && before.healthy) {
      const from = await store.upgrade();
      if (from !== undefined)
        done.push(`upgraded the journal from schema ${from} (the old file is kept beside it)`);
    }
  }
  const checkup = await examine(store.file, store.target, ctx.io.env, await keyring(ctx));
  printResult(ctx.io, options.json, options.fix ? { ...checkup, fixed: done } : checkup, () =>
    renderCheckup(checkup, options.fix ? done : undefined, t),
  );
  if (!checkup.healthy) throw new ReportedFailure();
}
