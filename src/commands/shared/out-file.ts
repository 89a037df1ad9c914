// A file the user names with --out (rel export, rel agenda) is never the journal, nor a file rel
// keeps beside it: one typo there would replace the journal, with no backup of its last change.
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { ownFile } from '../../store/own-files.js';

/** Refuses (exit 2, before anything is written) an --out `file` that is the journal `target` or one of its own files. */
export function refuseOwnFile(target: string, file: string, out: string): void {
  const own = ownFile(target, file);
  if (own === undefined) return;
  throw new UsageError(
    own === 'journal'
      ? `--out ${out} is the journal itself (${target}): writing there would replace it. Nothing was written.`
      : `--out ${out} is a file rel keeps beside the journal (a backup, the undo data, the lock or a temp file): writing there would replace it. Nothing was written.`,
    `Give a file outside the journal's own, e.g. --out ${path.join(path.dirname(target), `rel-out${path.extname(file) || '.txt'}`)}.`,
  );
}
