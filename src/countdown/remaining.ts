/**
 * The countdown's arithmetic and words: splitting the time left into days,
 * hours, minutes and seconds, and writing them in the visitor's language with
 * `Intl` (plurals included).
 */
export type Unit = 'day' | 'hour' | 'minute' | 'second';
/** The units in the order shown; indexes into the arrays below. */
export const UNITS: readonly Unit[] = ['day', 'hour', 'minute', 'second'];
const SIZES = [86_400_000, 3_600_000, 60_000, 1000];

/** Whole days, hours, minutes and seconds in `ms` (rounded down; never negative), in the order of UNITS. */
export function splitRemaining(ms: number): number[] {
  let rest = Math.max(0, ms);
  return SIZES.map((size) => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    return n;
  });
}

/** A number, its word and both as written together ("3", "Tage", "3 Tage"). */
export type UnitText = readonly [number: string, word: string, whole: string];

/**
 * One language's formats and texts, made once per page and language: a
 * countdown holds this object, so that a tick finds its texts by index, with
 * no key to build and no Intl call after the first time.
 */
export interface Words {
  /** The unit formats by unit index. */
  formats: Intl.NumberFormat[];
  list: Intl.ListFormat;
  /** Texts by unit index, then by value. */
  texts: UnitText[][];
}

const byLocale = new Map<string, Words>();
/** The words of `locale` (an Intl tag), shared by every countdown that speaks it. */
export function wordsIn(locale: string): Words {
  let w = byLocale.get(locale);
  if (!w) {
    const formats = UNITS.map((unit) => new Intl.NumberFormat(locale, {style: 'unit', unit, unitDisplay: 'long'}));
    byLocale.set(locale, (w = {formats, list: new Intl.ListFormat(locale, {type: 'conjunction'}), texts: [[], [], [], []]}));
  }
  return w;
}

/**
 * "3 Tage" and its number and word apart, for the big digits, their caption
 * and the sentence (made once per language, unit and value: Intl's first use
 * of each format is what costs).
 */
export function unitText(w: Words, unit: number, value: number): UnitText {
  let text = w.texts[unit][value];
  if (!text) {
    let number = '';
    let word = '';
    let whole = '';
    for (const p of w.formats[unit].formatToParts(value)) {
      if (p.type === 'unit') word += p.value;
      else if (p.type !== 'literal') number += p.value;
      whole += p.value;
    }
    text = w.texts[unit][value] = [number, word, whole];
  }
  return text;
}

/**
 * The time left in words, to the minute: "12 Tage, 5 Stunden und 3 Minuten".
 * Leading zero units are left out; undefined when less than a minute is left.
 * `split` as from splitRemaining.
 */
export function remainingInWords(split: readonly number[], w: Words): string | undefined {
  const first = split.findIndex((n) => n > 0);
  if (first < 0 || first > 2) return undefined;
  return w.list.format(split.slice(first, 3).map((n, i) => unitText(w, first + i, n)[2]));
}
