/**
 * Times for the team (the workspace, the notice mail): stored as ISO 8601
 * (UTC), shown and filtered in Berlin time, the team's own.
 */
const ZONE = 'Europe/Berlin';

const numeric = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> {
  return Object.fromEntries(numeric.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** The Berlin day of an instant, `2026-12-08`. */
export function berlinDay(iso: string): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Berlin time for exports, the same in every language: `2026-12-08 01:02`. */
export function exportTime(iso: string): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const SHORT = {
  de: new Intl.DateTimeFormat('de-DE', {timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short'}),
  en: new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short'}),
};
const LONG = {
  de: new Intl.DateTimeFormat('de-DE', {timeZone: ZONE, dateStyle: 'long', timeStyle: 'short'}),
  en: new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, dateStyle: 'long', timeStyle: 'short'}),
};

/** `08.12.2026, 01:02` (de), `8 Dec 2026, 01:02` (en): for lists and notes. */
export const shortTime = (iso: string, lang: 'de' | 'en'): string => SHORT[lang].format(new Date(iso));

/** `8. Dezember 2026 um 01:02 Uhr (Berliner Zeit)`, `8 December 2026 at 01:02 (Berlin time)`. */
export const longTime = (iso: string, lang: 'de' | 'en'): string =>
  LONG[lang].format(new Date(iso)) + (lang === 'de' ? ' Uhr (Berliner Zeit)' : ' (Berlin time)');
