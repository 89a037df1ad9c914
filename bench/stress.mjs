// npm run stress (not part of npm test): many rel writers at once on one journal under 1 MB,
// some of them killed (SIGKILL) at random moments, trial after trial. After each trial the
// journal must be valid and hold every change whose command exited 0; a killed command's change
// is there whole or not at all. Prints writers, trials, kills and entries lost per row.
//   node bench/stress.mjs [--writers 20,50,100] [--trials 10]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../bin/rel.js');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const WRITERS = arg('writers', '20,50,100').split(',').map(Number);
const TRIALS = Number(arg('trials', '10'));
const PEOPLE = ['Ana Silva', 'Bo Chen', 'Cy Diaz', 'Di Evans', 'Ed Fox', 'Flo Gray', 'Gus Hill'];
const slug = (name) => name.toLowerCase().replace(' ', '-');

const env = {
  ...process.env,
  REL_NOW: '2026-11-27T12:00:00',
  XDG_CONFIG_HOME: path.join(os.tmpdir(), 'rel-stress-no-config'),
};
for (const key of Object.keys(env)) if (key.startsWith('REL_') && key !== 'REL_NOW') delete env[key];

function rel(store, args) {
  const r = spawnSync(process.execPath, [BIN, '--store', store, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rel ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A journal of 7 people and some 900 conversations written by rel: about 600 KB. */
function seed() {
  const store = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rel-stress-seed-')), 'journal.json');
  for (const name of PEOPLE) rel(store, ['add', name]);
  rel(store, ['log', 'ana', '--note', 'seed', '--heard', 'something they said']);
  const journal = JSON.parse(fs.readFileSync(store, 'utf8'));
  const [first] = journal.conversations;
  for (let i = 0; i < 900; i++) {
    journal.conversations.push({
      ...first,
      id: `seed${i.toString(16).padStart(8, '0')}`,
      with: [slug(PEOPLE[i % PEOPLE.length])],
      note: `seed conversation ${i} ${'about the roadmap and the team, '.repeat(12)}`,
    });
  }
  fs.writeFileSync(store, `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
  rel(store, ['edit', 'ana', '--role', 'seeded']); // written once by rel, as rel lays it out
  return fs.readFileSync(store);
}

function commandFor(i) {
  const who = slug(PEOPLE[i % PEOPLE.length]);
  switch (i % 4) {
    case 0:
      return { kind: 'log', token: `log-${i}`, args: ['log', who, '--note', `log-${i}`] };
    case 1:
      return { kind: 'add', token: `Writer ${i}`, args: ['add', `Writer ${i}`] };
    case 2:
      return { kind: 'edit', token: `tag-${i}`, who, args: ['edit', who, '--add-tag', `tag-${i}`] };
    default:
      return { kind: 'note', token: `note-${i}`, args: ['note', who, `note-${i}`] };
  }
}

function present(journal, c) {
  if (c.kind === 'log') return journal.conversations.some((x) => x.note === c.token);
  if (c.kind === 'add') return journal.people.some((p) => p.name === c.token);
  if (c.kind === 'edit') return journal.people.find((p) => p.id === c.who).tags.includes(c.token);
  return JSON.stringify(journal.people).includes(`"${c.token}"`);
}

async function trial(seedBytes, writers) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rel-stress-'));
  const store = path.join(dir, 'journal.json');
  fs.writeFileSync(store, seedBytes, { mode: 0o600 });
  const commands = Array.from({ length: writers }, (_, i) => commandFor(i));
  let kills = 0;
  const outcomes = await Promise.all(
    commands.map(
      (c) =>
        new Promise((resolve) => {
          const child = spawn(process.execPath, [BIN, '--store', store, ...c.args], {
            env,
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (chunk) => {
            stderr += chunk;
          });
          let exited = false;
          // One writer in five is killed at a random moment of its run.
          if (Math.random() < 0.2) {
            setTimeout(() => {
              if (!exited && child.kill('SIGKILL')) kills++;
            }, Math.random() * 1500);
          }
          child.on('close', (code, signal) => {
            exited = true;
            resolve({ code, signal, stderr });
          });
        }),
    ),
  );
  const journal = JSON.parse(fs.readFileSync(store, 'utf8')); // throws if a kill broke the file
  let lost = 0;
  let failed = 0;
  let timedOut = 0;
  commands.forEach((c, i) => {
    const { code, stderr } = outcomes[i];
    if (code === 0 && !present(journal, c)) lost++;
    if (code !== 0 && code !== null) {
      if (/Could not lock the journal within/.test(stderr)) timedOut++;
      else {
        failed++;
        console.log(`  rel ${c.args.join(' ')}: exit ${code}: ${stderr.trim().split('\n')[0]}`);
      }
    }
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return { kills, lost, failed, timedOut, bytes: seedBytes.length };
}

const seedBytes = seed();
console.log(`journal: ${(seedBytes.length / 1024).toFixed(0)} KB; ${TRIALS} trials per row`);
console.log('writers | trials | killed | lock wait over (exit 1) | other failures | confirmed entries lost');
for (const writers of WRITERS) {
  let kills = 0;
  let lost = 0;
  let failed = 0;
  let timedOut = 0;
  for (let t = 0; t < TRIALS; t++) {
    const r = await trial(seedBytes, writers);
    kills += r.kills;
    lost += r.lost;
    failed += r.failed;
    timedOut += r.timedOut;
  }
  console.log(
    `${String(writers).padStart(7)} | ${String(TRIALS).padStart(6)} | ${String(kills).padStart(6)} | ${String(timedOut).padStart(23)} | ${String(failed).padStart(14)} | ${lost}`,
  );
}
