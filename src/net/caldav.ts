// Reading a CalDAV calendar through tsdav: a calendar-query REPORT with a time range, so that only
// the events of the window are sent. The address may name one calendar, or an account (then every
// calendar of events under it is read). Loaded only for a caldav+ source: tsdav is not small.
import { createAccount, type DAVCalendar, fetchCalendarObjects, fetchCalendars, propfind } from 'tsdav';
import { RemoteError } from '../errors.js';
import { explainFailure, type FetchLimits, guardedFetch, statusFailure } from './fetch.js';

export interface CalDavSource {
  url: URL;
  user: string;
}

/** The iCalendar text of every event in the calendars there that overlaps [from, to]. */
export async function fetchCalDav(
  source: CalDavSource,
  password: string,
  from: Date,
  to: Date,
  limits: FetchLimits,
): Promise<string[]> {
  const host = source.url.host;
  const guarded = guardedFetch(limits, host);
  // A refused password is said at once, whichever request meets it first.
  const client: typeof fetch = async (input, init) => {
    const response = await guarded(input, init);
    if (response.status === 401 || response.status === 403) {
      void response.body?.cancel().catch(() => undefined);
      throw statusFailure(response.status, response.statusText, host);
    }
    return response;
  };
  const headers = {
    authorization: `Basic ${Buffer.from(`${source.user}:${password}`).toString('base64')}`,
  };
  try {
    const [here] = await propfind({
      url: source.url.href,
      props: { 'd:resourcetype': {} },
      depth: '0',
      headers,
      fetch: client,
    });
    if (!here?.ok) throw statusFailure(here?.status ?? 0, here?.statusText ?? '', host);
    let calendars: DAVCalendar[];
    if (Object.keys(here.props?.resourcetype ?? {}).includes('calendar')) {
      calendars = [{ url: source.url.href } as DAVCalendar];
    } else {
      const account = await createAccount({
        account: { serverUrl: source.url.href, accountType: 'caldav' },
        headers,
        fetch: client,
      });
      calendars = (await fetchCalendars({ account, headers, fetch: client })).filter(
        (c) => !c.components?.length || c.components.includes('VEVENT'),
      );
      if (!calendars.length) {
        throw new RemoteError(
          `There is no calendar of events at ${host} for that address.`,
          'Give the address of one calendar, or of your account on the server (see "Calendars on a server" in the README).',
        );
      }
    }
    const texts: string[] = [];
    for (const calendar of calendars) {
      const objects = await fetchCalendarObjects({
        calendar,
        timeRange: { start: from.toISOString(), end: to.toISOString() },
        headers,
        fetch: client,
        // Every member but the collection itself: not every server names its events *.ics.
        urlFilter: (url) => Boolean(url) && !url.endsWith('/'),
      });
      for (const object of objects) if (typeof object.data === 'string') texts.push(object.data);
    }
    return texts;
  } catch (error) {
    throw explainFailure(error, source.url, limits);
  }
}
