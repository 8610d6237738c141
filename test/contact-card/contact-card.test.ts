import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/contact-card/define.js';
import type {KpContactCard} from '../../src/contact-card/contact-card.js';
import {$, captureConsole, shadowText, type ConsoleCapture} from '../helpers.js';
import {readVcard} from './read-vcard.js';

const MARIA = {
  name: 'Dr. Maria Beispiel',
  'job-title': 'Projektkoordination',
  organisation: 'LAG 21 NRW',
  phone: '0231 936960-14',
  email: 'maria.beispiel@example.org',
};

async function make(attrs: Record<string, string>, {lang = 'de', width = ''} = {}): Promise<KpContactCard> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  if (width) wrap.style.width = width;
  const el = document.createElement('kp-contact-card');
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.innerHTML = '<p>Fallback</p>';
  wrap.append(el);
  await el.updateComplete;
  return el;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);

describe('<kp-contact-card>', () => {
  let log: ConsoleCapture | undefined;
  afterEach(() => {
    log?.restore();
    log = undefined;
    sinon.restore();
  });

  it('shows name, function, organisation, and phone and e-mail as links', async () => {
    const el = await make({...MARIA, photo: 'https://example.org/maria.jpg'});
    expect(shadowText(el, '[part=name]')).to.equal('Dr. Maria Beispiel');
    expect(shadowText(el, '[part=job-title]')).to.equal('Projektkoordination');
    expect(shadowText(el, '[part=organisation]')).to.equal('LAG 21 NRW');
    const phone = part(el, 'phone') as HTMLAnchorElement;
    expect(phone.getAttribute('href')).to.equal('tel:+4923193696014');
    expect(phone.textContent).to.equal('+49 231 936960-14');
    const email = part(el, 'email') as HTMLAnchorElement;
    expect(email.getAttribute('href')).to.equal('mailto:maria.beispiel@example.org');
    expect(email.textContent).to.equal('maria.beispiel@example.org', 'readable and copyable as one address');
    expect([...el.shadowRoot!.querySelectorAll('[part=caption]')].map((c) => c.textContent)).to.deep.equal(['Telefon', 'E-Mail']);
    const img = part(el, 'photo') as HTMLImageElement;
    expect(img.getAttribute('src')).to.equal('https://example.org/maria.jpg');
    expect(img.getAttribute('alt')).to.equal('');
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null, 'fallback not shown after upgrade');
    expect(el.shadowRoot!.querySelector('[style]')).to.equal(null, 'no inline styles (strict CSP)');
  });

  it('is accessible: full card, team card, card with errors', async () => {
    log = captureConsole();
    await expect(await make({...MARIA, photo: 'https://example.org/maria.jpg'})).to.be.accessible();
    await expect(await make({name: 'Team Klimapartnerschaften', email: 'team@example.org'})).to.be.accessible();
    await expect(await make({organisation: 'LAG 21 NRW', phone: 'kaputt', email: 'nope'})).to.be.accessible();
  });

  const languages: [string, string, string, string][] = [
    ['de', 'Telefon', 'E-Mail', 'Kontakt speichern (.vcf)'],
    ['en', 'Phone', 'Email', 'Save contact (.vcf)'],
    ['fr', 'Téléphone', 'E-mail', 'Enregistrer le contact (.vcf)'],
    ['es', 'Teléfono', 'Correo electrónico', 'Guardar contacto (.vcf)'],
    ['pt-BR', 'Telefone', 'E-mail', 'Salvar contato (.vcf)'],
    ['tr', 'Telefon', 'E-Mail', 'Kontakt speichern (.vcf)'],
  ];
  for (const [lang, phone, email, button] of languages) {
    it(`speaks ${lang}`, async () => {
      const el = await make(MARIA, {lang});
      expect([...el.shadowRoot!.querySelectorAll('[part=caption]')].map((c) => c.textContent)).to.deep.equal([phone, email]);
      expect(shadowText(el, 'button')).to.equal(`${button}: Dr. Maria Beispiel`);
      expect(shadowText(el, '[part=phone]')).to.equal('+49 231 936960-14', 'DIN 5008 in every language');
    });
  }

  it('follows a change of lang live', async () => {
    const el = await make(MARIA);
    el.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(shadowText(el, '[part=caption]')).to.equal('Phone');
  });

  it('offers the contact as a UTF-8 vCard named after the person', async () => {
    const el = await make({...MARIA, name: 'Jonas Müller', photo: '/fotos/jonas.jpg'});
    let blob: Blob | undefined;
    sinon.stub(URL, 'createObjectURL').callsFake((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    let fileName = '';
    sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
      fileName = this.download;
    });
    $(el, 'button').click();
    expect(fileName).to.equal('jonas-muller.vcf');
    expect(blob!.type).to.equal('text/vcard;charset=utf-8');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
    expect(bytes.length).to.be.greaterThan(text.length, 'ü takes two octets');
    const v = readVcard(text);
    expect(v.VERSION).to.deep.equal(['3.0']);
    expect(v.FN).to.deep.equal(['Jonas Müller']);
    expect(v.N).to.deep.equal(['Müller', 'Jonas', '', '', '']);
    expect(v['TEL;TYPE=WORK,VOICE']).to.deep.equal(['+4923193696014']);
    expect(v['EMAIL;TYPE=INTERNET,WORK']).to.deep.equal(['maria.beispiel@example.org']);
    expect(v['PHOTO;VALUE=URI']).to.deep.equal([new URL('/fotos/jonas.jpg', location.href).href]);
  });

  it('reports a bad phone and e-mail with tag, attribute and value, and shows the rest', async () => {
    log = captureConsole();
    const el = await make({...MARIA, phone: '0231 936960-14 (mittags)', email: 'maria at example.org'});
    expect(log.errors).to.have.length(2);
    expect(log.errors[0]).to.contain('<kp-contact-card>').and.contain('"phone"').and.contain('"0231 936960-14 (mittags)"');
    expect(log.errors[1]).to.contain('<kp-contact-card>').and.contain('"email"').and.contain('"maria at example.org"');
    expect(part(el, 'phone')).to.equal(null);
    expect(part(el, 'email')).to.equal(null);
    expect(shadowText(el, '[part=name]')).to.equal('Dr. Maria Beispiel');
    expect(shadowText(el, '[part=organisation]')).to.equal('LAG 21 NRW');
    el.requestUpdate();
    await el.updateComplete;
    expect(log.errors, 'reported once').to.have.length(2);
  });

  for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'file:///etc/passwd', 'http://[bad']) {
    it(`refuses the photo ${JSON.stringify(url)}`, async () => {
      log = captureConsole();
      const el = await make({...MARIA, photo: url});
      expect(part(el, 'photo')).to.equal(null);
      expect(log.errors).to.have.length(1);
      expect(log.errors[0]).to.contain('<kp-contact-card>').and.contain('"photo"');
      expect(shadowText(el, '[part=name]')).to.equal('Dr. Maria Beispiel');
    });
  }

  it('hides a photo that does not load', async () => {
    const el = await make({...MARIA, photo: 'https://example.org/missing.jpg'});
    part(el, 'photo')!.dispatchEvent(new Event('error'));
    await el.updateComplete;
    expect(part(el, 'photo')).to.equal(null);
  });

  it('without a name: reports it and heads the card with the organisation', async () => {
    log = captureConsole();
    const el = await make({organisation: 'LAG 21 NRW', email: 'info@example.org'});
    expect(log.errors).to.have.length(1);
    expect(log.errors[0]).to.contain('<kp-contact-card>').and.contain('"name"').and.contain('missing');
    expect(shadowText(el, '[part=name]')).to.equal('LAG 21 NRW');
    expect(part(el, 'organisation')).to.equal(null, 'not twice');
  });

  it('with nothing usable: shows the fallback content', async () => {
    log = captureConsole();
    const el = await make({name: '   ', email: 'kaputt', photo: 'javascript:x'});
    expect(el.shadowRoot!.querySelector('slot')).not.to.equal(null);
    expect(el.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(log.errors).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('shows markup in any attribute as text', async () => {
    log = captureConsole();
    const evil = '<img src=x onerror="window.pwned=1"><b>fett</b>';
    const el = await make({name: evil, 'job-title': evil, organisation: evil, phone: evil, email: evil + '@x.de'});
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(shadowText(el, '[part=name]')).to.equal(evil);
    expect(shadowText(el, '[part=job-title]')).to.equal(evil);
    expect(shadowText(el, '[part=organisation]')).to.equal(evil);
    expect((window as {pwned?: number}).pwned).to.equal(undefined);
  });

  it('survives 10 000-character values and an RTL override', async () => {
    log = captureConsole();
    const long = 'A'.repeat(10_000);
    const rlo = '\u202eMaria Beispiel';
    const el = await make({name: long, 'job-title': rlo, organisation: long, phone: '1'.repeat(10_000), email: long + '@example.org'});
    expect(shadowText(el, '[part=name]')).to.equal(long);
    expect(shadowText(el, '[part=job-title]')).to.equal(rlo);
    expect(log.errors.join('\n')).to.contain('"phone"');
    expect(log.errors.every((e) => e.length < 400), 'values shortened in the message').to.equal(true);
    const card = part(el, 'base')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1, 'long words wrap inside the card');
  });

  it('fits a 240 px sidebar: the phone number on one line, a long e-mail wrapped inside', async () => {
    const email = 'klimapartnerschaftennordrheinwestfalenundengagementglobal@example.org';
    const el = await make({...MARIA, email, photo: '/x.jpg'}, {width: '240px'});
    const card = part(el, 'base')!;
    expect(card.getBoundingClientRect().width).to.be.at.most(240);
    expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
    expect(part(el, 'phone')!.getClientRects()).to.have.length(1, 'one line box');
    const link = part(el, 'email')!;
    expect(link.getClientRects().length).to.be.greaterThan(1, 'wrapped');
    for (const box of link.getClientRects()) expect(box.right).to.be.at.most(card.getBoundingClientRect().right);
  });

  it('never breaks the phone number, even where it is wider than the card', async () => {
    const el = await make({name: 'A', phone: '+49 228 20 717-2138'}, {width: '110px'});
    expect(part(el, 'phone')!.getClientRects()).to.have.length(1);
  });

  it('sits side by side and stretches to the row', async () => {
    const grid = await fixture<HTMLDivElement>(html`<div class="grid"></div>`);
    grid.style.cssText = 'display:grid;grid-template-columns:repeat(3,1fr);width:900px;gap:16px';
    for (const name of ['Dr. Maria Beispiel', 'Team Klimapartnerschaften', 'Jonas Müller']) {
      const el = document.createElement('kp-contact-card');
      el.setAttribute('name', name);
      if (name[0] === 'D') el.setAttribute('job-title', 'Projektkoordination '.repeat(5));
      grid.append(el);
    }
    await Promise.all([...grid.children].map((c) => (c as KpContactCard).updateComplete));
    const heights = [...grid.children].map((c) => part(c, 'base')!.getBoundingClientRect().height);
    expect(heights[0]).to.be.greaterThan(100);
    expect(heights).to.deep.equal([heights[0], heights[0], heights[0]]);
  });
});
