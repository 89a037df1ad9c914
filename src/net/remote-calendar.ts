// A calendar on the network (a feed or CalDAV) for `rel inbox`: fetched within the limits, kept
// as a copy beside rel's state (calendar-cache.ts) so that the inbox works offline, and read from
// that copy when the network cannot be reached (saying how old it is) or with --offline.
import { type Context, mayPrompt } from '../context.js';
import { type CalendarSource, redactSource, sourceIdentity } from '../core/calendar-source.js';
import { plural } from '../core/text.js';
import { RemoteError, UsageError } from '../errors.js';
import {
  type CachedCalendar,
  cachePath,
  readCache,
  stateFolder,
  writeCache,
} from '../store/calendar-cache.js';
import { envValue } from '../store/paths.js';
import type { Store } from '../store/store.js';
import { fetchFeed, fetchLimits } from './fetch.js';

type Remote = Extract<CalendarSource, { kind: 'feed' | 'caldav' }>;

export interface RemoteTexts {
  texts: string[];
  /** Keeps what was fetched as the copy to use offline: called once every source has been read. */
  keep: () => void;
}

/**
 * How long ago a copy was fetched, in words: "just now", "5 minutes ago", "3 hours ago", "2 days
 * ago". A copy fetched after now (the clock was set back, or ahead when it was fetched) has no age
 * rel can tell, and is not "just now": it is said to be ahead of this machine's clock.
 */
export function age(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 0) return `${ageIn(-minutes)} ahead of this machine's clock`;
  if (minutes < 1) return 'just now';
  return `${ageIn(minutes)} ago`;
}

function ageIn(minutes: number): string {
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours < 48 ? plural(hours, 'hour') : plural(Math.round(hours / 24), 'day');
}

const passwords = new WeakMap<Context, Map<string, Promise<string>>>();

/** The CalDAV password: REL_CALDAV_PASSWORD, else asked (hidden) in a terminal; never kept. */
function caldavPassword(ctx: Context, source: Extract<Remote, { kind: 'caldav' }>): Promise<string> {
  const fromEnv = envValue(ctx.io.env, 'REL_CALDAV_PASSWORD');
  if (fromEnv !== undefined) return Promise.resolve(fromEnv);
  const asked = passwords.get(ctx) ?? new Map<string, Promise<string>>();
  passwords.set(ctx, asked);
  const key = `${source.user}@${source.url.host}`;
  let password = asked.get(key);
  if (!password) {
    if (!mayPrompt(ctx)) {
      throw new UsageError(
        `The CalDAV calendar at ${source.url.host} needs ${source.user}'s password.`,
        'Set REL_CALDAV_PASSWORD (an app password, for iCloud and Fastmail), or run rel in a terminal to be asked for it.',
      );
    }
    password = ctx
      .prompts()
      .then(({ askSecret }) => askSecret(`Password for ${source.user} at ${source.url.host}:`));
    asked.set(key, password);
  }
  return password;
}

/**
 * The iCalendar texts of a network source, from `from` to now: fetched, or from the copy kept
 * when told to stay offline or when the network cannot be reached. A failure with no copy to
 * fall back on is exit 1, naming the host only.
 */
export async function remoteTexts(
  ctx: Context,
  store: Store,
  typed: string,
  source: Remote,
  from: Date,
  offline: boolean,
): Promise<RemoteTexts> {
  const file = cachePath(stateFolder(ctx.io.env), store.target, sourceIdentity(source));
  const shown = redactSource(typed);
  const now = ctx.io.now;
  const cached = () => readCache(file, (label, bytes) => store.decodeKept(label, bytes));
  const fromCopy = (copy: CachedCalendar, why: string): RemoteTexts => {
    const fetched = Date.parse(copy.fetchedAt);
    const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
    const ago = now.getTime() - fetched;
    ctx.io.err(
      ago <= -60_000
        ? `rel: note: ${why}: using the copy of ${shown} fetched at ${utc(copy.fetchedAt)}, ${age(ago)} (${utc(now.toISOString())}), so how old it is cannot be told: check the clock.`
        : `rel: note: ${why}: using the copy of ${shown} fetched ${age(ago)} (${utc(copy.fetchedAt)}).`,
    );
    if (Date.parse(copy.from) > from.getTime()) {
      ctx.io.err(`rel: note: that copy starts on ${copy.from.slice(0, 10)}: earlier meetings are not in it.`);
    }
    return { texts: copy.texts, keep: () => undefined };
  };
  if (offline) {
    const copy = await cached();
    if (!copy) {
      throw new UsageError(
        `rel has no copy of ${shown} yet.`,
        'Run rel inbox once without --offline while you are online.',
      );
    }
    return fromCopy(copy, 'offline');
  }
  const limits = fetchLimits(ctx.io.env);
  let texts: string[];
  try {
    if (source.kind === 'feed') {
      const feed = await fetchFeed(source.url, limits);
      // As for a file that is not UTF-8 (the address is a secret: the host alone is said).
      if (feed.guessed)
        ctx.io.err(
          `rel: warning: the calendar at ${source.url.host} is not UTF-8 and names no charset rel knows: read as ${feed.guessed}.`,
        );
      texts = [feed.text];
    } else {
      const password = await caldavPassword(ctx, source);
      // tsdav logs its requests, whole addresses in them, through `debug` when $DEBUG names it
      // (read as the module loads): the address must not reach a terminal that way either.
      delete process.env.DEBUG;
      const { fetchCalDav } = await import('./caldav.js');
      texts = await fetchCalDav(source, password, from, now, limits);
    }
  } catch (error) {
    if (error instanceof RemoteError && error.offline) {
      const copy = await cached();
      if (copy) return fromCopy(copy, error.message.replace(/\.$/, ''));
    }
    throw error;
  }
  return {
    texts,
    keep: () =>
      writeCache(
        file,
        {
          version: 1,
          fetchedAt: now.toISOString(),
          // A feed sends the whole calendar; CalDAV only the window asked for.
          from: (source.kind === 'caldav' ? from : new Date(0)).toISOString(),
          texts,
        },
        (text) => store.encodeKept(text),
      ),
  };
}
