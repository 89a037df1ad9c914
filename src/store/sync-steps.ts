// The steps rel sync is made of, shared by a sync and by its set-up (sync-init.ts): merging a
// commit's journal into the one here through the store's write path, recording merge commits
// with git's plumbing, committing local changes, pushing.
import fs from 'node:fs';
import { commitMessage, countRecords, diffJournals, summarizeChanges } from '../core/diff.js';
import { type Journal, SCHEMA_VERSION } from '../core/journal.js';
import type { JsonRecord } from '../core/json-records.js';
import { foldJournals, mergeJournals } from '../core/merge.js';
import type { Separated } from '../core/merge-namesakes.js';
import { notTaken } from '../core/merge-report.js';
import { forgetsReceived, lostWithoutTrace } from '../core/merge-tombstones.js';
import { upgradeToSchema2 } from '../core/tombstones.js';
import { StoreError } from '../errors.js';
import { decodeJournal, readJournalFile } from './codec.js';
import { isEncrypted, type Keyring, type Sealing, WrongPassphrase } from './crypto.js';
import type { Git } from './git.js';
import type { Store } from './store.js';
import { JOINED, SYNC_CHANGES } from './undo.js';

export interface Session {
  store: Store;
  git: Git;
  /** The journal's file name in its folder. */
  name: string;
  target: string;
  keys: Keyring;
  rel: readonly string[];
  /** Set once this run has written the journal (a merge taken in): what a failure must say. */
  wrote?: boolean;
}

/** What a merge did here, and what of the other side's changes it did not take. */
export interface TakenIn {
  received: string;
  notTaken: string;
  /** People the merge gave another id, as two people made apart shared one (separatedLines). */
  separated?: string[];
  /** The journal here was plain and is now encrypted, as the other side's is. */
  encrypted?: boolean;
}

/** What a sync says when the journal here became encrypted, taking the other side's encryption. */
export const NOW_ENCRYPTED =
  'The journal here is now encrypted, as the other machine encrypted it (rel encrypt there): it asks for the same passphrase from now on.';

/**
 * Writes into the journal, through the store, the merge of `theirs` (a commit) with the journal
 * as it is here, `base` being their common ancestor (null: none, the two are folded). When the
 * result is their journal exactly, their very bytes are put in place, so that git sees its own
 * file (an encrypted journal is sealed anew on each write and would never look the same).
 * `head`, when a merge left unfinished is finished: "ours" is that commit's journal with what was
 * written here since folded in, so that a file changed meanwhile (a backup put back, say) cannot
 * take back what was committed.
 */
export async function takeIn(
  s: Session,
  theirs: string,
  base: string | null,
  head?: string,
): Promise<TakenIn> {
  const none = { received: '', notTaken: '' };
  const theirBytes = s.git.show(theirs, s.name);
  if (!theirBytes) return none;
  const their = await decodeTheirs(
    s,
    theirs,
    theirBytes,
    'Nothing was merged: the journal here is as it was.',
  );
  const ours: { journal: Journal; sealing: Sealing | null } | null = await readJournalFile(s.target, s.keys);
  const committed = head ? await journalAt(s, head) : null;
  const ourJournal = ours
    ? committed
      ? foldJournals(upgradeToSchema2(committed), upgradeToSchema2(ours.journal))
      : upgradeToSchema2(ours.journal)
    : committed;
  const baseBytes = base ? s.git.show(base, s.name) : null;
  const baseJournal = baseBytes ? await journalOf(s, baseBytes, base!) : null;
  const theirJournal = upgradeToSchema2(their.journal);
  const separated: Separated[] = [];
  const merged = ourJournal
    ? baseJournal
      ? mergeJournals(upgradeToSchema2(baseJournal), ourJournal, theirJournal, separated)
      : foldJournals(theirJournal, ourJournal, separated)
    : theirJournal;
  const wanted = canonical(merged);
  const same = (a: Journal | undefined) => a !== undefined && canonical(a) === wanted;
  if (same(theirJournal) && (!ours || !ours.sealing === !their.sealing)) {
    if (!ours || !same(upgradeToSchema2(ours.journal)) || !fs.readFileSync(s.target).equals(theirBytes)) {
      await s.store.adopt(theirBytes, { summary: baseJournal ? broughtBy : joinedBy });
      s.wrote = true;
    }
  } else if (!ours || !same(upgradeToSchema2(ours.journal)) || (their.sealing && !ours.sealing)) {
    // Never less private than either side: an encrypted side makes the result encrypted, even
    // when what it brought is only that (a rel encrypt there, and no other change).
    const reseal = ours?.sealing ? undefined : (their.sealing ?? undefined);
    await s.store.update(
      (journal) => {
        const fields = journal as unknown as Record<string, unknown>;
        for (const key of Object.keys(fields)) delete fields[key];
        Object.assign(journal, structuredClone(merged));
      },
      {
        stamp: false,
        // A fold (no common ancestor: a machine joining) is named as one, which rel undo refuses.
        summary: () => (baseJournal ? broughtBy : joinedBy)(ours?.journal ?? null, merged),
        ...(reseal ? { reseal } : {}),
      },
    );
    s.wrote = true;
  }
  if (ours) await scrubForgetsReceived(s, ours.journal, merged);
  const kept = notTaken(baseJournal ? upgradeToSchema2(baseJournal) : null, theirJournal, merged);
  return {
    received: ours ? summarizeChanges(diffJournals(ours.journal, merged)) : '',
    notTaken: kept ? `Not taken from the other side (deleted here, or changed here later): ${kept}.` : '',
    ...(separated.length ? { separated: separatedLines(separated, ourJournal) } : {}),
    ...(ours && !ours.sealing && their.sealing ? { encrypted: true } : {}),
  };
}

