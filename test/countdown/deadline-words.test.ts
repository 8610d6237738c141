import {expect} from '@open-wc/testing';
import {formatDeadline} from '../../src/shared/deadline.js';
import {inLocale} from '../../src/shared/locale.js';

/**
 * formatDeadline makes one Intl.DateTimeFormat for date, time and zone name and
 * cuts date and time out of its parts. Pinned here: the result reads exactly as
 * with three formats (date alone, time alone, zone name alone), in every language
 * we speak and the regional tags pages use, in this browser's ICU.
 */
describe('the deadline in words', () => {
  const locales = ['de-DE', 'de-AT', 'de-CH', 'en-GB', 'en-US', 'en-IE', 'fr-FR', 'fr-CA', 'fr-CH', 'es-419', 'es-ES', 'es-MX', 'pt-BR', 'pt-PT'];
  const zones = ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe', undefined];
  const instants = [Date.UTC(2022, 2, 31, 21, 59, 59), Date.UTC(2027, 0, 5, 8, 3), Date.UTC(2026, 6, 1, 0, 0)];

  function threeFormats(instant: number, zone: string | undefined, locale: string) {
    const date = new Intl.DateTimeFormat(locale, {timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'});
    const time = new Intl.DateTimeFormat(locale, {timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
    const name = new Intl.DateTimeFormat(locale, {timeZone: zone, timeZoneName: 'long'}).formatToParts(instant);
    return `${date.format(instant)}, ${time.format(instant)} Uhr (${name.find((p) => p.type === 'timeZoneName')!.value})`;
  }

  it('reads as date, time and zone name formatted apart', () => {
    for (const locale of locales)
      for (const zone of zones)
        for (const instant of instants) {
          // German (the source locale) renders the message as written, so the comparison sees every part.
          expect(inLocale('de', () => formatDeadline(instant, zone, locale))).to.equal(
            threeFormats(instant, zone, locale),
            `${locale} ${zone} ${new Date(instant).toISOString()}`,
          );
        }
  });

  it('names the visitor’s own zone when none is given', () => {
    expect(inLocale('de', () => formatDeadline(Date.UTC(2022, 2, 31, 21, 59), undefined, 'de-DE'))).to.equal(
      'Donnerstag, 31. März 2022, 17:59 Uhr (Nordamerikanische Ostküsten-Sommerzeit)',
    );
  });
});
