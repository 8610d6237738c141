/**
 * The common ground of iCalendar (RFC 5545) and vCard (RFC 6350) files:
 * escaped text values, lines folded at 75 octets, CRLF line ends, and a
 * download of the result.
 */

/** Escapes a TEXT value: backslash, comma, semicolon and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\r\n?|\n|[\\;,]/g, (c) => (c < ' ' ? '\\n' : '\\' + c));
}

const encoder = new TextEncoder();

/**
 * Folds one content line so that no line exceeds 75 octets of UTF-8, never
 * splitting a character; continuation lines start with one space.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length ? 74 : 75; // continuation lines carry the leading space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Joins content lines into a file: each folded, each ended by CRLF. */
export function contentLines(lines: string[]): string {
  return lines.map((l) => foldLine(l) + '\r\n').join('');
}

/** A file name from free text: letters, digits and hyphens only. */
export function fileName(text: string, extension: string, fallback: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${base || fallback}.${extension}`;
}

/** Offers `text` as a file download without any request (a blob URL). */
export function download(text: string, name: string, type: string, from: Element): void {
  const url = URL.createObjectURL(new Blob([text], {type: `${type};charset=utf-8`}));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  (from.shadowRoot ?? from).appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
