/**
 * Deadlines as instants: parsing ISO 8601 values and reading wall-clock times
 * in an IANA time zone with `Intl` alone (no time-zone database in the bundle).
 *
 * Wall-clock times that do not exist or exist twice are resolved the way
 * Temporal's `disambiguation: 'compatible'` does:
 * - in a gap (27 March 2022 02:30 in Berlin) the time moves forward by the
 *   gap's length: 03:30 CEST;
 * - in an overlap (30 October 2022 02:30 in Berlin) the earlier instant wins:
 *   02:30 CEST (00:30 UTC), so a deadline never ends later than written.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const MINUTE = 60_000;
const DAY = 86_400_000;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The validated, canonical zone name, or undefined for an unknown zone. */
export function checkTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', {timeZone: zone}).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function offsetFormat(zone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
export function zoneOffset(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of offsetFormat(zone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return Math.round((wall - whole) / MINUTE) * MINUTE;
}

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The instant a wall-clock time in `zone` stands for (see the module's note on gaps and overlaps). */
export function zonedToInstant(t: WallTime, zone: string): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  const before = zoneOffset(wall - DAY, zone);
  const after = zoneOffset(wall + DAY, zone);
  const fits = [before, after].map((o) => wall - o).filter((instant) => zoneOffset(instant, zone) === wall - instant);
  return fits.length ? Math.min(...fits) : wall - before;
}

function validWall(t: WallTime): boolean {
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day));
  return (
    d.getUTCFullYear() === t.year &&
    d.getUTCMonth() === t.month - 1 &&
    d.getUTCDate() === t.day &&
    t.hour <= 23 &&
    t.minute <= 59 &&
    t.second <= 59
  );
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Reads a deadline: ISO 8601 with offset (`2022-03-31T23:59:59+02:00`), a
 * local date-time (`2022-03-31T23:59`) or a date (`2022-03-31`, meaning the
 * end of that day: 23:59:59.999), the latter two in `zone`. Returns the
 * instant in milliseconds, or undefined when the value is no such date.
 */
export function parseDeadline(value: string, zone: string = DEFAULT_TIME_ZONE): number | undefined {
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const dateOnly = h === undefined;
  const t: WallTime = {
    year: +y,
    month: +mo,
    day: +d,
    hour: dateOnly ? 23 : +h,
    minute: dateOnly ? 59 : +mi,
    second: dateOnly ? 59 : +(s ?? 0),
    millisecond: dateOnly ? 999 : Math.floor(+`0.${frac ?? 0}` * 1000),
  };
  if (!validWall(t)) return undefined;
  if (offset) {
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
    if (offset.toUpperCase() === 'Z') return wall;
    const sign = offset[0] === '-' ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = +(digits.slice(2) || 0);
    if (oh > 23 || om > 59) return undefined;
    return wall - sign * (oh * 60 + om) * MINUTE;
  }
  return zonedToInstant(t, zone);
}
