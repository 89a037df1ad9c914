// kill -9 at any moment of a write to a large journal: the store stays a valid journal holding
// every conversation whose command exited 0; what a killed writer leaves is ignored, then swept.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeJournalText, writeJournal } from '../helpers/journal.js';
import { rel, relAsync, tempStore } from '../helpers/rel.js';

const MEGABYTES = 30;

/**
 * When to kill: a moment seen in the store's folder, then an optional delay; `late` is a share of
 * how long a whole `rel log` takes on this journal here (timed first), so that the kill lands late
 * in the write however fast the machine and rel are (a fixed 700 ms came after the end once `rel
 * log` got faster).
 */
type Moment = {
  when: 'spawned' | 'locked' | 'writing-journal' | 'writing-undo';
  delayMs: number;
  late?: number;
};

const MOMENTS: Moment[] = [
  { when: 'spawned', delayMs: 0 },
  { when: 'locked', delayMs: 0 },
  { when: 'writing-journal', delayMs: 0 },
  { when: 'writing-journal', delayMs: 15 },
  { when: 'writing-undo', delayMs: 0 },
  { when: 'spawned', delayMs: 0, late: 0.7 },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reached(folder: string, when: Moment['when']): boolean {
  if (when === 'spawned') return true;
  const names = fs.readdirSync(folder);
  if (when === 'locked') return names.includes('journal.json.lock');
  if (when === 'writing-journal') return names.some((n) => /^\.journal\.json\.\d+\.[0-9a-f]+\.tmp$/.test(n));
  return names.some((n) => /^\.journal\.json\.undo\.\d+\.[0-9a-f]+\.tmp$/.test(n));
}

/** Runs `rel log` and kills it at the moment; resolves with its exit code (null when killed). */
async function logAndKill(store: string, note: string, moment: Moment): Promise<number | null> {
  const folder = path.dirname(store);
  const child = relAsync(['log', 'p0', '--note', note], { store });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  // Polls gently: a busy loop here would take the CPU the writer needs.
  while (!done && !reached(folder, moment.when)) await sleep(2);
  if (moment.delayMs) await sleep(moment.delayMs);
  child.kill('SIGKILL');
  return exited;
}

function notesIn(store: string): Set<string> {
  const journal = JSON.parse(fs.readFileSync(store, 'utf8')); // throws if the kill broke the file
  expect(journal.schema).toBeTypeOf('number');
  return new Set(journal.conversations.map((c: { note: string }) => c.note));
}

describe('kill -9 during writes', { timeout: 300_000 }, () => {
  it(`${MOMENTS.length} kills at varied moments of writes to a ${MEGABYTES} MB journal lose nothing confirmed`, async () => {
    const store = tempStore('kill');
    const { text } = largeJournalText(MEGABYTES);
    writeJournal(store, text);
    const confirmed: string[] = [];
    // Timed on a journal rel wrote itself, as every kill below finds it: the first log over the
    // journal as the helper laid it out is slower, and a share of that landed after the end.
    expect(rel(['log', 'p0', '--note', 'first'], { store }).code).toBe(0);
    confirmed.push('first');
    const started = Date.now();
    const timed = rel(['log', 'p0', '--note', 'timed'], { store });
    const whole = Date.now() - started;
    expect(timed.code, timed.stderr).toBe(0);
    confirmed.push('timed');
    let killed = 0;
    const finished: string[] = [];
    for (const [i, moment] of MOMENTS.entries()) {
      const delayMs = moment.late ? Math.round(whole * moment.late) : moment.delayMs;
      const code = await logAndKill(store, `killed ${i}`, { ...moment, delayMs });
      if (code === 0) {
        confirmed.push(`killed ${i}`); // it finished before the kill landed
        finished.push(`${moment.when}+${delayMs}ms`);
      } else killed++;
      const notes = notesIn(store);
      for (const note of confirmed) expect(notes, `${note} after kill ${i} (${moment.when})`).toContain(note);
      if (i % 2 === 1) {
        // A writer after the kill: takes over the dead writer's lock at once, ignores its temp file.
        const r = rel(['log', 'p0', '--note', `confirmed ${i}`], { store });
        expect(r.code, r.stderr).toBe(0);
        confirmed.push(`confirmed ${i}`);
      }
    }
    expect(
      killed,
      `finished before the kill: ${finished.join(', ')} (a log took ${whole} ms)`,
    ).toBeGreaterThanOrEqual(MOMENTS.length - 1);
    const notes = notesIn(store);
    for (const note of confirmed) expect(notes).toContain(note);
    // The last write swept the killed writers' temp files; nothing but rel's own files remain.
    const left = fs.readdirSync(path.dirname(store)).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'));
    expect(left).toEqual([]);
    const doctor = JSON.parse(rel(['doctor', '--json'], { store }).stdout);
    expect(doctor.findings).toEqual([]);
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
  });
});
