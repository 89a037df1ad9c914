// `npm run bench`: times whole `rel` processes on generated journals against the floor a bare node
// needs for the same work. Each command runs in turn with its floor (A B A B, after one warm-up of
// each), and the ratio is taken pair by pair, so that load on the machine drifting over the run
// touches both sides of a ratio alike; a human table is also paired with its own --json, and a
// command on an encrypted journal unlocked by `rel unlock` with the same command on the plain
// one. Prints a table with the targets and writes it as JSON.
//
//   npm run bench                         S then M, 5 pairs each
//   npm run bench -- --scale S,M,L --runs 3
//   npm run bench -- --only due,log       only these commands (by first word)
//
// Every process runs with a clean environment: NODE_EXTRA_CA_CERTS, NODE_OPTIONS and the like
// are unset (NODE_EXTRA_CA_CERTS alone can double node's start-up).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_NOW, SCALES, writeJournal } from './generate.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'rel.js');
const FLOORS = {
  node: { label: 'node -e 0', args: () => ['-e', '0'] },
  read: { label: 'read+parse', args: (file) => [path.join(import.meta.dirname, 'floors', 'read.mjs'), file] },
  write: {
    label: 'read+parse+write',
    args: (file) => [path.join(import.meta.dirname, 'floors', 'write.mjs'), file],
  },
};

/**
 * What is timed. Add a command here when it lands: `needs` names the rel command that must exist
 * (the benchmark skips it on a rel without it), `floor` says what a bare node would do for it,
 * `target` names its line in TARGETS, `json` (for a human table) names the same command's --json
 * line, which the table is also paired with, and `writes` restores the journal before each run so
 * that every run sees the same file.
 */
const LOG_ARGS = (j) => [
  'log',
  j.profileName,
  '--no-input',
  '--kind',
  'coffee',
  '--minutes',
  '30',
  '--note',
  'Benchmark: talked about the roadmap and the offsite.',
  '--heard',
  'Worried about the on-call rotation.',
];
const COMMANDS = [
  { label: '--help', args: () => ['--help'], floor: 'node', target: 'help' },
  // rel due reads the summary rel keeps of the journal (src/store/due-summary.ts) when the journal
  // has not changed since: the warm-up run writes it. `noSummary` deletes it before each run, so
  // that the row times the full read it replaces.
  { label: 'due --json', needs: 'due', args: () => ['due', '--json'], floor: 'read', target: 'due' },
  {
    label: 'due --json (no summary)',
    needs: 'due',
    args: () => ['due', '--json'],
    floor: 'read',
    target: 'report',
    noSummary: true,
  },
  {
    label: 'profile --json',
    needs: 'profile',
    args: (j) => ['profile', j.profileName, '--json'],
    floor: 'read',
    target: 'report',
  },
  {
    label: 'people --json',
    needs: 'people',
    args: () => ['people', '--json'],
    floor: 'read',
    target: 'report',
  },
  {
    label: 'search --json',
    needs: 'search',
    args: () => ['search', 'marathon', '--json'],
    floor: 'read',
    target: 'report',
  },
  { label: 'stats --json', needs: 'stats', args: () => ['stats', '--json'], floor: 'read', target: 'report' },
  { label: 'todo --json', needs: 'todo', args: () => ['todo', '--json'], floor: 'read', target: 'report' },
  // The human tables, as a user sees them but through a pipe at a fixed width (COLUMNS below), so
  // that every run lays out the same table whatever terminal started the benchmark.
  { label: 'due', needs: 'due', args: () => ['due'], floor: 'read', target: 'due', json: 'due --json' },
  // With a calendar set, rel due reads the small file the last rel inbox kept for its nudge (and
  // never the calendar): paired with plain `due`, the ratio is what the nudge costs.
  {
    label: 'due (calendar set)',
    needs: 'inbox',
    args: () => ['due'],
    floor: 'read',
    target: 'report',
    json: 'due',
    nudge: true,
  },
  {
    label: 'profile',
    needs: 'profile',
    args: (j) => ['profile', j.profileName],
    floor: 'read',
    target: 'report',
    json: 'profile --json',
  },
  {
    label: 'people',
    needs: 'people',
    args: () => ['people'],
    floor: 'read',
    target: 'report',
    json: 'people --json',
  },
  {
    label: 'stats',
    needs: 'stats',
    args: () => ['stats'],
    floor: 'read',
    target: 'report',
    json: 'stats --json',
  },
  {
    label: 'todo',
    needs: 'todo',
    args: () => ['todo'],
    floor: 'read',
    target: 'report',
    json: 'todo --json',
  },
  // Loads the language libraries and reads the last four weeks' notes; it keeps its themes in a
  // small file beside the journal, which the journal's own restore between runs does not need.
  { label: 'pulse --json', needs: 'pulse', args: () => ['pulse', '--json'], floor: 'read', target: 'pulse' },
  { label: 'log', needs: 'log', args: LOG_ARGS, floor: 'write', target: 'log', writes: true },
  // The same on an encrypted journal (production scrypt cost): the overhead of the key
  // derivation (once per command) and of AES-GCM, against the plain floors.
  {
    label: 'due --json (encrypted)',
    needs: 'encrypt',
    args: () => ['due', '--json'],
    floor: 'read',
    encrypted: true,
  },
  {
    label: 'log (encrypted)',
    needs: 'encrypt',
    args: (j) => ['log', j.profileName, '--no-input', '--kind', 'coffee', '--note', 'Benchmark.'],
    floor: 'write',
    writes: true,
    encrypted: true,
  },
  // The same once `rel unlock` has left the key with its agent (no passphrase given at all): the
  // key derivation is gone, AES-GCM remains. Paired with the same command on the plain journal.
  {
    label: 'due --json (unlocked)',
    needs: 'unlock',
    args: () => ['due', '--json'],
    floor: 'read',
    encrypted: true,
    unlocked: true,
    // The same work on the plain journal: an encrypted journal keeps no summary to read instead.
    plain: 'due --json (no summary)',
  },
  {
    label: 'log (unlocked)',
    needs: 'unlock',
    args: (j) => ['log', j.profileName, '--no-input', '--kind', 'coffee', '--note', 'Benchmark.'],
    floor: 'write',
    writes: true,
    encrypted: true,
    unlocked: true,
    plain: 'log (plain, short note)',
  },
  // The plain partner of `log (unlocked)`: the same short entry. Only run as that partner.
  {
    label: 'log (plain, short note)',
    needs: 'log',
    args: (j) => ['log', j.profileName, '--no-input', '--kind', 'coffee', '--note', 'Benchmark.'],
    floor: 'write',
    writes: true,
    partnerOnly: true,
  },
];

