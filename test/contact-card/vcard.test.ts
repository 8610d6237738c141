import {expect} from '@open-wc/testing';
import {splitName, vcard} from '../../src/contact-card/vcard.js';
import {readVcard} from './read-vcard.js';

describe('contact as vCard', () => {
  it('writes a 3.0 card that parses back field by field', () => {
    const v = readVcard(
      vcard({
        name: 'Dr. Maria Beispiel',
        jobTitle: 'Projektkoordination',
        organisation: 'LAG 21 NRW',
        phone: '+4923193696014',
        email: 'maria.beispiel@example.org',
        photo: 'https://example.org/fotos/maria.jpg',
      }),
    );
    expect(Object.keys(v)).to.deep.equal([
      'BEGIN',
      'VERSION',
      'N',
      'FN',
      'ORG',
      'TITLE',
      'TEL;TYPE=WORK,VOICE',
      'EMAIL;TYPE=INTERNET,WORK',
      'PHOTO;VALUE=URI',
      'END',
    ]);
    expect(v.BEGIN).to.deep.equal(['VCARD']);
    expect(v.VERSION).to.deep.equal(['3.0']);
    expect(v.N).to.deep.equal(['Beispiel', 'Maria', '', 'Dr.', '']);
    expect(v.FN).to.deep.equal(['Dr. Maria Beispiel']);
    expect(v.ORG).to.deep.equal(['LAG 21 NRW']);
    expect(v.TITLE).to.deep.equal(['Projektkoordination']);
    expect(v['TEL;TYPE=WORK,VOICE']).to.deep.equal(['+4923193696014']);
    expect(v['EMAIL;TYPE=INTERNET,WORK']).to.deep.equal(['maria.beispiel@example.org']);
    expect(v['PHOTO;VALUE=URI']).to.deep.equal(['https://example.org/fotos/maria.jpg']);
    expect(v.END).to.deep.equal(['VCARD']);
  });

  it('escapes comma, semicolon, backslash and line breaks, keeps UTF-8 and folds long lines', () => {
    const name = 'Jörg Müller-Lüdenscheidt';
    const org = 'SKEW; ENGAGEMENT GLOBAL, Bonn \\ Referat 1\nZweite Zeile ' + 'ä'.repeat(60);
    const text = vcard({name, organisation: org, jobTitle: 'A,B;C'});
    expect(text).to.contain('ORG:SKEW\\; ENGAGEMENT GLOBAL\\, Bonn \\\\ Referat 1\\nZweite Zeile');
    expect(text).to.contain('TITLE:A\\,B\\;C\r\n');
    expect(text).to.contain('\r\n ', 'the long ORG line is folded');
    const v = readVcard(text);
    expect(v.ORG).to.deep.equal([org]);
    expect(v.TITLE).to.deep.equal(['A,B;C']);
    expect(v.N).to.deep.equal(['Müller-Lüdenscheidt', 'Jörg', '', '', '']);
    expect(v.TEL, 'no empty lines').to.equal(undefined);
    expect(v.EMAIL).to.equal(undefined);
  });

  it('splits names: prefixes, particles, middle names, suffixes, teams', () => {
    expect(splitName('Dr. Maria Beispiel')).to.deep.equal(['Beispiel', 'Maria', '', 'Dr.', '']);
    expect(splitName('Frau Prof. Dr. Anna von der Heide')).to.deep.equal(['von der Heide', 'Anna', '', 'Frau Prof. Dr.', '']);
    expect(splitName('Anna Lena Schmidt, M.A.')).to.deep.equal(['Schmidt', 'Anna', 'Lena', '', 'M.A.']);
    expect(splitName('Amara Diallo')).to.deep.equal(['Diallo', 'Amara', '', '', '']);
    expect(splitName('Madonna')).to.deep.equal(['Madonna', '', '', '', '']);
    expect(splitName('Team Klimapartnerschaften')).to.deep.equal(['Team Klimapartnerschaften', '', '', '', '']);
    expect(splitName('Geschäftsstelle LAG 21 NRW')).to.deep.equal(['Geschäftsstelle LAG 21 NRW', '', '', '', '']);
  });

  it('writes an organisation alone with an empty N and the organisation as FN', () => {
    const v = readVcard(vcard({name: '', organisation: 'LAG 21 NRW', email: 'info@example.org'}));
    expect(v.N).to.deep.equal(['', '', '', '', '']);
    expect(v.FN).to.deep.equal(['LAG 21 NRW']);
  });
});
