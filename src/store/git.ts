// The journal's folder as a git repository: running git, and the setup rel sync relies on
// (only the journal and .gitattributes tracked, rel's own merge driver registered).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shellQuoted } from '../core/text.js';
import { StoreError } from '../errors.js';
import { hasConflictMarkers } from './conflicts.js';
import { checkpoint } from './faults.js';

/** A git step that failed (or could not run): sync says what that left, and what to do. */
export class GitFailure extends StoreError {}

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class Git {
  constructor(
    readonly folder: string,
    /** The environment git (and the merge driver it starts) runs with. */
    readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Runs git in the folder; with `check`, a failure is a StoreError carrying git's words. */
  run(args: string[], options: { check?: boolean; input?: Buffer } = {}): GitResult {
    try {
      checkpoint(`git:${args[0]}`, this.folder);
    } catch (error) {
      throw new GitFailure(`git ${args[0]} failed in ${this.folder}: ${(error as Error).message}`);
    }
    const r = spawnSync('git', args, {
      cwd: this.folder,
      env: this.env,
      input: options.input,
      encoding: 'buffer',
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (r.error) {
      const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new StoreError(
        missing ? 'rel sync needs git, and git is not installed.' : `git failed: ${r.error.message}`,
        missing ? 'Install git, then try again.' : undefined,
      );
    }
    const result = {
      code: r.status ?? 1,
      stdout: r.stdout.toString('utf8'),
      stderr: r.stderr.toString('utf8'),
    };
    if (options.check !== false && result.code !== 0) {
      throw new GitFailure(
        `git ${args[0]} failed in ${this.folder}: ${result.stderr.trim() || result.stdout.trim()}`,
      );
    }
    return result;
  }

  /** The bytes of a file at a commit, or null when it is not there. */
  show(commit: string, file: string): Buffer | null {
    try {
      checkpoint('git:show', this.folder);
    } catch (error) {
      throw new GitFailure(`git show failed in ${this.folder}: ${(error as Error).message}`);
    }
    const r = spawnSync('git', ['show', `${commit}:./${file}`], {
      cwd: this.folder,
      env: this.env,
      encoding: 'buffer',
      maxBuffer: 1024 * 1024 * 1024,
    });
    return r.status === 0 ? r.stdout : null;
  }

  isRepository(): boolean {
    return fs.existsSync(path.join(this.folder, '.git'));
  }

  /** Whether git reads the folder's .git as a repository (a half-made one it does not). */
  isUsable(): boolean {
    return this.isRepository() && this.run(['rev-parse', '--git-dir'], { check: false }).code === 0;
  }

  hasCommit(ref: string): boolean {
    return this.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { check: false }).code === 0;
  }

  revParse(ref: string): string {
    return this.run(['rev-parse', '--verify', ref]).stdout.trim();
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.run(['merge-base', '--is-ancestor', ancestor, of], { check: false }).code === 0;
  }

  /** The best common ancestor of two commits; null when their histories are unrelated. */
  mergeBase(a: string, b: string): string | null {
    const r = this.run(['merge-base', a, b], { check: false });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  branch(): string {
    const r = this.run(['symbolic-ref', '--short', 'HEAD'], { check: false });
    return r.code === 0 ? r.stdout.trim() : 'main';
  }
}

/** How git should start rel for a merge of journals: `rel` (the command that starts rel) and its arguments. */
function driverCommand(rel: readonly string[]): string {
  return `${rel.map(shellQuoted).join(' ')} merge-journals %O %A %B`;
}

function attributePattern(name: string): string {
  return /[\s"#\\*?[\]]/.test(name) ? `"/${name.replace(/["\\]/g, '\\$&')}"` : `/${name}`;
}

/**
 * Makes the folder's repository ready for rel sync: git ignores everything but the journal and
 * .gitattributes (locks, temp files, backups), and the journal merges with rel's driver, which
 * git starts as `rel` says (this node and this rel, or in tests the built bin).
 */
export function configureRepository(git: Git, journalName: string, rel: readonly string[]): void {
  const exclude = path.join(git.folder, '.git', 'info', 'exclude');
  fs.mkdirSync(path.dirname(exclude), { recursive: true });
  fs.writeFileSync(
    exclude,
    `# Written by rel sync: only the journal and .gitattributes are tracked.\n*\n!/${journalName}\n!/.gitattributes\n`,
  );
  git.run(['config', 'merge.rel.name', 'rel: merge of journals that cannot conflict']);
  git.run(['config', 'merge.rel.driver', driverCommand(rel)]);
}

/** The line of .gitattributes that sends the journal to rel's merge driver (added when missing). */
export function ensureAttributes(git: Git, journalName: string): void {
  const attributes = path.join(git.folder, '.gitattributes');
  const line = `${attributePattern(journalName)} merge=rel`;
  const current = fs.existsSync(attributes) ? fs.readFileSync(attributes, 'utf8') : '';
  if (current.split('\n').includes(line)) return;
  fs.writeFileSync(attributes, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${line}\n`);
}

/** git refuses to commit without an identity; lend one when the user has none configured. */
export function gitEnvironment(given: NodeJS.ProcessEnv, folder: string): NodeJS.ProcessEnv {
  // git never looks above the journal's folder: a .git there that it cannot read is an error,
  // not a reason to work in some repository that holds the folder.
  const env: NodeJS.ProcessEnv = { ...given, GIT_CEILING_DIRECTORIES: path.dirname(path.resolve(folder)) };
  const probe = spawnSync('git', ['config', 'user.email'], { cwd: folder, env, encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim()) return env;
  return {
    ...env,
    GIT_AUTHOR_NAME: env.GIT_AUTHOR_NAME || 'rel',
    GIT_AUTHOR_EMAIL: env.GIT_AUTHOR_EMAIL || `rel@${os.hostname()}`,
    GIT_COMMITTER_NAME: env.GIT_COMMITTER_NAME || 'rel',
    GIT_COMMITTER_EMAIL: env.GIT_COMMITTER_EMAIL || `rel@${os.hostname()}`,
  };
}

/**
 * Removes the message git keeps of the last commit made here (.git/COMMIT_EDITMSG). git writes it
 * on every commit for an editor that rel never opens, and keeps it until the next commit made
 * here: a message naming someone later forgotten stayed there after the sync that brought the
 * forget, which commits nothing here when it fast-forwards or merges with plumbing.
 */
export function dropCommitMessage(git: Git): void {
  fs.rmSync(path.join(git.folder, '.git', 'COMMIT_EDITMSG'), { force: true });
}

/** Work that git left half done in the journal's folder: a merge rel can redo, or what it cannot. */
export type Unfinished =
  | { kind: 'merge'; theirs: string; problem: string; fix: string }
  | { kind: 'other'; problem: string; fix: string };

/**
 * A merge, rebase, cherry-pick or revert in progress, unmerged paths, or git's conflict markers in
 * the journal: left by git commands run by hand (a `git pull` whose merge driver failed, say).
 * Committing over them would lose one side. rel sync redoes a merge with its own; the rest it
 * refuses, with the command that ends them. undefined when the folder is clean (or not a repository).
 */
export function unfinishedWork(git: Git, journalName: string): Unfinished | undefined {
  const dir = path.join(git.folder, '.git');
  if (!fs.existsSync(dir)) return undefined;
  const where = JSON.stringify(git.folder);
  const has = (name: string) => fs.existsSync(path.join(dir, name));
  if (has('rebase-merge') || has('rebase-apply')) {
    return {
      kind: 'other',
      problem: `A git rebase is in progress in ${git.folder}.`,
      fix: `End it, then sync again: git -C ${where} rebase --abort && rel sync`,
    };
  }
  for (const [head, verb] of [
    ['CHERRY_PICK_HEAD', 'cherry-pick'],
    ['REVERT_HEAD', 'revert'],
  ] as const) {
    if (has(head)) {
      return {
        kind: 'other',
        problem: `A git ${verb} is in progress in ${git.folder}.`,
        fix: `End it, then sync again: git -C ${where} ${verb} --abort && rel sync`,
      };
    }
  }
  if (has('MERGE_HEAD')) {
    const theirs = fs.readFileSync(path.join(dir, 'MERGE_HEAD'), 'utf8').split('\n')[0]!.trim();
    return {
      kind: 'merge',
      theirs,
      problem: `A git merge was left unfinished in ${git.folder}.`,
      fix: `rel sync finishes it with rel's own merge, keeping both sides (or end it: git -C ${where} merge --abort && rel sync).`,
    };
  }
  const unmerged = git.run(['ls-files', '--unmerged'], { check: false }).stdout.trim();
  if (unmerged) {
    return {
      kind: 'other',
      problem: `git has unmerged files in ${git.folder}.`,
      fix: `Keep the files as they are and clear git's conflict, then sync again: git -C ${where} reset -q && rel sync`,
    };
  }
  let text = '';
  try {
    text = fs.readFileSync(path.join(git.folder, journalName), 'latin1');
  } catch {
    // no journal: nothing half merged
  }
  if (hasConflictMarkers(text)) {
    return {
      kind: 'other',
      problem: `${journalName} holds git's conflict markers: a merge by hand was left half done.`,
      fix: `Go back to the version last synced, then sync (rel merges again): git -C ${where} checkout HEAD -- ${JSON.stringify(journalName)} && rel sync`,
    };
  }
  return undefined;
}
