// Deterministic journals for the benchmark: ten years of history at a few scales. The same scale
// always gives the same bytes (a seeded generator, no clock, no Math.random), so runs compare.
import fs from 'node:fs';
import path from 'node:path';

export const SCALES = {
  // T is for the test suite: enough to exercise every command, quick to make.
  T: { people: 12, conversations: 60 },
  S: { people: 200, conversations: 5_000 },
  M: { people: 1_000, conversations: 50_000 },
  L: { people: 5_000, conversations: 200_000 },
};

/** The day the generated history ends; the benchmark runs rel with REL_NOW set to it. */
export const BENCH_NOW = '2026-11-27T12:00:00';
const YEARS = 10;
const DAY_MS = 86_400_000;

/** mulberry32: a tiny seeded PRNG, good enough for test data and identical on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = (
  'Ana Ben Chloe Dev Emma Farid Grace Hugo Ines Jon Kim Leo Maya Nia Omar Pia Quinn Rosa Sam Tariq Uma Vera ' +
  'Wes Xena Yusuf Zoe Amir Bea Carlos Dana Eli Fatima Gus Hana Ivan Jade Kofi Lena Milo Noor Oscar Priya ' +
  'Raj Sara Theo Ugo Vik Wanda Yara Zane Aiko Boris Cleo Diego Erin Finn Gita Hal Iris Jules'
).split(' ');
const LAST = (
  'Silva Okafor Chen Patel Novak Garcia Smith Kowalski Haddad Tanaka Müller Rossi Dubois Jensen Costa ' +
  'Nguyen Kim Ahmed Olsen Ivanova Moreau Lopez Brown Sato Fischer Khan Romero Berg Walsh Popescu Mendes ' +
  'Park Weber Larsen Ortiz Reyes Hughes Kaur Bauer Lindqvist Mwangi Santos Horvat Nakamura Ali Byrne ' +
  'Schulz Petrov Vargas Eriksen Quinn Adeyemi Laurent Sousa Varga Yilmaz Abbott Bianchi Cruz Dalton ' +
  'Engel Ferreira Gallo Hart Ito Jovanovic Keller Lund Marsh Nilsen Owusu Pereira Rahman Stone Toivonen ' +
  'Urban Vidal Wolfe Young Zielinski Ayala Becker Castro Doyle Evans Fox Grant Hale Ibsen Jordan Kerr ' +
  'Lowe Meyer Nash Oakes Price Ruiz Shaw Todd'
).split(' ');
const WORDS = (
  'roadmap on-call hiring budget launch migration review feedback promotion design offsite team ' +
  'customer latency incident retro planning quarter goals mentoring conference talk training ' +
  'architecture database release onboarding metrics dashboard deadline scope estimate risk ' +
  'dependency vendor contract security audit compliance workshop prototype experiment pricing ' +
  'support escalation handover rotation burnout holiday family garden marathon guitar cooking ' +
  'photography climbing chess novel podcast volunteering school move house wedding baby parents ' +
  'the a with about and for from into over under after before during because while although ' +
  'worried excited unsure keen tired proud frustrated curious hopeful stretched'
).split(' ');
const KINDS = ['1:2:1', '1:2:1', '1:2:1', 'coffee', 'call', 'meeting', 'walk', 'message'];
const ROLES = ['Engineer', 'Senior Engineer', 'Staff Engineer', 'Designer', 'Product Manager', 'Analyst'];
const TEAMS = ['Platform', 'Payments', 'Growth', 'Mobile', 'Data', 'Infra', 'Search', 'Identity'];
const RELATIONSHIPS = ['report', 'report', 'peer', 'stakeholder', 'manager', 'mentor', 'friend'];
const TAGS = ['platform', 'leadership', 'remote', 'new', 'mentee', 'exec', 'oncall'];

function slugify(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A journal of the current schema (2) with every field rel writes, as rel itself would have left
 * it after ten years of use: a benchmark of an older schema would time its one-off upgrade.
 */