/**
 * The targets, as medians of paired ratios on a quiet machine, by scale: `report` (every report,
 * table or --json) and `help` against their floors, `log` against read+parse+write, `table` a
 * human table against the same command's --json (every scale), `memory` the peak against the
 * floor's peak. `pulse` keeps its own: it loads language libraries the floor does not. `due` (rel
 * due from its summary, the journal unchanged since the last write) is a report at S; at M, under
 * half the floor: what not parsing the whole file is for.
 */
const TARGETS = {
  T: { table: 1.1 },
  S: { report: 1.3, due: 1.3, log: 1.4, help: 1.5, pulse: 2, table: 1.1 },
  M: { report: 1.15, due: 0.5, log: 1.3, pulse: 2, table: 1.1, memory: 1.3 },
  L: { table: 1.1, memory: 1.3 },
};
/** An unlocked encrypted command against the same command on the plain journal, at every scale. */
const UNLOCKED_TARGET = 1.3;

/** The width the human tables are laid out at (rel reads $COLUMNS when stdout is not a terminal). */
const COLUMNS = '100';

const BENCH_PASSPHRASE = 'benchmark passphrase';

const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: 'S,M' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'out') },
    quiet: { type: 'boolean', default: false },
  },
});
const scales = options.scale.split(',').map((s) => s.trim().toUpperCase());
for (const s of scales) if (!SCALES[s]) fail(`unknown scale "${s}"; use ${Object.keys(SCALES).join(', ')}`);
// The smallest first: S, what people have, heads the table.
const order = Object.keys(SCALES);
scales.sort((a, b) => order.indexOf(a) - order.indexOf(b));
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs "${options.runs}" is not a positive whole number`);
const only = options.only?.split(',').map((s) => s.trim());
const outDir = path.resolve(options.out);
const say = options.quiet ? () => {} : (text) => process.stderr.write(`${text}\n`);

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'main.cjs'))) fail('no build found: run `npm run build` first');

/** A clean environment: only what a shell always has, plus rel's own settings. */
const REMOVED = Object.keys(process.env).filter((k) => /^(NODE_|REL_|FORCE_COLOR|NO_COLOR|COLUMNS)/.test(k));
function cleanEnv(store) {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), REL_NOW: BENCH_NOW, COLUMNS };
  if (process.env.TZ) env.TZ = process.env.TZ;
  if (store) {
    env.REL_STORE = store;
    // What rel keeps outside the journal's folder (the summary rel due reads, the inbox's nudge)
    // stays in the run's own folder.
    env.XDG_STATE_HOME = path.join(path.dirname(store), 'state');
  }
  return env;
}

// Peak memory comes from GNU time (maximum resident set size of the child); without it, none.
const TIME = ['/usr/bin/time', '/bin/time'].find((t) => fs.existsSync(t));
const memoryFile = path.join(os.tmpdir(), `rel-bench-${process.pid}.mem`);

/**
 * One whole process: wall time in ms (spawn to exit), peak RSS in KB, and CPU time (user + system)
 * in ms, which a machine shared with other work disturbs less than wall time.
 */
function measure(args, env) {
  const command = TIME
    ? [TIME, '-f', '%M %U %S', '-o', memoryFile, process.execPath, ...args]
    : [process.execPath, ...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    fail(`\`${args.join(' ')}\` exited ${result.status}:\n${result.stderr}`);
  }
  if (!TIME) return { ms, peakKb: null, cpuMs: null };
  const [peakKb, user, system] = fs
    .readFileSync(memoryFile, 'utf8')
    .trim()
    .split('\n')
    .pop()
    .split(' ')
    .map(Number);
  return { ms, peakKb, cpuMs: (user + system) * 1000 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The rel commands this build has, read from its own --help. */
function availableCommands() {
  const help = spawnSync(process.execPath, [BIN, '--help'], { env: cleanEnv(), encoding: 'utf8' }).stdout;
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return new Set([...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]));
}

