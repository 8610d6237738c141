import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import {faults} from '../shared/submission/receiver.js';
import {until} from '../helpers.js';
import {control, fill, make, send, text, VALID, records, tries} from './helpers.js';

const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLInputElement | null;
const tab = () => sendKeys({press: 'Tab'});

describe('<kp-interest-form>: journeys', () => {

  it('can be filled in and sent by keyboard alone', async () => {
    const el = await make();
    control(el, 'municipality').focus();
    await sendKeys({type: 'Bielefeld'});
    await tab(); // type: radios, first one
    expect(focused(el)?.name).to.equal('municipalityType');
    await sendKeys({press: 'ArrowDown'}); // → Gemeinde (arrows check in a radio group)
    await tab(); // country, Germany preset
    expect(focused(el)?.name).to.equal('country');
    await tab(); // state
    expect(focused(el)?.name).to.equal('state');
    await sendKeys({type: 'Nordrhein'});
    await tab();
    await sendKeys({type: '334000'});
    await tab();
    await sendKeys({type: 'Ana Lima'});
    await tab();
    await tab(); // department left empty
    await sendKeys({type: 'ana@example.org'});
    await tab();
    await sendKeys({type: '0521 51-0'});
    await tab(); // partnership: first radio, not checked yet
    expect(focused(el)?.name).to.equal('partnership');
    await sendKeys({press: ' '}); // existing → partner fields appear after the group
    await el.updateComplete;
    await tab(); // a radio group is one tab stop
    expect(focused(el)?.name).to.equal('partnerMunicipality');
    await sendKeys({type: 'Estelí'});
    await tab();
    expect(focused(el)?.name).to.equal('partnerCountry');
    await sendKeys({type: 'Nicaragua'});
    await tab(); // languages: de
    await sendKeys({press: ' '});
    await tab();
    await tab();
    await tab(); // es
    await sendKeys({press: ' '});
    await tab();
    await tab(); // motivation
    expect(focused(el)?.name).to.equal('motivation');
    await sendKeys({type: 'Klimaschutz gemeinsam'});
    await tab();
    expect(focused(el)?.name).to.equal('workshop');
    await sendKeys({press: ' '});
    await tab(); // privacy link
    await tab(); // submit
    expect(focused(el)?.localName).to.equal('button');
    await sendKeys({press: 'Enter'});
    await until(() => el.sender.state === 'sent', 5000, 'sent');
    const [record] = await records();
    expect(record.data).to.deep.equal({
      municipality: 'Bielefeld',
      municipalityType: 'municipality',
      country: 'DE',
      state: 'DE-NW',
      population: 334000,
      contactName: 'Ana Lima',
      email: 'ana@example.org',
      phone: '+49521510',
      partnership: 'existing',
      partnerMunicipality: 'Estelí',
      partnerCountry: 'NI',
      languages: ['de', 'es'],
      motivation: 'Klimaschutz gemeinsam',
      workshop: true,
    });
  });

  it('restores the draft after a reload and deletes it once sent', async () => {
    let el = await make();
    await fill(el, {...VALID, motivation: 'Entwurf'});
    await new Promise((r) => setTimeout(r, 400));
    el.parentElement!.remove();
    el = await make();
    expect(control(el, 'motivation').value).to.equal('Entwurf');
    expect(control(el, 'partnerMunicipality').value).to.equal('Kumasi');
    expect((control(el, 'state') as unknown as HTMLSelectElement).value).to.equal('DE-NW');
    await fill(el, {motivation: 'Entwurf, fertig'});
    await send(el);
    await new Promise((r) => setTimeout(r, 400));
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('kp-draft:kp-interest-form'))).to.deep.equal([]);
    expect((await records())[0].data.motivation).to.equal('Entwurf, fertig');
  });

  it('retries after a fault with the same key: one record', async () => {
    await faults([{status: 500}, {drop: true}]);
    const el = await make();
    await fill(el, VALID);
    await send(el);
    expect(el.sender.state).to.equal('sent');
    expect(await records()).to.have.length(1);
    expect(await tries()).to.equal(3);
  });

  it('keeps what was typed when sending fails for good, and sends it again on request', async () => {
    await faults([{status: 503}, {status: 503}]);
    const el = await make();
    el.sender.tries = 2;
    await fill(el, VALID);
    await send(el);
    expect(el.sender.state).to.equal('failed');
    expect(text(el.shadowRoot!.querySelector('[part=status]'))).to.contain('Ihre Angaben bleiben erhalten');
    expect(control(el, 'municipality').value).to.equal('Dortmund');
    await send(el);
    expect(el.sender.state).to.equal('sent');
    expect(await records()).to.have.length(1);
  });

  it('stores and shows markup as text', async () => {
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>&amp;';
    const el = await make();
    const values: Record<string, string | string[] | boolean> = {...VALID};
    for (const key of ['municipality', 'contactName', 'department', 'partnerMunicipality', 'motivation']) values[key] = evil;
    await fill(el, values);
    await send(el);
    expect(el.sender.state).to.equal('sent');
    const [record] = await records();
    for (const key of ['municipality', 'contactName', 'department', 'partnerMunicipality', 'motivation'])
      expect(record.data[key]).to.equal(evil);
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script')).to.equal(null);
    expect([...root.querySelectorAll('dd')].filter((dd) => dd.textContent === evil)).to.have.length(5);
    expect((window as {pwned?: number}).pwned).to.equal(undefined);
  });

  it('prints and saves the summary of what was sent', async () => {
    const el = await make();
    await fill(el, VALID);
    await send(el);
    const print = sinon.stub(window, 'print');
    const blob = sinon.spy(URL, 'createObjectURL');
    try {
      const [printButton, saveButton] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button');
      printButton.click();
      expect(print.calledOnce).to.equal(true);
      saveButton.click();
      const file = await (blob.firstCall.args[0] as Blob).text();
      const id = (await records())[0].id;
      expect(file).to.contain(`Referenz: ${id.slice(0, 8).toUpperCase()}`);
      expect(file).to.contain('Name der Kommune: Dortmund\n');
      expect(file).to.contain('Telefon: +49 231 936960-14\n');
    } finally {
      print.restore();
      blob.restore();
    }
  });
});
