import {expect} from '@open-wc/testing';

/** Reads a vCard back: checks CRLF and 75 octets, unfolds, splits components and unescapes. */
export function readVcard(text: string): Record<string, string[]> {
  expect(text.endsWith('\r\n')).to.equal(true);
  expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/, 'only CRLF line ends');
  for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
  const out: Record<string, string[]> = {};
  for (const line of text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean)) {
    const colon = line.indexOf(':');
    const values = line
      .slice(colon + 1)
      .split(/(?<!\\);/) // components; an escaped \; stays in its component
      .map((v) => v.replace(/\\n/gi, '\n').replace(/\\([\\;,])/g, '$1'));
    out[line.slice(0, colon)] = values;
  }
  return out;
}
