import {expect} from '@open-wc/testing';
import {faults} from '../shared/submission/receiver.js';
import {control, fill, make, savedFile, send, text, VALID, records, submitted} from './helpers.js';
import {until} from '../helpers.js';

describe('<kp-interest-form>: fields, rules, the stored record', () => {

  it('stores what was typed, field by field, as the contract says', async () => {
    const el = await make();
    await fill(el, VALID);
    let response: {reference?: string} = {};
    el.addEventListener('kp-success', (e) => (response = e.detail.response as typeof response));
    await send(el);
    expect(el.sender.state).to.equal('sent');
    const stored = await records();
    expect(stored).to.have.length(1);
    expect(stored[0].form).to.equal('interest');
    expect(stored[0].locale).to.equal('de');
    expect(stored[0].data).to.deep.equal({
      municipality: 'Dortmund',
      municipalityType: 'city',
      country: 'DE',
      state: 'DE-NW',
      population: 588250,
      contactName: 'Dr. Maria Beispiel',
      department: 'Agenda-21-Büro',
      email: 'maria.beispiel@example.org',
      phone: '+4923193696014',
      partnership: 'existing',
      partnerMunicipality: 'Kumasi',
      partnerCountry: 'GH',
      languages: ['de', 'en'],
      motivation: 'Wir möchten gemeinsam ein Handlungsprogramm erarbeiten.',
      workshop: true,
    });
    // Success: the reference the receiver gave, and a summary in the visitor's language.
    expect(response.reference).to.match(/^[0-9A-F]{8}$/);
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    expect(text(status)).to.contain(`Referenz: ${response.reference}`);
    expect(el.shadowRoot!.activeElement).to.equal(status);
    const rows = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`);
    expect(rows).to.include.members([
      'Land der Partnerkommune: Ghana',
      'Bundesland: Nordrhein-Westfalen',
      'Arbeitssprachen mit der Partnerkommune: Deutsch, Englisch',
      'Telefon: +49 231 936960-14', // typed 0231 936960-14, sent +4923193696014: shown per DIN 5008 like the contact card
    ]);
    // "Speichern (.txt)": the same summary, headed by the thanks and the reference.
    const file = await savedFile(el);
    expect(file.name).to.match(/^vielen-dank-ihre-interessensbekundung-ist-eingegangen.*\.txt$/);
    const lines = file.text.split('\n');
    expect(lines[0]).to.equal(`Vielen Dank! Ihre Interessensbekundung ist eingegangen. Referenz: ${response.reference}`);
    expect(lines).to.include.members(rows);
  });
});

describe('<kp-interest-form>: validation the GOV.UK way', () => {

  const errorsShown = (el: Element) =>
    [...el.shadowRoot!.querySelectorAll('.summary a')].map((a) => a.getAttribute('href')!.slice(3));

  it('lists every missing required field, focuses the summary, sends nothing', async () => {
    const el = await make();
    await send(el);
    expect(errorsShown(el)).to.deep.equal([
      'municipality',
      'municipalityType',
      'state',
      'contactName',
      'email',
      'partnership',
      'languages',
      'motivation',
    ]);
    expect(el.shadowRoot!.activeElement?.className).to.contain('summary');
    const input = control(el, 'municipality');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('e-municipality');
    expect(text(el.shadowRoot!.getElementById('e-municipality'))).to.equal('Fehler: Bitte füllen Sie dieses Feld aus.');
    expect(text(el.shadowRoot!.getElementById('e-partnership'))).to.equal('Fehler: Bitte wählen Sie eine der Möglichkeiten.');
    expect(control(el, 'population').hasAttribute('aria-invalid')).to.equal(false);
    (el.shadowRoot!.querySelector('.summary a[href="#f-email"]') as HTMLElement).click();
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'email'));
    expect(submitted()).to.equal(false);
  });

  it('checks each field’s rule and keeps what was typed', async () => {
    const el = await make();
    await fill(el, {
      ...VALID,
      population: 'zwölftausend',
      email: 'maria@',
      country: 'FR',
      phone: '01 23 45 67 89',
      motivation: 'ä'.repeat(2001),
      municipality: 'x'.repeat(201),
    });
    await send(el);
    expect(errorsShown(el)).to.deep.equal(['municipality', 'population', 'email', 'phone', 'motivation']);
    expect(text(el.shadowRoot!.getElementById('e-phone'))).to.contain('Ländervorwahl');
    expect(text(el.shadowRoot!.getElementById('e-population'))).to.contain('ganze Zahl');
    expect(text(el.shadowRoot!.getElementById('e-motivation'))).to.contain('zu lang');
    expect(text(el.shadowRoot!.getElementById('h-motivation'))).to.equal('1 Zeichen zu viel');
    expect(control(el, 'email').value).to.equal('maria@');
    expect(submitted()).to.equal(false);
    // Corrected: the French number with its country code passes.
    await fill(el, {population: '12500', email: 'm@example.fr', phone: '+33 1 23 45 67 89', motivation: 'ä'.repeat(2000), municipality: 'Lyon'});
    expect(text(el.shadowRoot!.getElementById('h-motivation'))).to.equal('Noch 0 Zeichen');
    await send(el);
    expect(el.sender.state).to.equal('sent');
    const [record] = await records();
    expect(record.data).to.include({phone: '+33123456789', population: 12500, country: 'FR'});
    expect(record.data).not.to.have.property('state');
  });

  it('shows the state only for Germany; partner fields unless "none"; the region only for "none"', async () => {
    const el = await make();
    const has = (name: string) => !!el.shadowRoot!.querySelector(`[name=${name}]`);
    expect(has('state')).to.equal(true);
    expect(has('partnerMunicipality') || has('partnerCountry') || has('preferredRegion')).to.equal(false);
    await fill(el, {country: 'AT'});
    expect(has('state')).to.equal(false);
    await fill(el, {partnership: 'contacts'});
    expect([has('partnerMunicipality'), has('partnerCountry'), has('preferredRegion')]).to.deep.equal([true, true, false]);
    await fill(el, {partnership: 'none'});
    expect([has('partnerMunicipality'), has('partnerCountry'), has('preferredRegion')]).to.deep.equal([false, false, true]);
    // Hidden fields are neither required nor sent, even when typed before.
    await fill(el, {partnership: 'existing', partnerMunicipality: 'Kumasi', country: 'DE', state: 'DE-BY'});
    await fill(el, {...VALID, country: 'AT', state: 'DE-BY', partnership: 'none', partnerCountry: 'GH'});
    await send(el);
    expect(el.sender.state).to.equal('sent');
    const [record] = await records();
    for (const key of ['state', 'partnerMunicipality', 'partnerCountry', 'preferredRegion']) expect(record.data).not.to.have.property(key);
    expect(record.data).to.include({country: 'AT', partnership: 'none', workshop: true});
  });

  it('keeps each select’s list and choice when a field comes back and when the language changes', async () => {
    const el = await make();
    const select = (name: string) => el.shadowRoot!.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
    const shown = (name: string) => [select(name).options.length, select(name).value, select(name).selectedOptions[0]?.text];
    // Until the visitor reaches the form, the country select holds only its choice (no list to build before first paint).
    expect(shown('country')).to.deep.equal([1, 'DE', 'Deutschland']);
    el.shadowRoot!.querySelector<HTMLInputElement>('[name=municipality]')!.focus();
    await el.updateComplete;
    expect(shown('country')).to.deep.equal([249, 'DE', 'Deutschland']);
    expect(shown('state')).to.deep.equal([17, '', 'Bitte wählen']);
    await fill(el, {state: 'DE-NW', partnership: 'contacts', partnerCountry: 'GH'});
    // The state leaves with Austria and comes back, whole, with Germany.
    await fill(el, {country: 'AT'});
    expect(select('state')).to.equal(null);
    expect(shown('country')).to.deep.equal([249, 'AT', 'Österreich']);
    await fill(el, {country: 'DE'});
    expect(shown('state')).to.deep.equal([17, 'DE-NW', 'Nordrhein-Westfalen']);
    // Another language: new names, the same choices.
    el.parentElement!.lang = 'fr';
    await until(() => select('country').options[0].text === 'Allemagne');
    expect(shown('country')).to.deep.equal([249, 'DE', 'Allemagne']);
    expect(shown('partnerCountry')).to.deep.equal([249, 'GH', 'Ghana']);
    expect(select('partnerCountry').options[0].text).to.equal('Veuillez choisir');
    expect(shown('state')).to.deep.equal([17, 'DE-NW', 'Nordrhein-Westfalen']);
    // A value set from a script (a restored draft, a host) shows in the select.
    el.values = {...el.values, partnerCountry: 'BJ'};
    el.requestUpdate();
    await el.updateComplete;
    expect(shown('partnerCountry')).to.deep.equal([249, 'BJ', 'Bénin']);
  });

  it('fills the country lists when the visitor first reaches the form (focus or press), keeping the choice', async () => {
    const el = await make();
    const select = (name: string) => el.shadowRoot!.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
    const shown = (name: string) => [select(name).options.length, select(name).value, select(name).selectedOptions[0]?.text];
    // A restored draft or a host's value shows before the list is there.
    el.values = {...el.values, country: 'FR'};
    el.requestUpdate();
    await el.updateComplete;
    expect(shown('country')).to.deep.equal([1, 'FR', 'Frankreich']);
    // A press on the select (before it opens: the update runs in a microtask, ahead of the default action).
    select('country').dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}));
    await Promise.resolve();
    await el.updateComplete;
    expect(shown('country')).to.deep.equal([249, 'FR', 'Frankreich']);
    expect(select('country').options[0].value).to.equal('DE', 'Germany first');
    // The partner's country, once shown, lists every country but Germany.
    await fill(el, {partnership: 'contacts'});
    expect(shown('partnerCountry')).to.deep.equal([249, '', 'Bitte wählen']);
  });

  it('marks optional fields in words and required ones for assistive technology', async () => {
    const el = await make();
    const label = (name: string) => text(el.shadowRoot!.querySelector(`label[for=f-${name}]`));
    expect(label('population')).to.equal('Einwohnerzahl (optional)');
    expect(label('phone')).to.equal('Telefon (optional)');
    expect(label('email')).to.equal('E-Mail-Adresse');
    expect(control(el, 'email').getAttribute('aria-required')).to.equal('true');
    expect(control(el, 'phone').hasAttribute('aria-required')).to.equal(false);
    expect(control(el, 'email').getAttribute('autocomplete')).to.equal('email');
    expect(control(el, 'phone').getAttribute('autocomplete')).to.equal('tel');
    expect(control(el, 'contactName').getAttribute('autocomplete')).to.equal('name');
    expect(control(el, 'municipality').getAttribute('autocomplete')).to.equal('organization');
    expect(control(el, 'country').getAttribute('autocomplete')).to.equal('country');
    expect(control(el, 'population').getAttribute('inputmode')).to.equal('numeric');
    const legends = [...el.shadowRoot!.querySelectorAll('legend')].map(text);
    expect(legends).to.include.members(['Kommune', 'Ansprechperson', 'Partnerschaft', 'Arbeitssprachen mit der Partnerkommune']);
    const privacy = el.shadowRoot!.querySelector('a[href="/datenschutz"]')!;
    expect(privacy.compareDocumentPosition(el.shadowRoot!.querySelector('form > button')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.above(0);
    expect(el.shadowRoot!.querySelector('[name=consent]')).to.equal(null);
  });

  it('with consent-required, asks for consent and sends it', async () => {
    const el = await make('consent-required');
    await fill(el, VALID);
    await send(el);
    expect(errorsShown(el)).to.deep.equal(['consent']);
    await fill(el, {consent: true});
    await send(el);
    expect((await records())[0].data).to.include({consent: true});
  });

  it('shows the receiver’s 422 errors at the fields', async () => {
    await faults([{errors: {email: 'email', municipality: 'Diese Kommune ist schon angemeldet.'}}]);
    const el = await make();
    await fill(el, VALID);
    await send(el);
    expect(el.sender.state).to.equal('idle');
    expect(errorsShown(el)).to.deep.equal(['email', 'municipality']);
    expect(text(el.shadowRoot!.getElementById('e-municipality'))).to.equal('Fehler: Diese Kommune ist schon angemeldet.');
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
  });
});