/**
 * What a sync says of the people its merge kept apart (merge-namesakes.ts): who has which id now,
 * and what to do when they are one person after all. `ours`: the journal here before the merge,
 * which tells whose record moved.
 */
function separatedLines(separated: Separated[], ours: Journal | null): string[] {
  const here = new Map((ours?.people ?? []).map((p) => [p.id, p.createdAt]));
  return separated.map(({ from, to, name, reason, createdAt }) => {
    const where = here.get(from) === createdAt ? 'here' : 'on the other machine';
    if (reason === 'forgotten')
      return `${name}, added ${where} since the last sync, is kept as ${to}: the id ${from} was a person's that rel forget removed ${where === 'here' ? 'on the other machine' : 'here'}.`;
    return `Two people named ${name} were added apart, one here and one on the other machine: both are kept, the one added later (${where}) as ${to}, with its conversations and follow-ups. If they are one person: rel merge ${from} ${to}. If not, tell them apart: rel rename ${to} "<new name>".`;
  });
}

/**
 * A forget another machine made reaches this one's own copies too (backups, undo data): the
 * people it removed from `before` are scrubbed as a forget here would, so that nothing on this
 * machine still holds them. After a merge (takeIn) and after a fast-forward alike.
 */
export async function scrubForgetsReceived(s: Session, before: Journal, after: Journal): Promise<void> {
  const forgotten = forgetsReceived(upgradeToSchema2(before), upgradeToSchema2(after));
  if (forgotten.length) await s.store.forget(forgotten, upgradeToSchema2(before));
}

/**
 * What undo names a merge's changes by: "the changes a sync brought: 1 conversation added; 1
 * person changed (about Ana Silva)". The undo data is kept as private as the journal, so names
 * may be in it.
 */
export function broughtBy(before: Journal | null, after: Journal): string {
  return `${SYNC_CHANGES}: ${whatItBrought(before, after)}`;
}

/**
 * What undo names a fold by: "joining a synced journal (rel sync --init), which brought 14
 * people added (about Ana Silva, …)". Undoing it would stamp every record the other machines
 * brought as deleted, and the next sync would delete them there too: rel undo refuses it (JOINED).
 */
function joinedBy(before: Journal | null, after: Journal): string {
  return `${JOINED}, which brought ${whatItBrought(before, after)}`;
}

/** "1 conversation added; 1 person changed (about Ana Silva)": the commit message's subject and names. */
function whatItBrought(before: Journal | null, after: Journal): string {
  const [subject, , about] = commitMessage(before, after, true).split('\n');
  const what = subject!.replace(/^rel: /, '');
  return `${what}${about ? ` (${about.replace(/^About: /, 'about ')})` : ''}`;
}

/** A journal's JSON with every object's keys in order: the same content gives the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

async function journalOf(s: Session, bytes: Buffer, commit: string): Promise<Journal | null> {
  try {
    return (await decodeJournal(`${s.name} at ${commit}`, bytes, s.keys)).journal;
  } catch {
    return null; // an old version under another passphrase: merged as if it had no base
  }
}

export async function journalAt(s: Session, commit: string): Promise<Journal | null> {
  const bytes = s.git.show(commit, s.name);
  return bytes ? journalOf(s, bytes, commit) : null;
}

/**
 * Commits what is in the folder now as the merge of `head` and `theirs`: a fast-forward when it
 * is their commit's content exactly, else a commit with both as parents. Plumbing only: the
 * working files are left as they are.
 */
