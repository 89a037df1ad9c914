// Calendar sources: what a typed source names, how an address is shown (never its path), and the
// nudge's count of meetings still to log.
import { describe, expect, it } from 'vitest';
import { isLoopback, parseSource, redactSource, scrubUrl } from '../../src/core/calendar-source.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { type PendingMeeting, stillToLog } from '../../src/core/nudge.js';
import { DEFAULT_WRITTEN_KINDS } from '../../src/core/together.js';
import { fetchLimits } from '../../src/net/fetch.js';

describe('parseSource', () => {
  it.each([
    ['~/calendars/work.ics', { kind: 'path', path: '~/calendars/work.ics' }],
    ['C:\\Users\\me\\cal.ics', { kind: 'path', path: 'C:\\Users\\me\\cal.ics' }],
    [
      'https://calendar.google.com/calendar/ical/x/private-abc/basic.ics',
      { kind: 'feed', href: 'https://calendar.google.com/calendar/ical/x/private-abc/basic.ics' },
    ],
    [
      'webcal://p01-caldav.icloud.com/published/2/abc',
      { kind: 'feed', href: 'https://p01-caldav.icloud.com/published/2/abc' },
    ],
    ['http://127.0.0.1:8080/feed.ics', { kind: 'feed', href: 'http://127.0.0.1:8080/feed.ics' }],
    ['http://localhost/feed.ics', { kind: 'feed', href: 'http://localhost/feed.ics' }],
    ['http://[::1]:9/feed.ics', { kind: 'feed', href: 'http://[::1]:9/feed.ics' }],
    [
      'caldav+https://me%40example.com@caldav.fastmail.com/dav/calendars/user/me@example.com/Default/',
      {
        kind: 'caldav',
        user: 'me@example.com',
        href: 'https://caldav.fastmail.com/dav/calendars/user/me@example.com/Default/',
      },
    ],
    [
      'caldav+http://me@127.0.0.1:5232/me/work/',
      { kind: 'caldav', user: 'me', href: 'http://127.0.0.1:5232/me/work/' },
    ],
  ])('%s', (text, expected) => {
    const source = parseSource(text);
    const { href, ...rest } = expected as { href?: string };
    expect(source).toMatchObject(rest);
    if (href) expect((source as { url: URL }).url.href).toBe(href);
  });

  it.each([
    ['http://calendar.example.com/secret.ics', /Plain http is only for a calendar on this machine/],
    ['http://10.0.0.2/secret.ics', /Plain http/],
    ['ftp://example.com/secret.ics', /over ftp/],
    ['caldav+https://me:pw@dav.example.com/secret/', /has a password in it/],
    ['caldav+https://dav.example.com/secret/', /names no user/],
    ['caldav+http://me@dav.example.com/secret/', /Plain http/],
  ])('refuses %s without showing its path', (text, message) => {
    let thrown: Error | undefined;
    try {
      parseSource(text);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toMatch(message);
    expect(thrown?.message).not.toContain('secret');
    expect(thrown?.message).not.toContain('pw');
  });

  it.each([
    ['https://calendar.google.com/calendar/ical/x/private-abc/basic.ics', 'https://calendar.google.com/…'],
    ['caldav+https://me@dav.example.com:8443/cal/', 'caldav+https://dav.example.com:8443/…'],
    ['https://user:pass@host.example/x?token=1', 'https://host.example/…'],
    ['~/work.ics', '~/work.ics'],
  ])('redactSource(%s) is %s', (text, shown) => {
    expect(redactSource(text)).toBe(shown);
  });

  it('loopback and scrubbing', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', 'localhost.example.com', '128.0.0.1'].some(isLoopback)).toBe(false);
    const url = new URL('https://host.example/private-abc/basic.ics?k=v');
    expect(
      scrubUrl('GET https://host.example/private-abc/basic.ics?k=v failed at /private-abc/basic.ics', url),
    ).toBe('GET … failed at …');
  });

  it('fetch limits come from the environment, and a bad one is refused', () => {
    expect(fetchLimits({})).toEqual({ timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024 });
    expect(fetchLimits({ REL_FETCH_TIMEOUT_MS: '500', REL_FETCH_MAX_BYTES: '1000' })).toEqual({
      timeoutMs: 500,
      maxBytes: 1000,
    });
    expect(() => fetchLimits({ REL_FETCH_TIMEOUT_MS: '2s' })).toThrow(/whole number/);
    expect(() => fetchLimits({ REL_FETCH_MAX_BYTES: '0' })).toThrow(/whole number/);
  });
});

