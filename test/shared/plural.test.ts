/**
 * Counted texts in the plural forms of all five languages (Intl.PluralRules),
 * with the numbers whose forms differ between them: 0 and 1.5 are "one" in
 * French and Brazilian Portuguese, "other" in German, English and Spanish.
 */
import {expect} from '@open-wc/testing';
import {msg} from '@lit/localize';
import {inLocale, LOCALES, type Locale} from '../../src/shared/locale.js';
import {plural} from '../../src/shared/plural.js';
import {UNITS, unitText, wordsIn} from '../../src/countdown/remaining.js';
import {fill, make, text} from '../interest-form/helpers.js';

/** The Intl locale each language renders with by default (src/shared/locale.ts). */
const INTL: Record<Locale, string> = {de: 'de-DE', en: 'en-GB', fr: 'fr-FR', es: 'es-419', pt: 'pt-BR'};
const NUMBERS = [0, 1, 2, 5, 21, 1.5];

describe('plural forms', () => {
  it('"characters left" in every language', () => {
    const left = (l: Locale) => NUMBERS.map((n) => inLocale(l, () => plural(msg('other:Noch # Zeichen'), n, INTL[l])));
    expect(left('de')).to.deep.equal(['Noch 0 Zeichen', 'Noch 1 Zeichen', 'Noch 2 Zeichen', 'Noch 5 Zeichen', 'Noch 21 Zeichen', 'Noch 1,5 Zeichen']);
    expect(left('en')).to.deep.equal([
      '0 characters left', '1 character left', '2 characters left', '5 characters left', '21 characters left', '1.5 characters left',
    ]);
    expect(left('fr')).to.deep.equal([
      'Encore 0 caractère', 'Encore 1 caractère', 'Encore 2 caractères', 'Encore 5 caractères', 'Encore 21 caractères', 'Encore 1,5 caractère',
    ]);
    expect(left('es')).to.deep.equal([
      'Quedan 0 caracteres', 'Queda 1 carácter', 'Quedan 2 caracteres', 'Quedan 5 caracteres', 'Quedan 21 caracteres', 'Quedan 1.5 caracteres',
    ]);
    expect(left('pt')).to.deep.equal([
      'Resta 0 caractere', 'Resta 1 caractere', 'Restam 2 caracteres', 'Restam 5 caracteres', 'Restam 21 caracteres', 'Resta 1,5 caractere',
    ]);
  });

  it('"characters too many" in every language', () => {
    const over = (l: Locale) => [1, 2].map((n) => inLocale(l, () => plural(msg('other:# Zeichen zu viel'), n, INTL[l])));
    expect(LOCALES.map(over)).to.deep.equal([
      ['1 Zeichen zu viel', '2 Zeichen zu viel'],
      ['1 character too many', '2 characters too many'],
      ['1 caractère de trop', '2 caractères de trop'],
      ['1 carácter de más', '2 caracteres de más'],
      ['1 caractere a mais', '2 caracteres a mais'],
    ]);
  });

  it('falls back to "other" for a category a message does not name, and a number in the language’s digits', () => {
    expect(plural('other:# x', 1, 'de-DE')).to.equal('1 x');
    expect(plural('one:# a|other:# b', 1000, 'fr-FR')).to.equal('1\u202f000 b');
  });

  it('the countdown’s days, hours, minutes and seconds agree with Intl.PluralRules in every language', () => {
    const WORDS: Record<Locale, [string, string][]> = {
      de: [['Tag', 'Tage'], ['Stunde', 'Stunden'], ['Minute', 'Minuten'], ['Sekunde', 'Sekunden']],
      en: [['day', 'days'], ['hour', 'hours'], ['minute', 'minutes'], ['second', 'seconds']],
      fr: [['jour', 'jours'], ['heure', 'heures'], ['minute', 'minutes'], ['seconde', 'secondes']],
      es: [['día', 'días'], ['hora', 'horas'], ['minuto', 'minutos'], ['segundo', 'segundos']],
      pt: [['dia', 'dias'], ['hora', 'horas'], ['minuto', 'minutos'], ['segundo', 'segundos']],
    };
    for (const l of LOCALES) {
      const rules = new Intl.PluralRules(INTL[l]);
      for (const n of NUMBERS) {
        UNITS.forEach((_, unit) => {
          const [, word] = unitText(wordsIn(INTL[l]), unit, n);
          expect(word, `${l} ${n} ${UNITS[unit]}`).to.equal(WORDS[l][unit][rules.select(n) === 'one' ? 0 : 1]);
        });
      }
    }
    // 0 and 1.5 take the singular in French and Portuguese, the plural in the others.
    expect(unitText(wordsIn('fr-FR'), 0, 0)[1]).to.equal('jour');
    expect(unitText(wordsIn('pt-BR'), 0, 1.5)[1]).to.equal('dia');
    expect(unitText(wordsIn('en-GB'), 0, 0)[1]).to.equal('days');
  });

  it('the interest form’s motivation hint says "1 character left" and "1 character too many" in English', async () => {
    const el = await make('', 'en');
    const hint = () => text(el.shadowRoot!.getElementById('h-motivation'));
    await fill(el, {motivation: 'a'.repeat(1999)});
    expect(hint()).to.equal('1 character left');
    await fill(el, {motivation: 'a'.repeat(2001)});
    expect(hint()).to.equal('1 character too many');
    await fill(el, {motivation: 'a'.repeat(1998)});
    expect(hint()).to.equal('2 characters left');
  });
});
