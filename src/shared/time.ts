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
/** The numeric format that zoneOffset reads; it also validates the zone (one Intl object per zone). */
function offsetFormat(zone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(zone);
  if (!f) {
    const n = 'numeric';
    f = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: n, month: n, day: n, hour: n, minute: n, second: n});
    offsetFormats.set(zone, f);
  }
  return f;
}

/** The validated, canonical zone name, or undefined for an unknown zone. */
export function checkTimeZone(zone: string): string | undefined {
  try {
    return offsetFormat(zone).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
export function zoneOffset(instant: number, zone: string): number {
  const f = offsetFormat(zone);
  const p: Record<string, number> = {};
  for (const {type, value} of f.formatToParts(instant)) p[type] = +value;
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / MINUTE) * MINUTE;
}

/**
 * The instant a wall-clock time in `zone` stands for (see the module's note on
 * gaps and overlaps). `wall` is that time written as if it were UTC
 * (`Date.UTC(year, month - 1, day, hour, …)`).
 */
export function zonedToInstant(wall: number, zone: string): number {
  const before = zoneOffset(wall - DAY, zone);
  const fits = [before, zoneOffset(wall + DAY, zone)]
    .map((o) => wall - o)
    .filter((instant) => zoneOffset(instant, zone) === wall - instant);
  return fits.length ? Math.min(...fits) : wall - before;
}

const ISO =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?(Z|([+-])(\d\d):?(\d\d)?)?)?$/i;

/**
 * Reads a deadline: ISO 8601 with offset (`2022-03-31T23:59:59+02:00`), a
 * local date-time (`2022-03-31T23:59`) or a date (`2022-03-31`, meaning the
 * end of that day: 23:59:59.999), the latter two in `zone`. Returns the
 * instant in milliseconds, or undefined when the value is no such date.
 */
export function parseDeadline(value: string, zone: string = DEFAULT_TIME_ZONE): number | undefined {
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = 0, frac = 0, offset, sign, oh, om = 0] = m;
  const dateOnly = h === undefined;
  const wall = dateOnly
    ? Date.UTC(+y, +mo - 1, +d, 23, 59, 59, 999)
    : Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.floor(+`0.${frac}` * 1000));
  // Date.UTC rolls 31 February over into March: such a date does not exist.
  const date = new Date(wall);
  if (date.getUTCDate() !== +d || date.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  if (!offset) return zonedToInstant(wall, zone);
  if (!sign) return wall; // Z
  if (+oh > 23 || +om > 59) return undefined;
  return wall - (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * MINUTE;
}
