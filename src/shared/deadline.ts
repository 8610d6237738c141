/**
 * Deadlines shared by the countdown and the interest form: reading the
 * `deadline` and `timeZone` properties (reporting bad values once) and
 * writing the deadline in words in the visitor's language.
 */
import {msg, str} from '@lit/localize';
import {checkTimeZone, parseDeadline, zoneOffset, DEFAULT_TIME_ZONE} from './time.js';
import {reportAttributeError} from './attribute-error.js';

export interface Deadline {
  /** The instant, in milliseconds since the epoch. */
  instant: number;
  /** The IANA zone it is written in. */
  zone: string;
}

/**
 * Reads the `deadline` and `timeZone` property values of `el` (attribute or
 * property, as set); undefined (after one console error) when either is bad.
 */
export function readDeadline(el: Element, deadline: unknown, timeZone: unknown): Deadline | undefined {
  const zoneText = String(timeZone ?? '').trim();
  const zone = zoneText ? checkTimeZone(zoneText) : DEFAULT_TIME_ZONE;
  if (!zone) {
    reportAttributeError(el, 'time-zone', zoneText, 'not an IANA time zone such as "Europe/Berlin".');
    return undefined;
  }
  const value = String(deadline ?? '');
  const instant = value ? parseDeadline(value, zone) : undefined;
  if (instant === undefined) {
    const example = 'an ISO 8601 date such as "2022-03-31", "2022-03-31T23:59" or "2022-03-31T23:59:59+02:00".';
    reportAttributeError(el, 'deadline', value || null, value ? 'not ' + example : 'required: ' + example);
    return undefined;
  }
  return {instant, zone};
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The deadline in words: "Donnerstag, 31. März 2022, 23:59 Uhr
 * (Mitteleuropäische Sommerzeit)". `zone` undefined: the visitor's own zone.
 * Call inside the element's locale.
 */
const inWords = new Map<string, string>();
export function formatDeadline(instant: number, zone: string | undefined, locale: string): string {
  // Made once per deadline, zone and language: forms and countdowns re-render often.
  // (`locale` is the element's Intl tag, whose language is also the one msg() renders in.)
  const key = `${instant} ${zone} ${locale}`;
  let text = inWords.get(key);
  if (text === undefined) inWords.set(key, (text = wordsFor(instant, zone, locale)));
  return text;
}

function wordsFor(instant: number, zone: string | undefined, locale: string): string {
  // One format for date, time and zone name (each Intl object costs up to a millisecond or
  // more to make, even with ICU warm), instead of three: date and time are cut out of its
  // parts and read exactly as the date alone and the time alone would (pinned for our
  // languages and their regional tags by test/countdown/deadline-words.test.ts).
  const key = locale + zone;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'long',
    });
    formats.set(key, f);
  }
  const parts = f.formatToParts(instant);
  /** The parts from the first to the last whose type matches. */
  const cut = (types: RegExp) => {
    let text = '';
    let between = '';
    for (const {type, value} of parts) {
      if (types.test(type)) {
        text += between + value;
        between = '';
      } else if (text) between += value;
    }
    return text;
  };
  // (Weekday, day, month, year; with h23 there is no dayPeriod.)
  const date = cut(/day|month|year/);
  const time = cut(/hour|minute/);
  const zoneText = cut(/timeZoneName/);
  return msg(str`${date}, ${time} Uhr (${zoneText})`, {id: 'deadline-in-words'});
}

/** True when the visitor's clock is in another offset than the deadline's zone at that instant. */
export function differsFromVisitor(instant: number, zone: string): boolean {
  // The visitor's offset from Date (no Intl object to make); zoneOffset also counts whole minutes.
  return zoneOffset(instant, zone) / -60_000 !== new Date(instant).getTimezoneOffset();
}
