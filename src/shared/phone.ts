/**
 * Telephone numbers as people write them, read into E.164 (for `tel:` links,
 * vCards and form receivers) and into DIN 5008's international form for
 * display: `+49 231 936960-14` (country code, area code, subscriber number,
 * extension after a hyphen).
 *
 * No number database: the country code comes from ITU's code lengths (codes
 * form a prefix code), the German area code from the writer's own separators
 * (space, slash, parentheses, hyphen, dot). A German number written as one
 * block (`023193696014`) is dialled correctly but shown without an area-code
 * gap (`+49 23193696014`). Numbers of other countries keep the writer's
 * grouping after the country code.
 */

export interface Phone {
  /** `+4923193696014` */
  e164: string;
  /** `+49 231 936960-14` */
  display: string;
}

/** National numbers (leading trunk `0`) are understood for these countries. */
const TRUNK: Record<string, string> = {DE: '49', AT: '43', CH: '41'};

/** Country code length: 1 digit (1, 7), the 2-digit codes, else 3 digits. */
const COUNTRY = /^(?:[17]|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]|[2-9]\d\d)/;

/**
 * Reads a telephone number; undefined if `text` is not one. A number without
 * `+` or `00` is a national number of `defaultCountry` (DE, AT or CH).
 */
export function parsePhone(text: string, defaultCountry = 'DE'): Phone | undefined {
  // Unicode spaces (\s) and dashes as plain ones; "(0)" after a country code is the optional trunk prefix.
  let s = text.replace(/\s+/g, ' ').replace(/[\u2010-\u2013]/g, '-').trim();
  if (!/^(\+ ?)?[\d ()/.-]+$/.test(s)) return undefined;
  const international = /^(\+|00)/.test(s);
  s = s.replace(/^(\+|00) ?/, '').replace(/\(0\)/, ' ');
  // Groups of digits, each remembering whether a hyphen came before it.
  const groups = [...s.matchAll(/([ ()/.-]*)(\d+)/g)].map(([, gap, digits]) => ({dash: gap.includes('-'), digits}));
  const all = () => groups.map((g) => g.digits).join('');
  const cc = international ? COUNTRY.exec(all())?.[0] : TRUNK[defaultCountry.toUpperCase()];
  if (!cc || !groups.length || (!international && !/^0[1-9]/.test(all()))) return undefined;
  // Drop the country code's digits, and then the trunk 0 of a national number
  // (or of "+49 0231", a common slip) from the front.
  const trunk = /^4[139]$/.test(cc); // TRUNK's codes
  let drop = international ? cc.length + (trunk && all()[cc.length] === '0' ? 1 : 0) : 1;
  while (drop) {
    const take = Math.min(drop, groups[0].digits.length);
    groups[0].digits = groups[0].digits.slice(take);
    drop -= take;
    if (!groups[0].digits) groups.shift();
  }
  const digits = all();
  const length = cc.length + digits.length;
  if (!/^[1-9]/.test(digits) || length < 7 || length > 15) return undefined;
  let display: string;
  if (cc === '49') {
    // DIN 5008. Area code: the writer's first group, if it can be one (2–5 digits) and something follows.
    const first = groups[0].digits.length;
    const area = groups.length > 1 && first > 1 && first < 6 ? groups.shift()!.digits + ' ' : '';
    const ext = groups.length > 1 && groups[groups.length - 1].dash ? '-' + groups.pop()!.digits : '';
    display = area + all() + ext;
  } else {
    display = groups.map((g, i) => (i ? (g.dash ? '-' : ' ') : '') + g.digits).join('');
  }
  return {e164: `+${cc}${digits}`, display: `+${cc} ${display}`};
}

/** E.164 of a typed number (`0231 936960-14` → `+4923193696014`), or undefined. */
export function toE164(text: string, defaultCountry = 'DE'): string | undefined {
  return parsePhone(text, defaultCountry)?.e164;
}
