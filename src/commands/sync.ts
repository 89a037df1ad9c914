// rel sync: the journal's folder as a git repository. Commits local changes, fetches, merges with
// rel's own merge driver (which cannot conflict), pushes. --init sets it up.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Context, keyring, openStore, passphrase } from '../context.js';
import { StoreError, UsageError } from '../errors.js';
import type { Keyring } from '../store/crypto.js';
import type { Git, GitResult } from '../store/git.js';

interface SyncOptions {
  init?: string;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('sync')
    .description('sync your journal with other machines through a git remote')
    .option('--init <remote-url>', 'set up sync: push this journal to an empty remote, or join the one there')
    .addHelpText(
      'after',
      `
Only the journal and .gitattributes are committed. Both machines' changes are kept: rel merges
journals itself (records matched by id; deletions remembered), so a sync never conflicts.
Commit messages name people only for a plain journal, never for an encrypted one.

Examples:
  $ rel sync --init git@github.com:me/journal.git     on the first machine
  $ rel sync --init git@github.com:me/journal.git     on the second: joins and merges
  $ rel sync                                          whenever you like, on either`,
    )
    .action(async (options: SyncOptions) => run(ctx, options));
}

interface Session {
  ctx: Context;
  git: Git;
  /** The journal's file name in its folder. */
  name: string;
  target: string;
  keys: Keyring;
}

async function run(ctx: Context, options: SyncOptions): Promise<void> {
  const store = await openStore(ctx);
  const [{ Git, gitEnvironment }, { makePrivateFolder }, { withLock }] = await Promise.all([
    import('../store/git.js'),
    import('../store/store.js'),
    import('../store/lock.js'),
  ]);
  const folder = path.dirname(store.target);
  makePrivateFolder(folder);
  const env = gitEnvironment(
    { ...ctx.io.env, GIT_TERMINAL_PROMPT: ctx.io.stdinIsTTY ? undefined : '0' },
    folder,
  );
  const session: Session = {
    ctx,
    git: new Git(folder, env),
    name: path.basename(store.target),
    target: store.target,
    keys: await keyring(ctx),
  };
  if (!options.init && !session.git.isRepository()) {
    throw new UsageError(`${folder} is not set up for sync yet.`, 'Run: rel sync --init <remote-url>');
  }
  // Nobody writes the journal while git rewrites it.
  const lines = await withLock(
    `${store.target}.lock`,
    () => (options.init ? init(session, options.init) : sync(session)),
    { timeoutMs: Number(ctx.io.env.REL_LOCK_TIMEOUT_MS) || 30_000 },
  );
  tightenModes(session);
  for (const line of lines) ctx.io.out(line);
}

async function init(s: Session, url: string): Promise<string[]> {
  if (s.git.isRepository()) {
    const current = s.git.run(['remote', 'get-url', 'origin'], { check: false });
    if (current.code === 0 && current.stdout.trim() !== url) {
      throw new UsageError(
        `${s.git.folder} already syncs with ${current.stdout.trim()}.`,
        `To sync with it: rel sync. To change the remote: git -C ${JSON.stringify(s.git.folder)} remote set-url origin <url>`,
      );
    }
    if (current.code === 0) return sync(s);
    return setUp(s, url);
  }
  s.git.run(['init', '-q', '--initial-branch=main']);
  try {
    return await setUp(s, url);
  } catch (error) {
    // A repository this run created and could not set up goes, so that --init can be run again.
    fs.rmSync(path.join(s.git.folder, '.git'), { recursive: true, force: true });
    throw error;
  }
}

async function setUp(s: Session, url: string): Promise<string[]> {
  const { configureRepository, ensureAttributes } = await import('../store/git.js');
  configureRepository(s.git, s.name);
  s.git.run(['remote', 'add', 'origin', url]);
  const fetched = s.git.run(['fetch', '-q', 'origin'], { check: false });
  if (fetched.code !== 0) {
    s.git.run(['remote', 'remove', 'origin'], { check: false });
    throw new StoreError(
      `Cannot reach ${url}: ${fetched.stderr.trim()}`,
      'Check the URL and your access to it.',
    );
  }
  const branch = remoteBranch(s.git);
  if (!branch) {
    if (!fs.existsSync(s.target)) {
      const [{ writeJournalFile }, { emptyJournal }] = await Promise.all([
        import('../store/store.js'),
        import('../core/journal.js'),
      ]);
      writeJournalFile(s.target, emptyJournal(), null);
    }
    ensureAttributes(s.git, s.name);
    const message = await commitLocal(s);
    push(s.git, s.git.branch());
    return [`Sync set up: your journal is on ${url}.`, ...(message ? [`Sent: ${firstLine(message)}`] : [])];
  }
  return join(s, url, branch);
}

