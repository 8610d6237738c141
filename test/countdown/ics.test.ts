import {expect} from '@open-wc/testing';
import {calendarFile} from '../../src/countdown/ics.js';
import {foldLine, escapeText} from '../../src/shared/text-file.js';

/** A small RFC 5545 reader: unfolds lines and unescapes text values. */
function parse(ics: string): Record<string, string> {
  expect(ics.endsWith('\r\n')).to.equal(true);
  expect(ics.replace(/\r\n/g, '')).not.to.contain('\n', 'only CRLF line ends');
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const out: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    const key = line.slice(0, i);
    if (!(key in out)) out[key] = line.slice(i + 1).replace(/\\([\\;,])/g, '$1').replace(/\\n/gi, '\n');
  }
  return out;
}

describe('deadline as .ics', () => {
  const text = calendarFile({
    instant: Date.parse('2022-03-31T21:59:59Z'),
    summary: 'Frist: Interessensbekundung; Phase 9, „Klimapartnerschaften“ \\ Süd',
    description: 'Donnerstag, 31. März 2022, 23:59 Uhr (Mitteleuropäische Sommerzeit)\nZweite Zeile',
    url: 'https://example.org/klimapartnerschaften',
    uidSeed: 'Interessensbekundung',
    now: Date.parse('2022-03-01T08:00:00Z'),
  });

  it('parses back with UTC times, UID, DTSTAMP and the label as summary', () => {
    const v = parse(text);
    expect(v.BEGIN).to.equal('VCALENDAR');
    expect(v.VERSION).to.equal('2.0');
    expect(v.PRODID).to.be.a('string');
    expect(v.DTSTART).to.equal('20220331T215959Z');
    expect(v.DTSTAMP).to.equal('20220301T080000Z');
    expect(v.UID).to.match(/^20220331T215959Z-[0-9a-f]+@klimapartner-widgets$/);
    expect(v.SUMMARY).to.equal('Frist: Interessensbekundung; Phase 9, „Klimapartnerschaften“ \\ Süd');
    expect(v.DESCRIPTION).to.equal('Donnerstag, 31. März 2022, 23:59 Uhr (Mitteleuropäische Sommerzeit)\nZweite Zeile');
    expect(v.URL).to.equal('https://example.org/klimapartnerschaften');
  });

  it('keeps every line within 75 octets and escapes text', () => {
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(escapeText('a,b;c\\d\ne')).to.equal('a\\,b\\;c\\\\d\\ne');
  });

  it('folds without splitting a character', () => {
    const line = 'SUMMARY:' + 'ü'.repeat(100) + '😀'.repeat(20);
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).to.be.at.most(75);
      expect(part).not.to.contain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).to.equal(line);
  });

  it('refuses a non-web page URL', () => {
    const v = parse(calendarFile({instant: 0, summary: 's', description: 'd', url: 'javascript:alert(1)', uidSeed: ''}));
    expect(v.URL).to.equal(undefined);
  });
});
