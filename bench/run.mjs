// `npm run bench`: times whole `rel` processes on generated journals against the floor a bare node
// needs for the same work, measured in the same run. Prints a table and writes it as JSON.
//
//   npm run bench                         S and M, 5 runs each
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
 * `writes` restores the journal before each run so that every run sees the same file.
 */
const COMMANDS = [
  { label: '--help', args: () => ['--help'], floor: 'node', target: 1.6 },
  { label: 'due --json', needs: 'due', args: () => ['due', '--json'], floor: 'read', target: 1.25 },
  {
    label: 'profile --json',
    needs: 'profile',
    args: (j) => ['profile', j.profileName, '--json'],
    floor: 'read',
    target: 1.25,
  },
  { label: 'people --json', needs: 'people', args: () => ['people', '--json'], floor: 'read', target: 1.25 },
  {
    label: 'search --json',
    needs: 'search',
    args: () => ['search', 'marathon', '--json'],
    floor: 'read',
    target: 1.25,
  },
  { label: 'stats --json', needs: 'stats', args: () => ['stats', '--json'], floor: 'read', target: 1.25 },
  // Loads the language libraries and reads the last four weeks' notes; it keeps its themes in a
  // small file beside the journal, which the journal's own restore between runs does not need.
  { label: 'pulse --json', needs: 'pulse', args: () => ['pulse', '--json'], floor: 'read', target: 2 },
  {
    label: 'log',
    needs: 'log',
    args: (j) => [
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
    ],
    floor: 'write',
    target: 1.3,
    writes: true,
  },
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
];

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
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs "${options.runs}" is not a positive whole number`);
const only = options.only?.split(',').map((s) => s.trim());
const outDir = path.resolve(options.out);
const say = options.quiet ? () => {} : (text) => process.stderr.write(`${text}\n`);

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) fail('no build found: run `npm run build` first');

/** A clean environment: only what a shell always has, plus rel's own settings. */
const REMOVED = Object.keys(process.env).filter((k) => /^(NODE_|REL_|FORCE_COLOR|NO_COLOR)/.test(k));
function cleanEnv(store) {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), REL_NOW: BENCH_NOW };
  if (process.env.TZ) env.TZ = process.env.TZ;
  if (store) env.REL_STORE = store;
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

function benchScale(scale, have) {
  const journal = journalFor(scale);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `rel-bench-${scale}-`));
  const scratch = path.join(work, 'journal.json');
  const restore = () => {
    fs.copyFileSync(journal.file, scratch);
    fs.chmodSync(scratch, 0o600);
  };
  restore();
  // An encrypted copy, made once per scale by rel encrypt itself.
  const sealedSource = path.join(work, 'sealed-source.json');
  const sealed = path.join(work, 'sealed.json');
  const restoreSealed = () => fs.copyFileSync(sealedSource, sealed);

  const commands = COMMANDS.filter(
    (c) => (!c.needs || have.has(c.needs)) && (!only || only.includes(c.label.split(' ')[0])),
  );
  if (commands.some((c) => c.encrypted)) {
    fs.copyFileSync(journal.file, sealedSource);
    fs.chmodSync(sealedSource, 0o600);
    measure([BIN, 'encrypt'], { ...cleanEnv(sealedSource), REL_PASSPHRASE: BENCH_PASSPHRASE });
    restoreSealed();
  }
  const floors = [...new Set(commands.map((c) => c.floor))];
  // Each timed thing, floors first; a run goes through all of them in turn, so that drift in the
  // machine's load touches every command alike.
  const subjects = [
    ...floors.map((f) => ({
      key: `floor:${f}`,
      args: FLOORS[f].args(scratch),
      env: cleanEnv(),
      writes: f === 'write',
      restore,
    })),
    ...commands.map((c) => ({
      key: c.label,
      args: [BIN, ...c.args(journal)],
      env: c.encrypted ? { ...cleanEnv(sealed), REL_PASSPHRASE: BENCH_PASSPHRASE } : cleanEnv(scratch),
      writes: Boolean(c.writes),
      restore: c.encrypted ? restoreSealed : restore,
    })),
  ];
  const samples = new Map(subjects.map((s) => [s.key, []]));
  for (let round = -1; round < runs; round++) {
    say(`${scale}: ${round < 0 ? 'warm-up' : `run ${round + 1} of ${runs}`}`);
    for (const subject of subjects) {
      if (subject.writes) subject.restore();
      const sample = measure(subject.args, subject.env);
      if (round >= 0) samples.get(subject.key).push(sample);
    }
  }
  fs.rmSync(work, { recursive: true, force: true });

  const summary = (key) => {
    const list = samples.get(key);
    return {
      medianMs: Math.round(median(list.map((s) => s.ms))),
      runsMs: list.map((s) => Math.round(s.ms)),
      peakKb: TIME ? Math.max(...list.map((s) => s.peakKb)) : null,
      cpuMs: TIME ? Math.round(median(list.map((s) => s.cpuMs))) : null,
    };
  };
  const floorResults = Object.fromEntries(
    floors.map((f) => [f, { label: FLOORS[f].label, ...summary(`floor:${f}`) }]),
  );
  const results = commands.map((c) => {
    const own = summary(c.label);
    const floor = floorResults[c.floor];
    return {
      command: `rel ${c.label}`,
      ...own,
      floor: floor.label,
      floorMs: floor.medianMs,
      ratio: round2(own.medianMs / floor.medianMs),
      target: c.target ?? null,
      memoryRatio: own.peakKb && floor.peakKb ? round2(own.peakKb / floor.peakKb) : null,
      floorCpuMs: floor.cpuMs,
      cpuRatio: own.cpuMs && floor.cpuMs ? round2(own.cpuMs / floor.cpuMs) : null,
    };
  });
  const { file: _file, ...shape } = journal;
  return { scale, journal: shape, floors: floorResults, results };
}

const round2 = (n) => Math.round(n * 100) / 100;
const mb = (kb) => (kb === null ? '–' : `${Math.round(kb / 1024)}`);

function table(report) {
  const rows = [
    [
      'scale',
      'command',
      'median ms',
      'floor',
      'floor ms',
      '× floor',
      'target',
      'peak MB',
      '× floor peak',
      'cpu ms',
      '× floor cpu',
    ],
  ];
  for (const s of report.scales) {
    for (const r of s.results) {
      rows.push([
        s.scale,
        r.command,
        String(r.medianMs),
        r.floor,
        String(r.floorMs),
        r.ratio.toFixed(2),
        r.target ? `≤ ${r.target}` : '–',
        mb(r.peakKb),
        r.memoryRatio === null ? '–' : r.memoryRatio.toFixed(2),
        r.cpuMs === null ? '–' : String(r.cpuMs),
        r.cpuRatio === null ? '–' : r.cpuRatio.toFixed(2),
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) =>
    `| ${r.map((cell, i) => (i >= 2 && i !== 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i >= 2 && i !== 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

function journals(report) {
  return report.scales
    .map((s) => {
      const j = s.journal;
      const floorPeak = Object.values(s.floors)
        .map((f) => `${f.label} ${mb(f.peakKb)} MB`)
        .join(', ');
      return `${s.scale}: ${j.people} people, ${j.conversations} conversations, ${j.followUps} follow-ups, ${(j.bytes / 1e6).toFixed(1)} MB; floor peaks: ${floorPeak}`;
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
  environment: `clean: only PATH, HOME, TZ and REL_*; unset: ${REMOVED.join(', ') || 'nothing needed unsetting'}`,
  memory: TIME ? 'peak resident set size from GNU time' : 'not measured (no /usr/bin/time)',
  scales: scales.map((s) => benchScale(s, have)),
};
fs.mkdirSync(outDir, { recursive: true });
const stamp = report.date.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(outDir, `bench-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `rel benchmark, ${report.date.slice(0, 10)}, node ${report.node}, ${report.cpus}, median of ${runs} runs\n` +
    `environment ${report.environment}\n${journals(report)}\n\n${table(report)}\n\n` +
    `written to ${path.relative(process.cwd(), path.join(outDir, 'latest.json')) || 'latest.json'}\n`,
);
fs.rmSync(memoryFile, { force: true });
