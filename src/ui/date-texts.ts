// Dates in a table's cells, each date's texts made once a table.
import { type IsoDate, relativeDay, sinceDay } from '../core/dates.js';
import { showDate } from './display.js';

/**
 * Dates as shown ("6 Nov") and in words ("3 weeks ago"), each text made once a date: a table of a
 * thousand rows shows a few hundred dates, and taking each apart again for every cell that shows
 * it was much of what the table cost over its --json.
 */
export interface DateTexts {
  shown: (date: IsoDate) => string;
  ago: (date: IsoDate) => string;
  /** For what has happened (a conversation): "3 weeks ago", never "tomorrow" (sinceDay). */
  since: (date: IsoDate) => string;
}

export function dateTexts(today: IsoDate): DateTexts {
  return {
    shown: once((date) => showDate(date, today)),
    ago: once((date) => relativeDay(date, today)),
    since: once((date) => sinceDay(date, today)),
  };
}

function once(make: (date: IsoDate) => string): (date: IsoDate) => string {
  const made = new Map<IsoDate, string>();
  return (date) => {
    let text = made.get(date);
    if (text === undefined) {
      text = make(date);
      made.set(date, text);
    }
    return text;
  };
}
