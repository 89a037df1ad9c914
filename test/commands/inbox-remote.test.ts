// rel inbox from a calendar feed on the network, in-process: a local HTTP server (loopback only)
// stands in for Google's or Outlook's secret address. The address's path is the secret: it must never show.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE, PEOPLE } from '../helpers/calendars.js';
import { journalText, person, writeJournal } from '../helpers/journal.js';
import type { RunOptions } from '../helpers/rel.js';
import { bytesOf, type RunResult, rel, tempStore } from '../helpers/run.js';

const NOW = '2026-11-27T12:00:00';
const SECRET = 'private-8f3kq0c2/basic';

/** How the server answers the feed: the calendar (in UTF-8 or UTF-16), never, without end, or a sign-in page. */
let mode: 'calendar' | 'utf16' | 'cp1251' | 'latin1' | 'unlabelled' | 'silent' | 'endless' | 'html' =
  'calendar';
/** A summary in Cyrillic, for a feed in a charset its Content-Type names. */
const RUSSIAN = 'Встреча: Ana <> Me 1:1';
let requests = 0;
const server = http.createServer((req, res) => {
  requests++;
  if (!req.url?.includes(SECRET)) {
    res.writeHead(404).end();
    return;
  }
  if (mode === 'silent') return; // never answers
  if (mode === 'endless') {
    // No length given, and no end: refusing it means counting the bytes as they arrive.
    res.writeHead(200, { 'content-type': 'text/calendar' });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (res.write(chunk)) {}
      res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
    return;
  }
  if (mode === 'html') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>');
    return;
  }
  if (mode === 'utf16') {
    // As a Windows server may send an Outlook export: UTF-16LE after its byte order mark.
    res.writeHead(200, { 'content-type': 'text/calendar' }).end(Buffer.from(`\uFEFF${GOOGLE}`, 'utf16le'));
    return;
  }
  if (mode === 'unlabelled') {
    // Legacy bytes, and a Content-Type that names no charset.
    res
      .writeHead(200, { 'content-type': 'text/calendar' })
      .end(iconv.encode(GOOGLE.replace('Ana <> Me', 'Café <> Me'), 'windows-1252'));
    return;
  }
  if (mode === 'cp1251' || mode === 'latin1') {
    // As an older server sends its feed: in a legacy charset, named in the Content-Type only.
    const text = GOOGLE.replace('SUMMARY:Ana <> Me 1:1', `SUMMARY:${RUSSIAN}`);
    const charset = mode === 'cp1251' ? 'windows-1251' : 'ISO-8859-1';
    res
      .writeHead(200, { 'content-type': `text/calendar; charset="${charset}"` })
      .end(iconv.encode(mode === 'cp1251' ? text : GOOGLE.replace('Ana <> Me', 'Café <> Me'), charset));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/calendar' }).end(GOOGLE);
});
let feed = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar/ical/${SECRET}.ics`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function setup(tag: string) {
  const store = tempStore(tag);
  const root = path.dirname(path.dirname(store));
  const o: RunOptions = {
    store,
    now: NOW,
    env: { TZ: 'Europe/London', REL_ME: 'me@example.com', XDG_CONFIG_HOME: path.join(root, 'config') },
  };
  const people = PEOPLE.map(([name, , email], i) =>
    person(`p${i}`, name!, { createdAt: '2026-10-01T09:00:00.000Z', ...(email ? { emails: [email] } : {}) }),
  );
  writeJournal(store, journalText(people));
  return { store, root, state: path.join(root, 'state', 'rel'), o };
}

/** Every run's output, to check at the end that the secret never showed. */
const seen: string[] = [];
async function run(args: string[], o: RunOptions, env: Record<string, string> = {}): Promise<RunResult> {
  const r = await rel(args, { ...o, env: { ...o.env, ...env } });
  seen.push(r.stdout, r.stderr);
  return r;
}
async function ok(args: string[], o: RunOptions, env: Record<string, string> = {}): Promise<string> {
  const r = await run(args, o, env);
  if (r.code !== 0) throw new Error(`rel ${args.join(' ')} exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