export function generateJournal(scaleName) {
  const scale = SCALES[scaleName];
  if (!scale) throw new Error(`unknown scale ${scaleName}; use one of ${Object.keys(SCALES).join(', ')}`);
  const rand = random(0x5eed ^ scale.people ^ (scale.conversations << 3));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const half = () =>
    Math.floor(rand() * 2 ** 24)
      .toString(16)
      .padStart(6, '0');
  const hex = () => half() + half();
  const sentence = (lo, hi) => {
    const words = Array.from({ length: int(lo, hi) }, () => pick(WORDS));
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const end = Date.parse(`${BENCH_NOW}Z`);
  const start = end - YEARS * 365 * DAY_MS;
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

  // Every first-last pair once, in a seeded order: names never collide.
  const pairs = FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`));
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  if (scale.people > pairs.length) throw new Error(`at most ${pairs.length} people`);

  const people = pairs.slice(0, scale.people).map((name) => {
    const created = start + Math.floor(rand() * 365 * DAY_MS);
    const addedOn = isoDay(created);
    const notes = (n, more) =>
      Array.from({ length: n }, () => ({ id: hex(), text: sentence(3, 8), addedOn, ...more }));
    return {
      id: slugify(name),
      name,
      aliases: rand() < 0.1 ? [name.split(' ')[0].slice(0, 3)] : [],
      role: pick(ROLES),
      team: pick(TEAMS),
      relationship: pick(RELATIONSHIPS),
      tags: rand() < 0.5 ? [pick(TAGS)] : [],
      cadenceDays: pick([null, null, 7, 14, 30, 91]),
      ambitions: notes(int(0, 3), {
        status: 'active',
        lastDiscussedOn: addedOn,
        statusChangedOn: null,
        conversationId: null,
      }),
      skills: notes(int(0, 3), { conversationId: null }),
      notes: notes(int(0, 2)),
      askNext: [],
      snoozedUntil: null,
      createdAt: new Date(created).toISOString(),
      archivedAt: rand() < 0.03 ? new Date(end - int(1, 300) * DAY_MS).toISOString() : null,
    };
  });

  // Some people are seen far more often than others (a report weekly, a stakeholder yearly).
  const somebody = () => people[Math.floor(rand() ** 2 * people.length)].id;
  const days = Array.from(
    { length: scale.conversations },
    () => start + Math.floor(rand() * YEARS * 365) * DAY_MS,
  );
  days.sort((a, b) => a - b);
  const conversations = [];
  const followUps = [];
  for (const day of days) {
    const size = rand() < 0.85 ? 1 : rand() < 0.8 ? 2 : 3;
    const withIds = [...new Set(Array.from({ length: size }, somebody))];
    const createdAt = new Date(day + 17 * 3_600_000 + int(0, 3_599_999)).toISOString();
    const conversation = {
      id: hex(),
      date: isoDay(day),
      with: withIds,
      kind: pick(KINDS),
      minutes: rand() < 0.8 ? pick([15, 20, 30, 45, 60]) : null,
      note: Array.from({ length: int(2, 5) }, () => sentence(8, 16)).join(' '),
      heard: Array.from({ length: int(0, 2) }, () => sentence(6, 14)),
      createdAt,
      updatedAt: createdAt,
    };
    conversations.push(conversation);
    if (rand() < 0.3) {
      const old = end - day > 30 * DAY_MS;
      followUps.push({
        id: hex(),
        personId: withIds[0],
        conversationId: conversation.id,
        text: sentence(4, 9),
        owner: rand() < 0.8 ? 'me' : 'them',
        due: rand() < 0.3 ? isoDay(day + int(1, 30) * DAY_MS) : null,
        doneAt: old && rand() < 0.9 ? new Date(day + int(1, 20) * DAY_MS).toISOString() : null,
        createdAt,
      });
    }
  }
  for (const person of people) person.updatedAt = person.archivedAt ?? person.createdAt;
  for (const followUp of followUps) followUp.updatedAt = followUp.doneAt ?? followUp.createdAt;
  return { schema: 2, people, conversations, followUps, tombstones: [] };
}

/** The file as rel writes it: indented keys, one record per line. */
export function journalText(journal) {
  const parts = Object.entries(journal).map(([key, value]) => {
    if (!Array.isArray(value) || value.length === 0)
      return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    return `  ${JSON.stringify(key)}: [\n${value.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}

/** Writes the scale's journal to `file` (mode 0600) and returns what the benchmark needs to know. */
export function writeJournal(scaleName, file) {
  const journal = generateJournal(scaleName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, journalText(journal), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  // The most-seen active person: the heaviest profile, and a realistic one to log against.
  const counts = new Map();
  for (const c of journal.conversations) for (const id of c.with) counts.set(id, (counts.get(id) ?? 0) + 1);
  const busiest = journal.people
    .filter((p) => !p.archivedAt)
    .reduce((a, b) => ((counts.get(b.id) ?? 0) > (counts.get(a.id) ?? 0) ? b : a));
  return {
    file,
    bytes: fs.statSync(file).size,
    people: journal.people.length,
    conversations: journal.conversations.length,
    followUps: journal.followUps.length,
    profileName: busiest.name,
  };
}
