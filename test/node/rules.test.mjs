// Tests of src/shared/rules.ts and src/shared/regions.ts, bundled on the fly with esbuild.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {importTs, validInterest} from './fixtures.mjs';

const {validateInterest, validateNewsletter, isEmail, MAX_MOTIVATION} = await importTs('src/shared/rules.ts');
const {COUNTRY_CODES, DE_STATES} = await importTs('src/shared/regions.ts');

const interest = (changes) => validateInterest({...validInterest(), ...changes});

/** ISO 3166-1 alpha-2, grouped by first letter ("ADEF…" = AD AE AF …): what the masks in regions.ts must give. */
const ISO_3166_1 =
  'ADEFGILMOQRSTUWXZ BABDEFGHIJLMNOQRSTVWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR GABDEFGHILMNPQRSTUWY HKMNRTU ' +
  'IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY MACDEFGHKLMNOPQRSTUVWXYZ NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW ' +
  'SABCDEGHIJKLMNORSTVXYZ TCDFGHJKLMNORTVWZ UAGMSYZ VACEGINU WFS YET ZAMW';

test('regions: 249 unique alpha-2 codes and the 16 German states', () => {
  assert.deepEqual(COUNTRY_CODES, ISO_3166_1.split(' ').flatMap((g) => [...g.slice(1)].map((c) => g[0] + c)));
  assert.equal(COUNTRY_CODES.length, 249);
  assert.equal(new Set(COUNTRY_CODES).size, 249);
  assert.ok(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c)));
  for (const code of ['DE', 'PE', 'AX', 'SS', 'BQ']) assert.ok(COUNTRY_CODES.includes(code), code);
  for (const code of ['UK', 'EU', 'XK', 'YU']) assert.ok(!COUNTRY_CODES.includes(code), code);
  assert.equal(Object.keys(DE_STATES).length, 16);
  assert.equal(DE_STATES['DE-NW'], 'Nordrhein-Westfalen');
  assert.equal(DE_STATES['DE-TH'], 'Thüringen');
});

test('isEmail: pragmatic check', () => {
  for (const ok of ['a@b.de', 'erika.mustermann+news@stadt.musterstadt.de', 'ö@bücher.de']) assert.ok(isEmail(ok), ok);
  for (const bad of ['', 'a', 'a@b', '@b.de', 'a@@b.de', 'a@b@c.de', 'a b@c.de', 'a@b.de ', 'a@.de', 'a@b.', 'a@b..de']) {
    assert.ok(!isEmail(bad), bad);
  }
  assert.ok(!isEmail(`${'a'.repeat(250)}@b.de`));
});

test('interest: a complete record is valid, also as form-encoded strings', () => {
  assert.deepEqual(validateInterest(validInterest()), {});
  assert.deepEqual(interest({population: '52000', workshop: 'false', languages: 'de,es'}), {});
  assert.deepEqual(interest({population: '', phone: '', department: '', preferredRegion: '', workshop: ''}), {});
});

test('interest: required fields', () => {
  assert.deepEqual(validateInterest({}), {
    municipality: 'required',
    municipalityType: 'required',
    country: 'required',
    contactName: 'required',
    email: 'required',
    partnership: 'required',
    languages: 'required',
    motivation: 'required',
  });
  assert.deepEqual(interest({municipality: '   ', contactName: ['x']}), {municipality: 'required', contactName: 'required'});
});

test('interest: too-long counts code points', () => {
  assert.deepEqual(interest({municipality: 'x'.repeat(201), department: 'y'.repeat(201)}), {
    municipality: 'too-long',
    department: 'too-long',
  });
  assert.equal(MAX_MOTIVATION, 2000);
  assert.deepEqual(interest({motivation: '🌍'.repeat(2000)}), {}); // 4000 UTF-16 units, 2000 characters
  assert.deepEqual(interest({motivation: 'x'.repeat(2001)}), {motivation: 'too-long'});
});

test('interest: choices', () => {
  assert.deepEqual(interest({municipalityType: 'village', partnership: 'maybe', preferredRegion: 'asia', workshop: 'yes'}), {
    municipalityType: 'choice',
    partnership: 'choice',
    preferredRegion: 'choice',
    workshop: 'choice',
  });
});

test('interest: country and state', () => {
  assert.deepEqual(interest({country: 'XX'}), {country: 'country'});
  assert.deepEqual(interest({country: 'de'}), {country: 'country'});
  assert.deepEqual(interest({state: undefined}), {state: 'required'});
  assert.deepEqual(interest({state: 'DE-XX'}), {state: 'choice'});
  assert.deepEqual(interest({country: 'AT', state: 'Tirol'}), {});
});

test('interest: population is a non-negative integer', () => {
  for (const bad of [-1, 1.5, '12a', '1e3', '-3', true, 1e21]) assert.deepEqual(interest({population: bad}), {population: 'integer'}, String(bad));
  for (const ok of [0, '0', 7, '1200000']) assert.deepEqual(interest({population: ok}), {}, String(ok));
});

test('interest: email and phone', () => {
  assert.deepEqual(interest({email: 'erika@'}), {email: 'email'});
  assert.deepEqual(interest({email: `${'a'.repeat(250)}@b.de`}), {email: 'too-long'});
  for (const bad of ['0231 936960-14', '+49', '+0123456789', '+49 231 93696014']) assert.deepEqual(interest({phone: bad}), {phone: 'phone'}, bad);
});

test('interest: partner fields are required unless partnership is none', () => {
  assert.deepEqual(interest({partnerMunicipality: '', partnerCountry: ''}), {
    partnerMunicipality: 'required',
    partnerCountry: 'required',
  });
  assert.deepEqual(interest({partnership: 'existing', partnerCountry: 'ZZ'}), {partnerCountry: 'country'});
  assert.deepEqual(interest({partnership: 'none', partnerMunicipality: '', partnerCountry: 'ZZ'}), {});
});

test('interest: languages', () => {
  assert.deepEqual(interest({languages: []}), {languages: 'required'});
  assert.deepEqual(interest({languages: ''}), {languages: 'required'});
  assert.deepEqual(interest({languages: ['de', 'it']}), {languages: 'choice'});
  assert.deepEqual(interest({languages: 'pt'}), {});
  assert.deepEqual(interest({languages: 'fr, en'}), {});
});

test('newsletter: email, name and consent', () => {
  assert.deepEqual(validateNewsletter({email: 'a@b.de', consent: true}), {});
  assert.deepEqual(validateNewsletter({email: 'a@b.de', consent: 'true', name: 'Erika'}), {});
  assert.deepEqual(validateNewsletter({}), {email: 'required', consent: 'consent'});
  assert.deepEqual(validateNewsletter({email: 'a b@c.de', consent: false}), {email: 'email', consent: 'consent'});
  assert.deepEqual(validateNewsletter({email: 'a@b.de', consent: 'on'}), {consent: 'consent'});
  assert.deepEqual(validateNewsletter({email: 'a@b.de', consent: true, name: 'n'.repeat(201)}), {name: 'too-long'});
  assert.deepEqual(validateNewsletter({email: 'a@b.de', consent: true, name: 'n'.repeat(201)}, {withName: false}), {});
  assert.deepEqual(validateNewsletter({EMAIL: 'a@b', consent: true}, {emailField: 'EMAIL'}), {EMAIL: 'email'});
});
