/**
 * What both dated floors write in their first render: one deadline in words with one
 * `Intl.DateTimeFormat` (weekday, date, time, zone), the platform work the countdown and the
 * interest form cannot skip. Plain platform code on purpose: a floor uses none of ours.
 */
const DEADLINE = Date.parse('2030-03-31T23:59:59+02:00');

export function deadlineWords(): string {
  return new Intl.DateTimeFormat(document.documentElement.lang || 'de', {
    timeZone: 'Europe/Berlin',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'long',
  }).format(DEADLINE);
}
