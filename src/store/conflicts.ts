// git's conflict markers in the journal (a merge by hand without rel's merge driver) and the way
// out that loses nothing, for every command that finds them: not a backup put back (that drops
// what was committed since), but the merge finished by rel sync or ended by git.
import fs from 'node:fs';
import path from 'node:path';

export function hasConflictMarkers(text: string): boolean {
  return /^<<<<<<< /m.test(text) && /^>>>>>>> /m.test(text);
}

/** What to do about the journal `target` holding conflict markers; undefined when the folder is no git repository. */
export function conflictAdvice(target: string): string | undefined {
  const folder = path.dirname(target);
  const dir = path.join(folder, '.git');
  if (!fs.existsSync(dir)) return undefined;
  const where = JSON.stringify(folder);
  const has = (name: string) => fs.existsSync(path.join(dir, name));
  const lead = `It holds git's conflict markers: a git command run by hand in ${folder} was left half done.`;
  if (has('rebase-merge') || has('rebase-apply'))
    return `${lead} End the rebase, then sync (rel merges both sides): git -C ${where} rebase --abort && rel sync`;
  for (const [head, verb] of [
    ['CHERRY_PICK_HEAD', 'cherry-pick'],
    ['REVERT_HEAD', 'revert'],
  ] as const) {
    if (has(head)) return `${lead} End the ${verb}, then sync: git -C ${where} ${verb} --abort && rel sync`;
  }
  if (has('MERGE_HEAD'))
    return `${lead} rel sync finishes that merge with rel's own, keeping both sides (or end it: git -C ${where} merge --abort && rel sync).`;
  return `${lead} Go back to the version last synced, then sync (rel merges again): git -C ${where} checkout HEAD -- ${JSON.stringify(path.basename(target))} && rel sync`;
}
