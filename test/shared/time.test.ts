import {expect} from '@open-wc/testing';
import {parseDeadline, zoneOffset, zonedToInstant, checkTimeZone} from '../../src/shared/time.js';

const utc = (s: string) => Date.parse(s);

describe('time: deadlines as instants', () => {
  it('runs in a foreign time zone, so nothing leans on the machine zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
  });

  const cases: [string, string | undefined, string][] = [
    // value, zone, expected UTC instant
    ['2022-03-31T23:59:59+02:00', undefined, '2022-03-31T21:59:59Z'],
    ['2022-03-31T23:59:59Z', undefined, '2022-03-31T23:59:59Z'],
    ['2022-03-31T23:59:59-0300', undefined, '2022-04-01T02:59:59Z'],
    ['2022-03-31T23:59', undefined, '2022-03-31T21:59:00Z'], // Berlin summer time, UTC+2
    ['2022-03-25T23:59', undefined, '2022-03-25T22:59:00Z'], // still winter time, UTC+1
    ['2022-03-31', undefined, '2022-03-31T21:59:59.999Z'], // a date is the end of that day
    ['2022-12-31', undefined, '2022-12-31T22:59:59.999Z'],
    ['2022-03-27T02:30', undefined, '2022-03-27T01:30:00Z'], // gap: read as 03:30 CEST
    ['2022-10-30T02:30', undefined, '2022-10-30T00:30:00Z'], // overlap: the earlier, 02:30 CEST
    ['2022-10-30T03:30', undefined, '2022-10-30T02:30:00Z'], // after the overlap: CET
    ['2022-03-31T23:59', 'America/Sao_Paulo', '2022-04-01T02:59:00Z'],
    ['2022-03-31T23:59', 'Africa/Nairobi', '2022-03-31T20:59:00Z'],
    ['2022-03-31T23:59', 'UTC', '2022-03-31T23:59:00Z'],
    ['2022-03-13T02:30', 'America/New_York', '2022-03-13T07:30:00Z'], // US gap → 03:30 EDT
    ['2022-11-06T01:30', 'America/New_York', '2022-11-06T05:30:00Z'], // US overlap → EDT
    ['2022-03-31T23:59:30.5', undefined, '2022-03-31T21:59:30.500Z'],
    ['2022-03-31 23:59', undefined, '2022-03-31T21:59:00Z'],
  ];
  for (const [value, zone, expected] of cases) {
    it(`reads ${value}${zone ? ` in ${zone}` : ''} as ${expected}`, () => {
      expect(new Date(parseDeadline(value, zone)!).toISOString()).to.equal(new Date(utc(expected)).toISOString());
    });
  }

  for (const bad of ['', 'morgen', '31.03.2022', '2022-02-30', '2022-13-01', '2022-03-31T24:00', '2022-03-31T23:60',
    '2022-03-31T23:59+25:00', '2022-3-31', '<script>']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(parseDeadline(bad)).to.equal(undefined);
    });
  }

  it('knows Berlin offsets on both sides of the change to summer time', () => {
    expect(zoneOffset(utc('2022-03-27T00:59:59Z'), 'Europe/Berlin')).to.equal(3_600_000);
    expect(zoneOffset(utc('2022-03-27T01:00:00Z'), 'Europe/Berlin')).to.equal(7_200_000);
  });

  it('round-trips every hour of a year in Berlin', () => {
    const f = new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric',
      month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'});
    for (let t = utc('2022-01-01T00:00:00Z'); t < utc('2023-01-01T00:00:00Z'); t += 3_600_000) {
      const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
      const back = zonedToInstant(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute), 'Europe/Berlin');
      // The repeated hour in October maps to its first occurrence.
      if (back !== t) expect(t - back).to.equal(3_600_000, new Date(t).toISOString());
    }
  });

  it('validates zones', () => {
    expect(checkTimeZone('Europe/Berlin')).to.equal('Europe/Berlin');
    expect(checkTimeZone('Mars/Olympus')).to.equal(undefined);
  });
});