describe('stillToLog', () => {
  const meetings: PendingMeeting[] = [
    { id: 'aaaa0001', seriesId: 's1', date: '2026-11-20', people: ['ana'] },
    { id: 'aaaa0002', seriesId: 's1', date: '2026-11-21', people: ['ana'] },
    { id: 'bbbb0001', seriesId: 's2', date: '2026-11-21', people: ['ben', 'ana'] },
    { id: 'cccc0001', seriesId: 's3', date: '2026-11-22', people: ['cy'], size: 3 },
  ];
  const at = '2026-11-27T09:00:00.000Z';
  const now = new Date('2026-11-27T12:00:00Z');
  const journal = (change: (j: Journal) => void = () => undefined) => {
    const j = emptyJournal();
    change(j);
    return j;
  };
  const conversation = (date: string, withIds: string[], eventId?: string, kind = '1:2:1') =>
    ({
      id: `c${date}`,
      date,
      with: withIds,
      kind,
      ...(eventId ? { eventId } : {}),
    }) as Journal['conversations'][number];
  const dismissal = (d: { eventId?: string; seriesId?: string }) =>
    ({ id: 'd1', title: '', start: '', createdAt: '', ...d }) as NonNullable<Journal['dismissals']>[number];

  it.each([
    ['nothing logged', journal(), 4],
    [
      'logged from the calendar',
      journal((j) => j.conversations.push(conversation('2026-11-01', ['x'], 'aaaa0001'))),
      3,
    ],
    // By hand that day, in the meeting's shape (the inbox's rule): Ana and Ben together stand
    // for the meeting of the two of them, not for the one-to-one with Ana that day.
    [
      'logged that day with all of them',
      journal((j) => j.conversations.push(conversation('2026-11-21', ['ana', 'ben']))),
      3,
    ],
    [
      'that day with Ana alone: the one-to-one',
      journal((j) => j.conversations.push(conversation('2026-11-21', ['ana']))),
      3,
    ],
    [
      'that day with only some of them',
      journal((j) => j.conversations.push(conversation('2026-11-21', ['ben']))),
      4,
    ],
    [
      'a Slack message to Ana that day: not a meeting',
      journal((j) => j.conversations.push(conversation('2026-11-21', ['ana'], undefined, 'slack'))),
      4,
    ],
    [
      'Cy alone, where the meeting had three',
      journal((j) => j.conversations.push(conversation('2026-11-22', ['cy']))),
      4,
    ],
    ['one dismissed', journal((j) => (j.dismissals = [dismissal({ eventId: 'cccc0001' })])), 3],
    ['a series dismissed', journal((j) => (j.dismissals = [dismissal({ seriesId: 's1' })])), 2],
  ])('%s', (_what, j, left) => {
    expect(stillToLog({ at, meetings }, j, now, DEFAULT_WRITTEN_KINDS)).toBe(left);
  });

  it('says nothing when the list is over a day old or from the future', () => {
    expect(
      stillToLog({ at: '2026-11-26T11:59:00.000Z', meetings }, journal(), now, DEFAULT_WRITTEN_KINDS),
    ).toBeUndefined();
    expect(
      stillToLog({ at: '2026-11-27T13:00:00.000Z', meetings }, journal(), now, DEFAULT_WRITTEN_KINDS),
    ).toBeUndefined();
    expect(
      stillToLog({ at: '2026-11-26T12:00:00.000Z', meetings }, journal(), now, DEFAULT_WRITTEN_KINDS),
    ).toBe(4);
  });
});
