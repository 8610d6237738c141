/**
 * The countdown's arithmetic and words: splitting the time left into days,
 * hours, minutes and seconds, and writing them in the visitor's language with
 * `Intl` (plurals included).
 */
export type Unit = 'day' | 'hour' | 'minute' | 'second';
export const UNITS: readonly Unit[] = ['day', 'hour', 'minute', 'second'];
const SIZES: Record<Unit, number> = {day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000};

export type Split = Record<Unit, number>;

/** Whole days, hours, minutes and seconds in `ms` (rounded down; never negative). */
export function splitRemaining(ms: number): Split {
  let rest = Math.max(0, Math.floor(ms / 1000) * 1000);
  const out = {} as Split;
  for (const unit of UNITS) {
    out[unit] = Math.floor(rest / SIZES[unit]);
    rest -= out[unit] * SIZES[unit];
  }
  return out;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function unitFormat(locale: string, unit: Unit): Intl.NumberFormat {
  const key = `${locale}:${unit}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, {style: 'unit', unit, unitDisplay: 'long'})));
  return f;
}

const partsCache = new Map<string, {number: string; word: string}>();
/** "3 Tage" split into the number and its word, for the big digits and their caption (cached). */
export function unitParts(value: number, unit: Unit, locale: string): {number: string; word: string} {
  const key = locale + unit + value;
  let parts = partsCache.get(key);
  if (!parts) {
    parts = {number: '', word: ''};
    for (const p of unitFormat(locale, unit).formatToParts(value)) {
      if (p.type === 'unit') parts.word += p.value;
      else if (p.type !== 'literal') parts.number += p.value;
    }
    partsCache.set(key, parts);
  }
  return parts;
}

const lists = new Map<string, Intl.ListFormat>();

/**
 * The time left in words, to the minute: "12 Tage, 5 Stunden und 3 Minuten".
 * Leading zero units are left out; undefined when less than a minute is left.
 */
let last: [key: string, words: string | undefined] = ['', undefined];
export function remainingInWords(split: Split, locale: string): string | undefined {
  // Called every second by every countdown; the words change once a minute.
  const key = `${locale} ${split.day} ${split.hour} ${split.minute}`;
  if (last[0] != key) last = [key, wordsFor(split, locale)];
  return last[1];
}

function wordsFor(split: Split, locale: string): string | undefined {
  const units: Unit[] = ['day', 'hour', 'minute'];
  const first = units.findIndex((u) => split[u] > 0);
  if (first < 0) return undefined;
  const words = units.slice(first).map((u) => unitFormat(locale, u).format(split[u]));
  let list = lists.get(locale);
  if (!list) lists.set(locale, (list = new Intl.ListFormat(locale, {type: 'conjunction'})));
  return list.format(words);
}