/** Journals are cached under out/, keyed by the generator's source: a changed generator remakes them. */
function journalFor(scale) {
  const source = fs.readFileSync(path.join(import.meta.dirname, 'generate.mjs'));
  const key = createHash('sha256').update(source).digest('hex').slice(0, 10);
  const file = path.join(outDir, 'journals', `${scale}-${key}.json`);
  const infoFile = `${file}.info`;
  if (fs.existsSync(file) && fs.existsSync(infoFile)) return JSON.parse(fs.readFileSync(infoFile, 'utf8'));
  say(`generating the ${scale} journal…`);
  const info = writeJournal(scale, file);
  fs.writeFileSync(infoFile, JSON.stringify(info));
  return info;
}

/**
 * One pairing: `a` (the floor, or a table's --json) and `b` (the command) run in turn, A B A B,
 * after one warm-up of each, so that the machine's load drifts alike over both; the ratio is taken
 * pair by pair, and its median, min and max reported.
 */
function pairRuns(a, b) {
  const pairs = [];
  for (let round = -1; round < runs; round++) {
    const pair = [a, b].map((subject) => {
      if (subject.writes) subject.restore();
      subject.before?.();
      return measure(subject.args, subject.env);
    });
    if (round >= 0) pairs.push(pair);
  }
  return pairs;
}

