// rel pulse: the themes several people raised in what you heard, and who may need a word. The
// language libraries load here (on a worker thread) and nowhere else; the themes found are kept
// beside the journal for the line in each profile.

import { Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import { type Context, openStore, parseSince, today } from '../../context.js';
import { computePulse, defaultSince, PULSE_WEEKS, pulseNotes } from '../../core/pulse.js';
import { checkScope } from '../../core/scope.js';
import { type NoteReading, readNotes } from '../../core/themes.js';
import { StoreError } from '../../errors.js';
import { fileVersion } from '../../store/files.js';
import { printJson } from '../../ui/json.js';
import { renderPulse } from '../../ui/render/pulse.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

interface PulseOptions {
  since?: string;
  team?: string;
  tag?: string;
  json?: boolean;
}

/** How long a pulse waits for the journal's lock to keep its result before going without. */
const KEEP_LOCK_MS = 2_000;

export function register(program: Command, ctx: Context): Command {
  return program
    .command('pulse')
    .description('what the team is telling you: themes several people raised, and who may need a word')
    .option(
      '--since <when>',
      `the start of the period: 2026-11-01, 2w, 3m (default ${PULSE_WEEKS} weeks ago)`,
    )
    .option('--team <team>', 'only what you heard from people in this team')
    .option('--tag <tag>', 'only what you heard from people with this tag')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Themes come from #hashtags in listening notes and from the nouns of English text, merged across
spellings (on-call, oncall, on call, #oncall) and plurals; a theme is shown when two or more people
raised it. A group note counts once, as one voice. Nothing here labels a person, and nothing leaves
this machine.

Examples:
  $ rel pulse
  $ rel pulse --since 3m --team Platform
  $ rel pulse --json | jq -r '.themes[] | "\\(.theme): \\(.people | length)"'`,
    )
    .action(async (options: PulseOptions) => run(ctx, options));
}

async function run(ctx: Context, options: PulseOptions): Promise<void> {
  const todayIso = today(ctx);
  const since = options.since === undefined ? defaultSince(todayIso) : await parseSince(ctx, options.since);
  const reader = startReader();
  try {
    const store = await openStore(ctx);
    // Taken before the read: the result is kept only if the journal is still this version then.
    const version = fileVersion(store.target);
    const journal = await store.read();
    checkScope(journal.people, options.team, options.tag);
    const scope = { since, until: todayIso, team: options.team, tag: options.tag };
    const { notes, names } = pulseNotes(journal, scope);
    const reading = await reader.read(
      notes.map((n) => ({ text: n.text, personId: n.personId })),
      names,
    );
    const pulse = computePulse(journal, scope, { notes, reading });
    // Only a pulse of everyone speaks for the profile's line.
    if (options.team === undefined && options.tag === undefined) await keep(ctx, store, version, pulse);
    if (options.json) {
      const { since: from, until, themes, worries, quietAmbitions } = pulse;
      printJson(ctx.io, { since: from, until, heardNotes: pulse.notes, themes, worries, quietAmbitions });
    } else ctx.io.print(renderPulse(pulse, theme(ctx.io), ctx.io.proseWidth));
  } finally {
    await reader.close();
  }
}

type Notes = Parameters<typeof readNotes>[0];

/**
 * Starts loading the language libraries on a worker thread at once, so that they load while the
 * journal is read (two cores: about the load's time saved). Should the worker fail, the notes are
 * read here instead, with the libraries loaded here.
 */
function startReader(): {
  read(notes: Notes, names: string[]): Promise<NoteReading>;
  close(): Promise<void>;
} {
  let worker: Worker | undefined;
  let result: Promise<NoteReading> | undefined;
  try {
    // From the built chunk (dist/chunks/) to the worker's entry (dist/report/, see scripts/build.mjs).
    worker = new Worker(new URL('../report/pulse-worker.js', import.meta.url));
    const started = worker;
    result = new Promise<NoteReading>((resolve, reject) => {
      started.once('message', resolve);
      started.once('error', reject);
      started.once('exit', (code) => reject(new Error(`the language worker stopped (${code})`)));
    });
    result.catch(() => undefined); // awaited (or given up) in read()
  } catch {
    worker = undefined;
  }
  return {
    async read(notes, names) {
      if (worker && result) {
        worker.postMessage({ notes, names });
        try {
          return await result;
        } catch {
          // Read here instead.
        }
      }
      const { englishLanguage } = await import('../../core/language.js');
      return readNotes(notes, names, englishLanguage());
    },
    async close() {
      await worker?.terminate();
    },
  };
}

async function keep(
  ctx: Context,
  store: Awaited<ReturnType<typeof openStore>>,
  version: string | undefined,
  pulse: ReturnType<typeof computePulse>,
): Promise<void> {
  const { writeStoredPulse } = await import('../../store/pulse-file.js');
  const sealing = store.encryption;
  const { seal } = sealing ? await import('../../store/crypto.js') : { seal: undefined };
  try {
    await writeStoredPulse(
      store.target,
      {
        version: 1,
        ranAt: ctx.io.now.toISOString(),
        since: pulse.since,
        until: pulse.until,
        themes: pulse.stored,
      },
      version,
      (text) => (sealing && seal ? seal(text, sealing) : text),
      KEEP_LOCK_MS,
    );
  } catch (error) {
    // Only a summary for the profiles: the pulse itself is still right.
    if (!(error instanceof StoreError)) throw error;
    ctx.io.err(`rel: warning: the themes were not kept for the profiles (${error.message})`);
  }
}