export function commitMerge(s: Session, head: string, theirs: string): void {
  const paths = ['.gitattributes', ...(fs.existsSync(s.target) ? [s.name] : [])];
  s.git.run(['add', '--', ...paths]);
  const tree = s.git.run(['write-tree']).stdout.trim();
  const theirCommit = s.git.revParse(theirs);
  if (s.git.isAncestor(head, theirCommit) && tree === s.git.revParse(`${theirCommit}^{tree}`)) {
    s.git.run(['update-ref', 'HEAD', theirCommit, head]);
    return;
  }
  const merge = s.git
    .run(['commit-tree', tree, '-p', head, '-p', theirCommit, '-m', 'rel: merge of journals'])
    .stdout.trim();
  s.git.run(['update-ref', 'HEAD', merge, head]);
}

/**
 * Puts back, before a commit, the records HEAD committed that the journal here lost without a
 * tombstone (a backup put back, an edit by hand): committed, they would be deleted on every
 * machine by the next syncs, where rel deletes only what was deleted with rel. Returns what it
 * said, or null when nothing was lost.
 */
export async function keepCommitted(s: Session): Promise<string | null> {
  if (!s.git.hasCommit('HEAD') || !fs.existsSync(s.target)) return null;
  const committed = await journalAt(s, 'HEAD');
  const current = await readJournalFile(s.target, s.keys);
  if (!committed || !current) return null;
  const lost = lostWithoutTrace(upgradeToSchema2(committed), upgradeToSchema2(current.journal));
  if (!lost.length) return null;
  const counts = new Map<string, number>();
  for (const { collection } of lost) counts.set(collection, (counts.get(collection) ?? 0) + 1);
  const what = [...counts].map(([collection, n]) => countRecords(collection, n)).join(', ');
  await s.store.update(
    (journal) => {
      const fields = journal as unknown as Record<string, JsonRecord[] | undefined>;
      for (const { collection, record, index } of lost) {
        fields[collection] ??= [];
        const list = fields[collection];
        if (list.some((r) => r.id === record.id)) continue;
        list.splice(Math.min(index, list.length), 0, structuredClone(record));
      }
    },
    { stamp: false, summary: () => `kept ${what} already synced that the journal here had lost` },
  );
  s.wrote = true;
  return `Kept ${what} already synced that the journal here no longer had (a backup put back, or an edit by hand): a sync deletes on the other machines only what was deleted with rel. To delete ${lost.length === 1 ? 'it' : 'them'} everywhere, delete with rel (rel conversation delete <id>, rel forget <name>, …), then rel sync.`;
}

/** Commits the journal and .gitattributes when they changed; returns the message, or null. */
export async function commitLocal(s: Session): Promise<string | null> {
  const status = s.git.run(['status', '--porcelain', '--', s.name, '.gitattributes']).stdout;
  if (!status.trim()) return null;
  const current = await readJournalFile(s.target, s.keys);
  const previous = s.git.hasCommit('HEAD') ? await journalAt(s, 'HEAD') : null;
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

export function push(git: Git, branch: string) {
  return git.run(['push', '-q', '-u', 'origin', `HEAD:refs/heads/${branch}`], { check: false });
}

export function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^rel: /, '');
}

/**
 * The journal of a commit from the remote. One sealed with another passphrase than the one here
 * is most likely a passphrase changed on the other machine: said so, with what to do.
 */
function decodeTheirs(s: Session, commit: string, bytes: Buffer, undone: string) {
  return decodeJournal(`${s.name} at ${commit}`, bytes, s.keys).catch((error: unknown) => {
    if (!(error instanceof WrongPassphrase)) throw error;
    throw new StoreError(
      `${s.name} at ${commit} is sealed with another passphrase than the one here: the other machine changed it (rel passphrase there), or this one was given another. ${undone}`,
      'Change the passphrase here to the same one first (rel passphrase, with the new one in REL_NEW_PASSPHRASE or asked), then run rel sync again.',
    );
  });
}

/**
 * Refuses, before anything is written, a remote journal (at `commit`) of a newer schema than this
 * rel's: merged record by record with this rel's rules it could lose what it does not know, and
 * the result would be pushed as the newest version for the machine that runs the newer rel.
 * `undone`: what the refusal leaves, in words.
 */
export async function refuseNewerRemote(s: Session, commit: string, undone: string): Promise<void> {
  const bytes = s.git.show(commit, s.name);
  if (!bytes) return;
  const { journal } = await decodeTheirs(s, commit, bytes, undone);
  if (journal.schema <= SCHEMA_VERSION) return;
  throw new StoreError(
    `${s.name} on the remote was written by a newer rel (schema ${journal.schema}): another machine runs a newer rel. This rel knows schema ${SCHEMA_VERSION} and will not change it. ${undone}`,
    'Upgrade rel to sync with it, then run rel sync again.',
  );
}