function benchScale(scale, have) {
  const journal = journalFor(scale);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `rel-bench-${scale}-`));
  const scratch = path.join(work, 'journal.json');
  const restore = () => {
    fs.copyFileSync(journal.file, scratch);
    fs.chmodSync(scratch, 0o600);
  };
  restore();
  // A user's journal is the one rel's last write left: the summary beside it names that version
  // and says rel laid it out, so rel trusts its shape, knows its hash and can compare its lines
  // list by list, and undo data is kept beside it. Each write run starts from there (one untimed
  // rel log after the copy, of a conversation two days before), not from a file no rel has
  // written; the floor's runs need only the copy.
  const restoreSettled = () => {
    restore();
    const settle = ['log', journal.profileName, '--no-input', '--kind', 'call', '--date', '2026-11-25'];
    spawnSync(process.execPath, [BIN, ...settle], { env: cleanEnv(scratch), stdio: 'ignore' });
  };
  // An encrypted copy, made once per scale by rel encrypt itself. Each run starts from it as a
  // user's encrypted journal is after rel's own last write: the copy, then the same untimed rel
  // log as restoreSettled's (its stamp, sealed with the key in the state folder, names that version).
  const sealedSource = path.join(work, 'sealed-source.json');
  const sealed = path.join(work, 'sealed.json');
  const restoreSealed = () => {
    fs.copyFileSync(sealedSource, sealed);
    const settle = ['log', journal.profileName, '--no-input', '--kind', 'call', '--date', '2026-11-25'];
    const env = { ...cleanEnv(sealed), REL_PASSPHRASE: BENCH_PASSPHRASE };
    spawnSync(process.execPath, [BIN, ...settle], { env, stdio: 'ignore' });
  };

  const selected = (c) => (!c.needs || have.has(c.needs)) && (!only || only.includes(c.label.split(' ')[0]));
  const commands = COMMANDS.filter((c) => selected(c) && !c.partnerOnly);
  if (commands.some((c) => c.encrypted)) {
    fs.copyFileSync(journal.file, sealedSource);
    fs.chmodSync(sealedSource, 0o600);
    measure([BIN, 'encrypt'], { ...cleanEnv(sealedSource), REL_PASSPHRASE: BENCH_PASSPHRASE });
    restoreSealed();
  }
  // The agent's folder is the run's own; the agent is started once and locked at the end.
  const agentEnv = { ...cleanEnv(sealed), XDG_RUNTIME_DIR: path.join(work, 'run') };
  const unlocking = commands.some((c) => c.unlocked);
  if (unlocking) {
    fs.mkdirSync(agentEnv.XDG_RUNTIME_DIR, { mode: 0o700 });
    measure([BIN, 'unlock', '--for', '12h'], { ...agentEnv, REL_PASSPHRASE: BENCH_PASSPHRASE });
  }
  const floorSubject = (f) => ({
    label: FLOORS[f].label,
    args: FLOORS[f].args(scratch),
    env: cleanEnv(),
    writes: f === 'write',
    restore,
  });
  // What `rel inbox` keeps for rel due (src/store/calendar-cache.ts names it by the journal's
  // path): 20 meetings, none logged, kept an hour before "now".
  const state = path.join(work, 'state');
  const calendarEnv = { XDG_STATE_HOME: state, REL_CALENDAR: path.join(work, 'calendar.ics') };
  const removeSummaries = () => {
    const folder = path.join(state, 'rel');
    if (!fs.existsSync(folder)) return;
    for (const name of fs.readdirSync(folder))
      if (/^due-.*\.json$/.test(name)) fs.rmSync(path.join(folder, name));
  };
  if (commands.some((c) => c.nudge)) {
    const key = createHash('sha256').update(fs.realpathSync(scratch)).digest('hex').slice(0, 16);
    fs.mkdirSync(path.join(state, 'rel'), { recursive: true, mode: 0o700 });
    const meetings = Array.from({ length: 20 }, (_, i) => ({
      id: `bench${String(i).padStart(3, '0')}`,
      seriesId: 'benchser',
      date: '2026-11-26',
      people: ['bench-person'],
    }));
    const at = new Date(Date.parse(`${BENCH_NOW}Z`) - 3_600_000).toISOString();
    fs.writeFileSync(
      path.join(state, 'rel', `inbox-${key}.json`),
      JSON.stringify({ version: 1, at, meetings }),
      { mode: 0o600 },
    );
  }
  const commandSubject = (c) => ({
    label: `rel ${c.label}`,
    args: [BIN, ...c.args(journal)],
    env: c.unlocked
      ? agentEnv
      : c.encrypted
        ? { ...cleanEnv(sealed), REL_PASSPHRASE: BENCH_PASSPHRASE }
        : { ...cleanEnv(scratch), ...(c.nudge ? calendarEnv : {}) },
    writes: Boolean(c.writes),
    restore: c.encrypted ? restoreSealed : restoreSettled,
    before: c.noSummary ? removeSummaries : undefined,
  });
  const targets = TARGETS[scale] ?? {};
  const pairings = commands.flatMap((c) => {
    const b = commandSubject(c);
    const own = [{ a: floorSubject(c.floor), b, floor: c.floor, target: targets[c.target] ?? null }];
    const json = c.json && COMMANDS.find((j) => j.label === c.json);
    if (json && have.has(json.needs)) own.push({ a: commandSubject(json), b, target: targets.table ?? null });
    const plain = c.plain && COMMANDS.find((p) => p.label === c.plain);
    if (plain) own.push({ a: commandSubject(plain), b, target: UNLOCKED_TARGET });
    return own;
  });

  const floorSamples = new Map();
  const results = pairings.map((pairing, i) => {
    say(`${scale}: ${pairing.b.label} against ${pairing.a.label} (${i + 1} of ${pairings.length})`);
    const pairs = pairRuns(pairing.a, pairing.b);
    if (pairing.floor) {
      const list = floorSamples.get(pairing.floor) ?? [];
      floorSamples.set(pairing.floor, [...list, ...pairs.map(([a]) => a)]);
    }
    const ratios = pairs.map(([a, b]) => b.ms / a.ms);
    const side = (k) => pairs.map((p) => p[k]);
    const peakA = TIME ? Math.max(...side(0).map((s) => s.peakKb)) : null;
    const peakB = TIME ? Math.max(...side(1).map((s) => s.peakKb)) : null;
    return {
      command: pairing.b.label,
      against: pairing.a.label,
      pairs: pairs.length,
      medianMs: Math.round(median(side(1).map((s) => s.ms))),
      againstMs: Math.round(median(side(0).map((s) => s.ms))),
      runsMs: pairs.map(([a, b]) => [Math.round(a.ms), Math.round(b.ms)]),
      ratio: round2(median(ratios)),
      minRatio: round2(Math.min(...ratios)),
      maxRatio: round2(Math.max(...ratios)),
      target: pairing.target,
      peakKb: peakB,
      againstPeakKb: peakA,
      memoryRatio: peakA && peakB ? round2(peakB / peakA) : null,
      memoryTarget: pairing.floor ? (targets.memory ?? null) : null,
      cpuMs: TIME ? Math.round(median(side(1).map((s) => s.cpuMs))) : null,
      cpuRatio: TIME ? round2(median(pairs.map(([a, b]) => b.cpuMs / Math.max(a.cpuMs, 1)))) : null,
    };
  });
  if (unlocking) measure([BIN, 'lock'], agentEnv);
  fs.rmSync(work, { recursive: true, force: true });

  const floors = Object.fromEntries(
    [...floorSamples].map(([f, list]) => [
      f,
      {
        label: FLOORS[f].label,
        medianMs: Math.round(median(list.map((s) => s.ms))),
        peakKb: TIME ? Math.max(...list.map((s) => s.peakKb)) : null,
      },
    ]),
  );
  const { file: _file, ...shape } = journal;
  return { scale, journal: shape, floors, results };
}

