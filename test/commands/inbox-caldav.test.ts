// rel inbox (in-process) from a real CalDAV server: Radicale (Debian's package), started here on a loopback
// port with a throwaway collection. Skipped, saying why, where Radicale is not installed.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE, PEOPLE } from '../helpers/calendars.js';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import type { RunOptions } from '../helpers/rel.js';
import { bytesOf, readJson, rel, tempDir, tempStore } from '../helpers/run.js';

const installed = spawnSync('radicale', ['--version'], { encoding: 'utf8' }).status === 0;
if (!installed) {
  console.warn(
    'Skipping the CalDAV tests: Radicale is not installed (apt-get install radicale; .ci/run does).',
  );
}

const USER = 'me';
const PASSWORD = 'radicale-test-password';
let radicale: ChildProcess | undefined;
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

/** One VCALENDAR per UID (a series with its moved occurrences), with the zones: as CalDAV keeps them. */
function byUid(ics: string): Map<string, string> {
  const lines = ics.split('\r\n');
  const head: string[] = [];
  const zones: string[] = [];
  const events = new Map<string, string[]>();
  let block: string[] | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VTIMEZONE' || line === 'BEGIN:VEVENT') block = [line];
    else if (block) {
      block.push(line);
      if (line === 'END:VTIMEZONE') {
        zones.push(...block);
        block = undefined;
      } else if (line === 'END:VEVENT') {
        const uid = block.find((l) => l.startsWith('UID:'))!.slice(4);
        events.set(uid, [...(events.get(uid) ?? []), ...block]);
        block = undefined;
      }
    } else if (line && line !== 'END:VCALENDAR' && !line.startsWith('METHOD')) head.push(line);
  }
  return new Map(
    [...events].map(([uid, event]) => [uid, [...head, ...zones, ...event, 'END:VCALENDAR', ''].join('\r\n')]),
  );
}

/** An event a year before the window: the time-range query must leave it on the server. */
const OLD = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//rel tests//EN',
  'BEGIN:VEVENT',
  'UID:long-ago@example.com',
  'DTSTAMP:20251101T090000Z',
  'DTSTART:20251103T100000Z',
  'DTEND:20251103T110000Z',
  'SUMMARY:Long ago with Ana',
  'ATTENDEE;CN=Ana Silva;PARTSTAT=ACCEPTED:mailto:ana@example.com',
  'ATTENDEE;CN=me;PARTSTAT=ACCEPTED:mailto:me@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

async function dav(method: string, url: string, body?: string): Promise<number> {
  const response = await fetch(url, {
    method,
    headers: { authorization: auth, 'content-type': 'text/calendar; charset=utf-8' },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  if (!installed) return;
  const folder = tempDir('radicale');
  const port = await freePort();
  fs.writeFileSync(path.join(folder, 'users'), `${USER}:${PASSWORD}\n`);
  fs.writeFileSync(
    path.join(folder, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${path.join(folder, 'users')}`,
      'htpasswd_encryption = plain',
      '[storage]',
      `filesystem_folder = ${path.join(folder, 'collections')}`,
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  radicale = spawn('radicale', ['--config', path.join(folder, 'config')], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`${base}/`, { headers: { authorization: auth } });
      break;
    } catch (error) {
      if (tries > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  expect(await dav('MKCALENDAR', `${base}/${USER}/work/`)).toBe(201);
  for (const [uid, text] of [...byUid(GOOGLE), ['long-ago@example.com', OLD] as const]) {
    expect(await dav('PUT', `${base}/${USER}/work/${encodeURIComponent(uid)}.ics`, text)).toBe(201);
  }
}, 120_000);

afterAll(() => {
  radicale?.kill();
});

function setup(tag: string) {
  const store = tempStore(tag);
  const o: RunOptions = {
    store,
    now: '2026-11-27T12:00:00',
    env: { TZ: 'Europe/London', REL_ME: 'me@example.com', REL_CALDAV_PASSWORD: PASSWORD },
  };
  const people = PEOPLE.map(([name, , email], i) =>
    person(`p${i}`, name!, { createdAt: '2026-10-01T09:00:00.000Z', ...(email ? { emails: [email] } : {}) }),
  );
  writeJournal(store, journalText(people));
  const state = path.join(path.dirname(path.dirname(store)), 'state', 'rel');
  return { store, o, state };
}

describe.skipIf(!installed)('rel inbox from CalDAV (Radicale)', { timeout: 240_000 }, () => {
  it('lists and logs the events put there, reading only the window', async () => {
    const { o, store, state } = setup('caldav');
    const calendar = `caldav+${base.replace('//', `//${USER}@`)}/${USER}/work/`;
    const file = path.join(path.dirname(store), 'google.ics');
    fs.writeFileSync(file, GOOGLE);
    const args = ['inbox', '--json', '--since', '2026-11-01'];
    const fromFile = await rel([...args, '--calendar', file], o);
    const fromDav = await rel([...args, '--calendar', calendar], o);
    expect(fromDav.stderr).toBe('');
    expect(fromDav.code).toBe(0);
    const rows = JSON.parse(fromDav.stdout) as { id: string; title: string }[];
    expect(rows.length).toBeGreaterThan(20);
    expect(rows).toEqual(JSON.parse(fromFile.stdout));
    // The account's address finds the calendar too.
    const account = await rel([...args, '--calendar', `caldav+${base.replace('//', `//${USER}@`)}/`], o);
    expect(JSON.parse(account.stdout)).toEqual(rows);
    // Only the window came over: the copy kept has the events of November, not last year's.
    const cache = fs.readdirSync(state).find((f) => f.endsWith('.cache'))!;
    const copy = readJson(path.join(state, cache)) as { texts: string[] };
    expect(copy.texts.some((t) => t.includes('1on1-ana@google.com'))).toBe(true);
    expect(copy.texts.some((t) => t.includes('long-ago@example.com'))).toBe(false);
    expect(JSON.stringify(copy)).not.toContain(PASSWORD);

    const one = rows.find((r) => r.title === 'Ana <> Me 1:1')!;
    const logged = await rel(['inbox', 'log', one.id, '--calendar', calendar, '--note', 'Roadmap'], o);
    expect(logged.code).toBe(0);
    expect(logged.stdout).toContain('Logged');
    const journal = readJson(store);
    expect(journal.conversations).toHaveLength(1);
    expect(journal.conversations[0]).toMatchObject({ eventId: one.id, note: 'Roadmap' });
  });

  it('a wrong password is exit 1 naming the host; no password at all, and no terminal, is exit 2', async () => {
    const { o, store } = setup('caldav-password');
    const calendar = `caldav+${base.replace('//', `//${USER}@`)}/${USER}/work/`;
    const before = bytesOf(store);
    const wrong = await rel(['inbox', '--calendar', calendar], {
      ...o,
      env: { ...o.env, REL_CALDAV_PASSWORD: 'not it' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/The calendar at 127\.0\.0\.1:\d+ answered 401/);
    expect(wrong.stderr).not.toContain('/work/');
    const none = await rel(['inbox', '--calendar', calendar], {
      ...o,
      env: { ...o.env, REL_CALDAV_PASSWORD: undefined },
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('REL_CALDAV_PASSWORD');
    expect(bytesOf(store)).toEqual(before);
  });
});
