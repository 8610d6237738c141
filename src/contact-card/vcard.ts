/**
 * The contact as a vCard 3.0 file (RFC 2426): FN and N, ORG, TITLE, a work
 * telephone in E.164, e-mail and a photo by URL. Text escaped, lines folded
 * at 75 octets, CRLF line ends, UTF-8 (served as `text/vcard;charset=utf-8`).
 * 3.0, not 4.0: Outlook and older Android import 3.0 but not 4.0.
 */
import {contentLines, escapeText} from '../shared/text-file.js';

export interface Contact {
  /** A person's or a team's name; empty for an organisation alone. */
  name: string;
  jobTitle?: string;
  organisation?: string;
  /** E.164, e.g. `+4923193696014` */
  phone?: string;
  email?: string;
  /** An absolute http(s) URL. */
  photo?: string;
}

/** Words that make a name a team's or an office's, not a person's. */
const TEAM = /^(team|büro|referat|sekretariat|geschäftsstelle|redaktion|office)$/i;

/**
 * N's five components: family; given; additional; prefixes; suffixes.
 * "Prof. Dr. Maria Beispiel" → Beispiel; Maria; ; Prof. Dr.; — family names
 * start at the first lowercase particle ("Anna von der Heide"); what follows
 * a comma is the suffix ("…, M.A."). A team ("Team Klimapartnerschaften")
 * is one family name, so every address book files and shows it whole.
 */
export function splitName(name: string): string[] {
  const [main, ...suffix] = name.trim().split(/\s*,\s*/);
  const words = main.split(/\s+/).filter(Boolean);
  if (TEAM.test(words[0] ?? '')) return [main, '', '', '', ''];
  let p = 0;
  while (p < words.length - 1 && /\.$|^(Frau|Herr)$/.test(words[p])) p++;
  const rest = words.slice(p);
  let f = rest.findIndex((w, i) => i > 0 && /^\p{Ll}/u.test(w));
  if (f < 1) f = rest.length - 1;
  return [rest.slice(f).join(' '), rest.slice(0, Math.min(1, f)).join(' '), rest.slice(1, f).join(' '), words.slice(0, p).join(' '), suffix.join(', ')];
}

export function vcard(c: Contact): string {
  const line = (key: string, value?: string) => (value ? [`${key}:${escapeText(value)}`] : []);
  return contentLines([
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${(c.name ? splitName(c.name) : ['', '', '', '', '']).map(escapeText).join(';')}`,
    `FN:${escapeText(c.name || c.organisation || c.email || '')}`,
    ...line('ORG', c.organisation),
    ...line('TITLE', c.jobTitle),
    ...line('TEL;TYPE=WORK,VOICE', c.phone),
    ...line('EMAIL;TYPE=INTERNET,WORK', c.email),
    ...(c.photo ? [`PHOTO;VALUE=URI:${c.photo}`] : []),
    'END:VCARD',
  ]);
}
