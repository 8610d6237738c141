/**
 * Deadlines shared by the countdown and the interest form: reading the
 * `deadline` and `time-zone` attributes (reporting bad values once) and
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

/** Reads `deadline` and `time-zone` of `el`; undefined (after one console error) when either is bad. */
export function readDeadline(el: Element): Deadline | undefined {
  const zoneAttr = el.getAttribute('time-zone');
  const zone = zoneAttr === null || zoneAttr.trim() === '' ? DEFAULT_TIME_ZONE : checkTimeZone(zoneAttr.trim());
  if (!zone) {
    reportAttributeError(el, 'time-zone', zoneAttr, 'not an IANA time zone such as "Europe/Berlin".');
    return undefined;
  }
  const value = el.getAttribute('deadline');
  const instant = value === null ? undefined : parseDeadline(value, zone);
  if (instant === undefined) {
    const example = 'an ISO 8601 date such as "2022-03-31", "2022-03-31T23:59" or "2022-03-31T23:59:59+02:00".';
    reportAttributeError(el, 'deadline', value, value === null ? 'required: ' + example : 'not ' + example);
    return undefined;
  }
  return {instant, zone};
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

let ownZone: string | undefined;
/** The visitor's own time zone, as the browser reports it (read once). */
export function visitorZone(): string {
  return (ownZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The zone's name in words ("Mitteleuropäische Sommerzeit"), never an abbreviation. */
export function zoneName(instant: number, zone: string, locale: string): string {
  const parts = format(locale, {timeZone: zone, timeZoneName: 'long'}).formatToParts(instant);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/**
 * The deadline in words: "Donnerstag, 31. März 2022, 23:59 Uhr
 * (Mitteleuropäische Sommerzeit)". Call inside the element's locale.
 */
const inWords = new Map<string, string>();
export function formatDeadline(instant: number, zone: string, locale: string): string {
  // Made once per deadline, zone and language: forms and countdowns re-render often.
  // (`locale` is the element's Intl tag, whose language is also the one msg() renders in.)
  const key = `${instant} ${zone} ${locale}`;
  let text = inWords.get(key);
  if (text === undefined) inWords.set(key, (text = wordsFor(instant, zone, locale)));
  return text;
}

function wordsFor(instant: number, zone: string, locale: string): string {
  const date = format(locale, {timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'}).format(
    instant,
  );
  const time = format(locale, {timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(instant);
  const zoneText = zoneName(instant, zone, locale);
  return msg(str`${date}, ${time} Uhr (${zoneText})`, {id: 'deadline-in-words'});
}

/** True when the visitor's clock is in another offset than the deadline's zone at that instant. */
export function differsFromVisitor(instant: number, zone: string): boolean {
  return zoneOffset(instant, zone) !== zoneOffset(instant, visitorZone());
}