/** The remote already holds a journal: check it out, and fold this machine's journal into it. */
async function join(s: Session, url: string, branch: string): Promise<string[]> {
  const [
    { readJournalFile, writeJournalFile },
    { foldJournals },
    { upgradeToSchema2 },
    { ensureAttributes },
  ] = await Promise.all([
    import('../store/store.js'),
    import('../core/merge.js'),
    import('../core/tombstones.js'),
    import('../store/git.js'),
  ]);
  // The remote's journal must have this machine's file name, or the two would never meet.
  const files = s.git.run(['ls-tree', '--name-only', `origin/${branch}`]).stdout.split('\n');
  const theirs = files.find((f) => f.endsWith('.json'));
  if (theirs && !files.includes(s.name)) {
    s.git.run(['remote', 'remove', 'origin'], { check: false });
    throw new UsageError(
      `The journal on ${url} is named ${theirs}, and this machine's is ${s.name}: they would not be merged.`,
      `Use the same file name on both machines, e.g. rel sync --init ${url} --store ${path.join(path.dirname(s.target), theirs)}`,
    );
  }
  const local = await readJournalFile(s.target, s.keys);
  // Kept beside the journal until the fold is written, so a crash loses nothing.
  const aside = `${s.target}.before-sync`;
  if (local) fs.renameSync(s.target, aside);
  try {
    s.git.run(['checkout', '-q', '-B', branch, '--track', `origin/${branch}`]);
    if (local) {
      const remote = await readJournalFile(s.target, s.keys);
      const merged = remote
        ? foldJournals(upgradeToSchema2(remote.journal), upgradeToSchema2(local.journal))
        : upgradeToSchema2(local.journal);
      writeJournalFile(s.target, merged, remote?.sealing ?? local.sealing);
    }
    ensureAttributes(s.git, s.name);
  } catch (error) {
    if (local && !fs.existsSync(s.target)) fs.renameSync(aside, s.target);
    throw error;
  }
  const message = await commitLocal(s);
  if (message) push(s.git, branch);
  if (local) fs.rmSync(aside, { force: true });
  return [
    `Sync set up: joined the journal on ${url}.`,
    ...(message ? [`Folded in this machine's journal: ${firstLine(message)}`] : []),
  ];
}

async function sync(s: Session): Promise<string[]> {
  const { configureRepository, ensureAttributes } = await import('../store/git.js');
  configureRepository(s.git, s.name);
  ensureAttributes(s.git, s.name);
  const lines: string[] = [];
  const message = await commitLocal(s);
  if (message) lines.push(`Committed: ${firstLine(message)}`);
  const branch = s.git.branch();
  for (let attempt = 1; ; attempt++) {
    s.git.run(['fetch', '-q', 'origin']);
    const remote = `refs/remotes/origin/${branch}`;
    if (s.git.hasCommit(remote)) {
      const received = await mergeRemote(s, remote);
      if (received) lines.push(`Received: ${received}`);
    }
    if (!s.git.hasCommit('HEAD')) break;
    const pushed = push(s.git, branch);
    if (pushed.code === 0) break;
    // Someone pushed in between: fetch and merge again.
    if (attempt >= 3) throw new StoreError(`git push failed: ${pushed.stderr.trim()}`);
  }
  lines.push('Synced.');
  return lines;
}

