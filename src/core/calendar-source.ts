// What a calendar source names: a file or folder on this machine, an iCalendar feed on the web
// (https://, or webcal:// which means the same), or a CalDAV calendar (caldav+https://user@host/path).
// A feed's URL is a secret (whoever has it reads the calendar), so it is only ever shown as its
// scheme and host followed by "…". Pure: nothing is fetched here.
import { UsageError } from '../errors.js';

export type CalendarSource =
  | { kind: 'path'; path: string }
  | { kind: 'feed'; url: URL }
  | { kind: 'caldav'; url: URL; user: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** Whether the text is a URL rather than a path (C:\ and ./x are paths). */
export function isUrl(text: string): boolean {
  return SCHEME.test(text.trim());
}

/** Loopback addresses: the only ones plain http is allowed to (a server on this machine). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A URL as rel shows it: scheme and host, then "…"; a path as it is. Never the URL's path or query. */
export function redactSource(text: string): string {
  const match = SCHEME.exec(text.trim());
  if (!match) return text;
  try {
    const url = new URL(text.trim());
    return `${match[1]!.toLowerCase()}://${url.host}/…`;
  } catch {
    return `${match[1]!.toLowerCase()}://…`;
  }
}

/** The host a URL source names, for messages about fetching it. */
export function sourceHost(source: CalendarSource): string {
  return source.kind === 'path' ? source.path : source.url.host;
}

/** A source from the text of --calendar or the calendar setting; a URL rel will not fetch is exit 2. */
export function parseSource(text: string): CalendarSource {
  const trimmed = text.trim();
  const match = SCHEME.exec(trimmed);
  if (!match) return { kind: 'path', path: text };
  const shown = redactSource(trimmed);
  const scheme = match[1]!.toLowerCase();
  const caldav = scheme.startsWith('caldav+');
  const transport = caldav ? scheme.slice('caldav+'.length) : scheme;
  let url: URL;
  try {
    url = new URL(
      `${transport === 'webcal' || transport === 'webcals' ? 'https' : transport}${trimmed.slice(scheme.length)}`,
    );
  } catch {
    throw new UsageError(`The calendar ${shown} is not a URL rel can read.`, HINT);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`rel does not read calendars over ${scheme}:// (${shown}).`, HINT);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new UsageError(
      `Plain http is only for a calendar on this machine (localhost); ${shown} needs https://.`,
      'Anyone on the way could read the calendar, and its secret address with it.',
    );
  }
  if (!caldav) return { kind: 'feed', url };
  if (url.password) {
    throw new UsageError(
      `The CalDAV address ${shown} has a password in it; rel does not keep passwords.`,
      'Give the address without it (caldav+https://you@host/path) and the password in REL_CALDAV_PASSWORD, or type it when asked.',
    );
  }
  if (!url.username) {
    throw new UsageError(
      `The CalDAV address ${shown} names no user.`,
      'Put your user name before the host: caldav+https://you@host/path',
    );
  }
  const user = decodeURIComponent(url.username);
  url.username = '';
  return { kind: 'caldav', url, user };
}

const HINT =
  'A calendar is an .ics file, a folder of them, an https:// feed address (webcal:// too), or caldav+https://you@host/path.';

/** What identifies a source for its cached copy: the whole address (hashed before it is used). */
export function sourceIdentity(source: CalendarSource): string {
  return source.kind === 'caldav'
    ? `caldav:${source.user}@${source.url.href}`
    : source.kind === 'feed'
      ? `feed:${source.url.href}`
      : `path:${source.path}`;
}

/** A message with every trace of the URL's secret parts (path, query, user) taken out. */
export function scrubUrl(message: string, url: URL): string {
  let out = message;
  const secrets = [
    url.href,
    `${url.pathname}${url.search}`,
    url.pathname,
    url.search,
    url.username,
    url.password,
  ];
  for (const secret of secrets.filter((s) => s.length > 1).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('…');
  }
  return out;
}
