/**
 * The deadline as an iCalendar file (RFC 5545): one event at the deadline in
 * UTC, a reminder a day before, text escaped, lines folded, CRLF line ends.
 */
import {contentLines, escapeText} from '../shared/text-file.js';

export interface CalendarEntry {
  /** The deadline, in milliseconds since the epoch. */
  instant: number;
  summary: string;
  description: string;
  /** The page the visitor saw, for the calendar entry's link. */
  url?: string;
  /** Stable part of the UID, so importing again updates rather than duplicates. */
  uidSeed: string;
  now?: number;
}

/** `20220331T215959Z` */
export function icsUtc(instant: number): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

export function calendarFile(e: CalendarEntry): string {
  const at = icsUtc(e.instant);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kommunale Klimapartnerschaften//klimapartner-widgets//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${at}-${hash(e.uidSeed)}@klimapartner-widgets`,
    `DTSTAMP:${icsUtc(e.now ?? Date.now())}`,
    `DTSTART:${at}`,
    `DTEND:${at}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.url && /^https?:/.test(e.url) ? [`URL:${e.url}`] : []),
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(e.summary)}`,
    'TRIGGER:-P1D',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return contentLines(lines);
}
