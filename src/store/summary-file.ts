// Reading a summary kept beside the journal (due-summary.ts, stats-summary.ts): each is one JSON
// object that starts with its key (the summary's format, the rel that wrote it, the version of
// the journal it stands for) and holds a journal cut down for its reports.
import { type Journal, SCHEMA_VERSION } from '../core/journal.js';
import { readStoreFile } from './files.js';

/** package.json's version, put in at build time. */
declare const REL_VERSION: string;

/** What every summary file holds; each adds what else it is keyed to. */
export interface SummaryFile {
  format: number;
  rel: string;
  journal: { version: string };
  /** The journal's path, for telling a summary its journal left behind (stray-summaries.ts). */
  path: string;
  data: Journal;
}

/**
 * The summary in `file` when it is of this format and this rel, stands for `version` of the
 * journal, and holds a journal of this schema whose `lists` are lists; undefined on any doubt (no
 * file, one cut short, another form). What else it is keyed to is the caller's to check.
 */
export function readSummary<T extends SummaryFile>(
  file: string,
  format: number,
  version: string,
  lists: readonly (keyof Journal)[],
): (Partial<T> & Pick<SummaryFile, 'data'>) | undefined {
  try {
    const bytes = readStoreFile(file);
    if (!bytes) return undefined;
    const summary = JSON.parse(bytes.toString('utf8')) as Partial<T>;
    if (summary.format !== format || summary.rel !== REL_VERSION || summary.journal?.version !== version)
      return undefined;
    const data = summary.data;
    if (data?.schema !== SCHEMA_VERSION || !lists.every((list) => Array.isArray(data[list])))
      return undefined;
    return summary as Partial<T> & Pick<SummaryFile, 'data'>;
  } catch {
    return undefined;
  }
}
