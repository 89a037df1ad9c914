// Fetching a calendar over the network with Node's own fetch, held to a time limit and a size
// limit. The size is counted as the bytes arrive: a response that goes past the limit is cut off
// there, not read to its end first. Every request (redirects, and the CalDAV client's requests,
// which go through guardedFetch too) is checked: https, or plain http to this machine only.
// The URL is a secret: what goes wrong is said with the host alone.
import { isLoopback, scrubUrl } from '../core/calendar-source.js';
import { decodeFile, knownCharset } from '../core/charset.js';
import { RemoteError, UsageError } from '../errors.js';

export interface FetchLimits {
  /** For the whole fetch of one source, redirects and every CalDAV request included. */
  timeoutMs: number;
  /** For the whole fetch of one source: the bytes of every response body, together. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024 };
const MAX_REDIRECTS = 5;

/** The limits in force: REL_FETCH_TIMEOUT_MS and REL_FETCH_MAX_BYTES, else the defaults. */
export function fetchLimits(env: Record<string, string | undefined>): FetchLimits {
  const read = (name: string, fallback: number) => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
      throw new UsageError(`${name} must be a whole number above 0; it is "${text}".`);
    }
    return Number(text);
  };
  return {
    timeoutMs: read('REL_FETCH_TIMEOUT_MS', DEFAULT_LIMITS.timeoutMs),
    maxBytes: read('REL_FETCH_MAX_BYTES', DEFAULT_LIMITS.maxBytes),
  };
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function checkUrl(url: URL, host: string): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return;
  throw new RemoteError(
    `The calendar at ${host} sent rel to an address that is not https (${url.protocol}//${url.host}); rel did not follow.`,
  );
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}

/**
 * A fetch for one source: one deadline and one byte budget for everything it is asked for.
 * `host` is how messages name the source (never its path).
 */
export function guardedFetch(limits: FetchLimits, host: string): typeof fetch {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let used = 0;
  const tooBig = () =>
    new RemoteError(
      `The calendar at ${host} is larger than ${mib(limits.maxBytes)}; rel stopped reading it.`,
      'To read a larger one, raise REL_FETCH_MAX_BYTES (in bytes).',
    );
  const counted = (response: Response): Response => {
    if (!response.body || NULL_BODY.has(response.status)) return response;
    const declared = Number(response.headers.get('content-length'));
    if (declared && used + declared > limits.maxBytes) {
      void response.body.cancel().catch(() => undefined);
      throw tooBig();
    }
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          used += chunk.byteLength;
          if (used > limits.maxBytes) controller.error(tooBig());
          else controller.enqueue(chunk);
        },
      }),
      { signal },
    );
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return async (input, init = {}) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    for (let hops = 0; ; hops++) {
      checkUrl(url, host);
      const response = await fetch(url, { ...init, signal, redirect: 'manual' });
      const location = response.headers.get('location');
      // A caller that asked to see redirects (the CalDAV client's service discovery) gets them.
      if (init.redirect === 'manual' || response.status < 300 || response.status >= 400 || !location)
        return counted(response);
      void response.body?.cancel().catch(() => undefined);
      if (hops >= MAX_REDIRECTS) throw new RemoteError(`The calendar at ${host} redirects too many times.`);
      url = new URL(location, url);
    }
  };
}

/** What went wrong fetching from `url`, as rel says it: the host only, never the path. */
export function explainFailure(error: unknown, url: URL, limits: FetchLimits): RemoteError {
  if (error instanceof RemoteError) return error;
  const host = url.host;
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new RemoteError(
      `The calendar at ${host} did not answer within ${limits.timeoutMs / 1000} s.`,
      'Check your connection, or give it longer with REL_FETCH_TIMEOUT_MS (in milliseconds).',
      true,
    );
  }
  const code = e?.cause?.code;
  if (e?.name === 'TypeError' && (code || e.message === 'fetch failed')) {
    return new RemoteError(
      `Could not reach the calendar at ${host}${code ? ` (${code})` : ''}.`,
      'Check your connection and the address.',
      true,
    );
  }
  const message = scrubUrl(String(e?.message ?? error), url);
  return new RemoteError(`Could not read the calendar at ${host}: ${message}`);
}

/** What an HTTP error status means for a calendar address. */
export function statusFailure(status: number, statusText: string, host: string): RemoteError {
  const hint =
    status === 401 || status === 403
      ? 'The address or the password is not accepted: copy the secret address again (it changes when it is reset), or check the user and REL_CALDAV_PASSWORD.'
      : status === 404 || status === 410
        ? 'There is no calendar at that address any more: copy it again from your calendar’s settings.'
        : undefined;
  return new RemoteError(
    `The calendar at ${host} answered ${status}${statusText ? ` ${statusText}` : ''}.`,
    hint,
  );
}

/**
 * An iCalendar feed's text: GET, within the limits; `guessed` names the charset it was read in
 * when it was neither UTF-8 nor labelled with a charset rel knows (the caller warns of it).
 */
export async function fetchFeed(url: URL, limits: FetchLimits): Promise<{ text: string; guessed?: string }> {
  const host = url.host;
  try {
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
    const target = new URL(url);
    // fetch refuses a URL with a user and password in it: they go in the header instead.
    if (target.username || target.password) {
      const pair = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
      target.username = '';
      target.password = '';
    }
    const response = await guardedFetch(limits, host)(target, { headers });
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw statusFailure(response.status, response.statusText, host);
    }
    // Decoded as calendar files are: UTF-8, or UTF-16 (told by its byte order mark or its zero
    // bytes), else the charset the server names (`text/calendar; charset=windows-1251`), else
    // windows-1252. A feed that is valid UTF-8 is read as UTF-8 whatever its label says: servers
    // label feeds by their own default, and a legacy text is almost never valid UTF-8 by chance.
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { text, guessed } = decodeFile(bytes, declaredCharset(response.headers.get('content-type')));
    return guessed ? { text, guessed } : { text };
  } catch (error) {
    throw explainFailure(error, url, limits);
  }
}

/** The charset a Content-Type names, when iconv-lite knows it; else undefined (the guess then). */
function declaredCharset(contentType: string | null): string | undefined {
  const label = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  return label !== undefined && knownCharset(label) ? label : undefined;
}