const files = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);
const mode600 = (file: string) => fs.statSync(file).mode & 0o777;

describe('rel inbox from a calendar address', { timeout: 240_000 }, () => {
  it('reads a feed set with rel config set calendar, shown only as scheme and host', async () => {
    mode = 'calendar';
    const { o, root, state } = setup('remote-feed');
    expect((await ok(['config', 'set', 'calendar', feed], o)).trim()).toMatch(
      /^calendar = http:\/\/127\.0\.0\.1:\d+\/…$/,
    );
    const config = path.join(root, 'config', 'rel', 'config.json');
    expect(mode600(config)).toBe(0o600);
    expect(fs.readFileSync(config, 'utf8')).toContain(SECRET);
    expect((await ok(['config', 'get', 'calendar'], o)).trim()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…$/);
    const listed = JSON.parse(await ok(['config', 'list', '--json'], o)) as { key: string; value: string }[];
    expect(listed.find((s) => s.key === 'calendar')!.value).toMatch(/\/…$/);
    await ok(['config', 'list'], o);

    const rows = JSON.parse(await ok(['inbox', '--json', '--since', '2026-11-01'], o)) as { title: string }[];
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.some((r) => r.title === 'Ana <> Me 1:1')).toBe(true);
    // The same rows as from the file itself.
    const file = path.join(root, 'google.ics');
    fs.writeFileSync(file, GOOGLE);
    const fromFile = JSON.parse(
      await ok(['inbox', '--json', '--since', '2026-11-01', '--calendar', file], o),
    );
    expect(rows).toEqual(fromFile);

    // The copy kept for offline use, private; the nudge beside it.
    const kept = files(state);
    expect(kept.filter((f) => f.endsWith('.cache'))).toHaveLength(1);
    for (const f of kept) expect(mode600(path.join(state, f))).toBe(0o600);
    expect(kept.join(' ')).not.toContain(SECRET.split('/')[0]);
  });

  it('a copy for offline use that cannot be written leaves the listing whole, with a warning', async () => {
    mode = 'calendar';
    const { o, root } = setup('remote-state-blocked');
    const listed = await ok(['inbox', '--json', '--since', '2026-11-01', '--calendar', feed], o);
    const blocked = path.join(root, 'state-is-a-file');
    fs.writeFileSync(blocked, '');
    const r = await run(['inbox', '--json', '--since', '2026-11-01', '--calendar', feed], o, {
      XDG_STATE_HOME: blocked,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(listed);
    expect(r.stderr).toContain(
      'rel: warning: the copy of the calendar kept for offline use could not be written (',
    );
    expect(r.stderr).not.toContain(SECRET);
  });

  it('reads a feed sent in UTF-16 as the same feed in UTF-8', async () => {
    mode = 'calendar';
    const { o } = setup('remote-utf16');
    const utf8 = await ok(['inbox', '--json', '--since', '2026-11-01', '--calendar', feed], o);
    mode = 'utf16';
    const r = await run(['inbox', '--json', '--since', '2026-11-01', '--calendar', feed], o);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(utf8));
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(20);
  });

  it('reads a feed in the legacy charset its Content-Type names, not as windows-1252', async () => {
    const { o } = setup('remote-cp1251');
    mode = 'cp1251';
    const r = await run(['inbox', '--json', '--since', '2026-11-01', '--calendar', feed], o);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const titles = (JSON.parse(r.stdout) as { title: string }[]).map((row) => row.title);
    expect(titles).toContain(RUSSIAN);
    // ISO-8859-1 as labelled (read as windows-1252, as browsers do): an accent comes through.
    mode = 'latin1';
    const latin = JSON.parse(await ok(['inbox', '--json', '--since', '2026-11-01', '--calendar', feed], o));
    expect((latin as { title: string }[]).map((row) => row.title)).toContain('Café <> Me 1:1');
    // Labelled with no charset: read as windows-1252, and said, as for a file (the host alone).
    mode = 'unlabelled';
    const guessed = await run(['inbox', '--json', '--since', '2026-11-01', '--calendar', feed], o);
    expect(guessed.code).toBe(0);
    expect(guessed.stderr).toMatch(
      /^rel: warning: the calendar at 127\.0\.0\.1:\d+ is not UTF-8 and names no charset rel knows: read as windows-1252\.\n$/,
    );
    expect(JSON.parse(guessed.stdout).map((row: { title: string }) => row.title)).toContain('Café <> Me 1:1');
  });

  it('a server that never answers is refused within the timeout, exit 1 naming the host; nothing changes', async () => {
    mode = 'silent';
    const { o, store, state } = setup('remote-silent');
    const before = bytesOf(store);
    const r = await run(['inbox', '--calendar', feed], o, { REL_FETCH_TIMEOUT_MS: '1500' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The calendar at 127\.0\.0\.1:\d+ did not answer within 1\.5 s/);
    expect(bytesOf(store)).toEqual(before);
    expect(files(state)).toEqual([]);
  });

  it('a response over the size limit is refused as it arrives, exit 1; nothing changes', async () => {
    mode = 'endless';
    const { o, store, state } = setup('remote-endless');
    const before = bytesOf(store);
    // The timeout is long: the refusal must come from counting the bytes, not from the clock.
    const r = await run(['inbox', '--calendar', feed], o, {
      REL_FETCH_MAX_BYTES: '1000000',
      REL_FETCH_TIMEOUT_MS: '200000',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The calendar at 127\.0\.0\.1:\d+ is larger than 1000000 bytes/);
    expect(bytesOf(store)).toEqual(before);
    expect(files(state)).toEqual([]);
  });

  it('a web page where the calendar should be is exit 1, and no copy is kept of it', async () => {
    mode = 'html';
    const { o, store, state } = setup('remote-html');
    const before = bytesOf(store);
    const r = await run(['inbox', '--calendar', feed], o);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/http:\/\/127\.0\.0\.1:\d+\/… is not an iCalendar file/);
    expect(bytesOf(store)).toEqual(before);
    expect(files(state)).toEqual([]);
  });

  it('offline, the inbox reads the copy and says how old it is', async () => {
    mode = 'calendar';
    const { o } = setup('remote-offline');
    const online = await ok(['inbox', '--json', '--calendar', feed], o);
    mode = 'silent';
    const later = { ...o, now: '2026-11-27T15:00:00' };
    const r = await run(['inbox', '--json', '--calendar', feed], later, { REL_FETCH_TIMEOUT_MS: '1000' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /did not answer within 1 s: using the copy of http:\/\/127\.0\.0\.1:\d+\/… fetched 3 hours ago/,
    );
    expect(r.stdout).toEqual(online);
    const asked = requests;
    const offline = await run(['inbox', '--json', '--offline', '--calendar', feed], later);
    expect(offline.stderr).toMatch(/offline: using the copy .* fetched 3 hours ago/);
    expect(offline.stdout).toEqual(online);
    expect(requests).toBe(asked); // --offline asks nothing of the network
    // Another address has no copy: offline is exit 2, saying so.
    const none = await run(['inbox', '--offline', '--calendar', `${feed}?other`], later);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has no copy');
  });

  it('a copy fetched ahead of the clock (the clock set back since) is not said to be fetched just now', async () => {
    mode = 'calendar';
    const { o } = setup('remote-ahead');
    const ahead = { ...o, now: '2026-11-27T15:00:00' };
    const online = await ok(['inbox', '--json', '--calendar', feed], ahead);
    const r = await run(['inbox', '--json', '--offline', '--calendar', feed], o);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('just now');
    expect(r.stderr).toMatch(
      /offline: using the copy of http:\/\/127\.0\.0\.1:\d+\/… fetched at 2026-11-27 15:00 UTC, 3 hours ahead of this machine's clock \(2026-11-27 12:00 UTC\), so how old it is cannot be told: check the clock\./,
    );
    expect(r.stdout).toEqual(online);
  });

  it('refuses plain http off this machine and a CalDAV password in the address, showing neither', async () => {
    const { o, store } = setup('remote-refused');
    const before = bytesOf(store);
    for (const [source, message] of [
      [`http://calendar.example.com/${SECRET}.ics`, /Plain http is only for a calendar on this machine/],
      [`caldav+https://me:hunter2@dav.example.com/${SECRET}/`, /has a password in it/],
      [`caldav+https://dav.example.com/${SECRET}/`, /names no user/],
      [`ftp://files.example.com/${SECRET}.ics`, /does not read calendars over ftp/],
    ] as const) {
      const r = await run(['inbox', '--calendar', source], o);
      expect(r.code, source).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('hunter2');
      const set = await run(['config', 'set', 'calendar', source], o);
      expect(set.code, source).toBe(2);
    }
    expect(bytesOf(store)).toEqual(before);
  });

  it('the copy is encrypted with the journal; rel encrypt, decrypt and forget cover it', async () => {
    mode = 'calendar';
    const { o, state } = setup('remote-sealed');
    const fast = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'correct horse' };
    await ok(['inbox', '--calendar', feed, '--json'], o);
    const cache = path.join(state, files(state).find((f) => f.endsWith('.cache'))!);
    const head = () => fs.readFileSync(cache).subarray(0, 8).toString('latin1');
    expect(head()).toBe('{"versio');
    await ok(['encrypt'], o, fast);
    expect(head()).toBe('RELCRYPT');
    expect(fs.readFileSync(cache).includes(Buffer.from('ana@example.com'))).toBe(false);
    // It still reads offline, with the passphrase.
    expect(
      JSON.parse(await ok(['inbox', '--json', '--offline', '--calendar', feed], o, fast)).length,
    ).toBeGreaterThan(0);
    await ok(['decrypt'], o, fast);
    expect(head()).toBe('{"versio');
    await ok(['inbox', '--calendar', feed, '--json'], o, fast);
    const forgot = await ok(['forget', 'Ana Silva', '--yes'], o);
    expect(forgot).toMatch(/Scrubbed \d+ cop/);
    expect(fs.existsSync(cache)).toBe(false);
  });
});

describe('the nudge in rel due', { timeout: 240_000 }, () => {
  it('says how many meetings are still to log, from what the last rel inbox kept', async () => {
    mode = 'calendar';
    const { o } = setup('nudge');
    // Without a calendar setting: nothing, even after an inbox run from --calendar.
    await ok(['inbox', '--calendar', feed], o);
    expect(await ok(['due'], o)).not.toContain('not logged yet');
    await ok(['config', 'set', 'calendar', feed], o);
    expect(await ok(['due'], o)).not.toContain('not logged yet'); // no inbox run with it yet
    const rows = JSON.parse(await ok(['inbox', '--json'], o)) as { id: string; title: string }[];
    const due = await ok(['due'], o);
    expect(due.trimEnd().split('\n').at(-1)).toBe(`${rows.length} meetings not logged yet: rel inbox`);
    // Logging and dismissing count at once, without a new inbox run (and with the server gone).
    mode = 'silent';
    const asked = requests;
    await ok(['inbox', 'log', rows[0]!.id, '--offline'], o);
    await ok(['inbox', 'dismiss', rows[1]!.id, '--offline'], o);
    expect(await ok(['due'], o)).toContain(`${rows.length - 2} meetings not logged yet: rel inbox`);
    expect(requests).toBe(asked); // rel due never asks the calendar
    // A day later the count says nothing.
    expect(await ok(['due'], { ...o, now: '2026-11-28T12:30:00' })).not.toContain('not logged yet');
    await ok(['inbox', 'log', '--all', '--offline'], o);
    expect(await ok(['due'], o)).not.toContain('not logged yet');
  });
});

describe('the secret address', () => {
  it('never appears in anything rel printed', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const text of seen) {
      expect(text).not.toContain(SECRET.split('/')[0]);
      expect(text).not.toContain('hunter2');
    }
  });
});