const round2 = (n) => Math.round(n * 100) / 100;
const mb = (kb) => (kb === null ? '–' : `${Math.round(kb / 1024)}`);
const times = (n) => (n === null ? '–' : n.toFixed(2));
const within = (n) => (n === null ? '–' : `≤ ${n}`);

function table(report) {
  const rows = [
    [
      'scale',
      'command',
      'against',
      'median ms',
      'against ms',
      '× (paired)',
      'min–max',
      'target',
      'peak MB',
      '× peak',
      'target',
      'cpu ms',
      '× cpu',
    ],
  ];
  for (const s of report.scales) {
    for (const r of s.results) {
      rows.push([
        s.scale,
        r.command,
        r.against,
        String(r.medianMs),
        String(r.againstMs),
        times(r.ratio),
        `${times(r.minRatio)}–${times(r.maxRatio)}`,
        within(r.target),
        mb(r.peakKb),
        times(r.memoryRatio),
        within(r.memoryTarget),
        r.cpuMs === null ? '–' : String(r.cpuMs),
        times(r.cpuRatio),
      ]);
    }
  }
  const right = (i) => i >= 3;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) =>
    `| ${r.map((cell, i) => (right(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

function journals(report) {
  return report.scales
    .map((s) => {
      const j = s.journal;
      const floorPeak = Object.values(s.floors)
        .map((f) => `${f.label} ${f.medianMs} ms, ${mb(f.peakKb)} MB`)
        .join('; ');
      return `${s.scale}: ${j.people} people, ${j.conversations} conversations, ${j.followUps} follow-ups, ${(j.bytes / 1e6).toFixed(1)} MB; floors: ${floorPeak}`;
    })
    .join('\n');
}

const have = availableCommands();
const report = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  runs,
  environment: `clean: only PATH, HOME, TZ, COLUMNS=${COLUMNS} and REL_*; unset: ${REMOVED.join(', ') || 'nothing needed unsetting'}`,
  memory: TIME ? 'peak resident set size from GNU time' : 'not measured (no /usr/bin/time)',
  scales: scales.map((s) => benchScale(s, have)),
};
fs.mkdirSync(outDir, { recursive: true });
const stamp = report.date.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(outDir, `bench-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `rel benchmark, ${report.date.slice(0, 10)}, node ${report.node}, ${report.cpus}, ${runs} paired runs (A B A B after a warm-up of each); × is the median of the pair-by-pair ratios\n` +
    `environment ${report.environment}\n${journals(report)}\n\n${table(report)}\n\n` +
    `written to ${path.relative(process.cwd(), path.join(outDir, 'latest.json')) || 'latest.json'}\n`,
);
fs.rmSync(memoryFile, { force: true });