/** Merges the remote branch; returns what it brought, or '' when there was nothing new. */
async function mergeRemote(s: Session, remote: string): Promise<string> {
  const head = s.git.hasCommit('HEAD') ? s.git.run(['rev-parse', 'HEAD']).stdout.trim() : null;
  if (head && s.git.run(['merge-base', '--is-ancestor', remote, 'HEAD'], { check: false }).code === 0)
    return '';
  const before = head ? await journalAt(s, 'HEAD') : null;
  await lendPassphrase(s, remote);
  const merged = head
    ? s.git.run(['merge', '-q', '--no-edit', '--allow-unrelated-histories', remote], { check: false })
    : s.git.run(['checkout', '-q', '-B', s.git.branch(), '--track', remote.replace('refs/remotes/', '')], {
        check: false,
      });
  if (merged.code !== 0) {
    s.git.run(['merge', '--abort'], { check: false });
    throw new StoreError(
      `The merge with the remote failed: ${(merged.stderr || merged.stdout).trim()}`,
      'Your journal is as it was before the sync. Check REL_PASSPHRASE, then run rel sync again.',
    );
  }
  const after = await journalAt(s, 'HEAD');
  if (!after) return '';
  const { diffJournals, summarizeChanges } = await import('../core/changes.js');
  return summarizeChanges(diffJournals(before, after));
}

/** The merge driver is another rel: give it the passphrase this run already has, in memory. */
async function lendPassphrase(s: Session, remote: string): Promise<void> {
  const { isEncrypted } = await import('../store/crypto.js');
  const theirs = s.git.show(remote, s.name);
  const ours = fs.existsSync(s.target) ? fs.readFileSync(s.target) : null;
  if ((theirs && isEncrypted(theirs)) || (ours && isEncrypted(ours))) {
    s.git.env.REL_PASSPHRASE = await passphrase(s.ctx);
  }
}

async function journalAt(s: Session, commit: string) {
  const bytes = s.git.show(commit, s.name);
  if (!bytes) return null;
  const { decodeJournal } = await import('../store/store.js');
  try {
    return (await decodeJournal(`${s.name} at ${commit}`, bytes, s.keys)).journal;
  } catch {
    return null; // an old version under another passphrase: described by counts alone
  }
}

/** Commits the journal and .gitattributes when they changed; returns the message, or null. */
async function commitLocal(s: Session): Promise<string | null> {
  const status = s.git.run(['status', '--porcelain', '--', s.name, '.gitattributes']).stdout;
  if (!status.trim()) return null;
  const [{ readJournalFile }, { commitMessage }] = await Promise.all([
    import('../store/store.js'),
    import('../core/changes.js'),
  ]);
  const current = await readJournalFile(s.target, s.keys);
  const previous = s.git.hasCommit('HEAD') ? await journalAt(s, 'HEAD') : null;
  const { isEncrypted } = await import('../store/crypto.js');
  const headBytes = s.git.hasCommit('HEAD') ? s.git.show('HEAD', s.name) : null;
  const wasEncrypted = headBytes ? isEncrypted(headBytes) : false;
  const message = current
    ? commitMessage(previous, current.journal, !current.sealing && !wasEncrypted)
    : 'rel: set up sync';
  const paths = ['.gitattributes', ...(fs.existsSync(s.target) ? [s.name] : [])];
  s.git.run(['add', '--', ...paths]);
  s.git.run(['commit', '-q', '-m', message]);
  return message;
}

function push(git: Git, branch: string): GitResult {
  return git.run(['push', '-q', '-u', 'origin', `HEAD:refs/heads/${branch}`], { check: false });
}

/** The remote's default branch, else its only (or first) branch; null for an empty remote. */
function remoteBranch(git: Git): string | null {
  const symref = git.run(['ls-remote', '--symref', 'origin', 'HEAD'], { check: false }).stdout;
  const head = /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(symref)?.[1];
  const branches = git
    .run(['branch', '-r', '--format=%(refname:short)'])
    .stdout.split('\n')
    .map((b) => b.trim().replace(/^origin\//, ''))
    .filter((b) => b && b !== 'HEAD' && b !== 'origin');
  if (head && branches.includes(head)) return head;
  return branches.includes('main') ? 'main' : (branches[0] ?? null);
}

/** git writes files with the umask's mode: the journal goes back to 0600, its folder to 0700. */
function tightenModes(s: Session): void {
  fs.chmodSync(s.git.folder, 0o700);
  if (fs.existsSync(s.target)) fs.chmodSync(s.target, 0o600);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^rel: /, '');
}
