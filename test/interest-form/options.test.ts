import {expect} from '@open-wc/testing';
import {countries, languageName} from '../../src/interest-form/options.js';
import {shown, summary} from '../../src/interest-form/fields.js';
import {inLocale} from '../../src/shared/locale.js';
import {COUNTRY_CODES} from '../../src/shared/regions.js';

describe('interest form: option lists', () => {
  const cases: [string, string, string, string][] = [
    ['de', 'Deutschland', 'Ägypten', 'Albanien'],
    ['en', 'Germany', 'Åland Islands', 'Albania'],
    ['fr', 'Allemagne', 'Égypte', 'Fidji'],
    ['es', 'Alemania', 'Bélgica', 'Belice'],
    ['pt', 'Alemanha', 'África do Sul', 'Albânia'],
  ];
  for (const [locale, germany, before, after] of cases) {
    it(`lists every ISO 3166-1 country in ${locale}, Germany first, then by the language's collation`, () => {
      const list = countries(locale);
      expect(list.length).to.equal(COUNTRY_CODES.length);
      expect(new Set(list.map((o) => o[0])).size).to.equal(249);
      expect(list[0]).to.deep.equal(['DE', germany]);
      const names = list.map((o) => o[1]);
      // Sorting by code units would put the accented name after the other.
      expect(names.indexOf(before)).to.be.above(0).and.below(names.indexOf(after));
      const collator = new Intl.Collator(locale);
      for (let i = 2; i < names.length; i++) expect(collator.compare(names[i - 1], names[i])).to.be.at.most(0, names[i]);
    });
  }

  it('names the working languages in the visitor’s language, capitalised', () => {
    expect(['de', 'en', 'fr', 'es', 'pt'].map((c) => languageName(c, 'fr'))).to.deep.equal([
      'Allemand',
      'Anglais',
      'Français',
      'Espagnol',
      'Portugais',
    ]);
    expect(languageName('pt', 'de')).to.equal('Portugiesisch');
  });
});

describe('interest form: conditional fields and summary', () => {
  it('shows the state only for Germany, partner fields unless "none", the preferred region only for "none"', () => {
    expect(shown('state', {country: 'DE'})).to.equal(true);
    expect(shown('state', {country: 'AT'})).to.equal(false);
    for (const partnership of ['existing', 'contacts']) {
      expect(shown('partnerMunicipality', {partnership})).to.equal(true);
      expect(shown('partnerCountry', {partnership})).to.equal(true);
      expect(shown('preferredRegion', {partnership})).to.equal(false);
    }
    expect(shown('partnerMunicipality', {partnership: 'none'})).to.equal(false);
    expect(shown('partnerCountry', {partnership: ''})).to.equal(false);
    expect(shown('preferredRegion', {partnership: 'none'})).to.equal(true);
    expect(shown('email', {})).to.equal(true);
  });

  it('writes codes as names in the visitor’s language, in form order', () => {
    const data = {
      workshop: true,
      languages: ['de', 'es'],
      country: 'DE',
      state: 'DE-NW',
      municipality: 'Dortmund',
      partnerCountry: 'GH',
      partnership: 'existing',
      municipalityType: 'city',
      phone: '',
    };
    const de = inLocale('de', () => summary(data, 'de'));
    expect(de).to.deep.equal([
      ['Name der Kommune', 'Dortmund'],
      ['Art der Kommune', 'Stadt'],
      ['Land', 'Deutschland'],
      ['Bundesland', 'Nordrhein-Westfalen'],
      ['Stand der Partnerschaft', 'Partnerschaft besteht'],
      ['Land der Partnerkommune', 'Ghana'],
      ['Arbeitssprachen mit der Partnerkommune', 'Deutsch, Spanisch'],
      ['Ich möchte am Informationsworkshop teilnehmen', 'Ja'],
    ]);
    const es = inLocale('es', () => summary({country: 'DE', workshop: false}, 'es'));
    expect(es).to.deep.equal([
      ['País', 'Alemania'],
      ['Quiero participar en el taller informativo', 'No'],
    ]);
  });
});
