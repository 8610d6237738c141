import {expect, fixture, html} from '@open-wc/testing';
import '../../src/newsletter-signup/define.js';
import type {KpNewsletterSignup} from '../../src/newsletter-signup/newsletter-signup.js';
import {faults, requestCount, reset, submissions, SUBMIT} from '../shared/submission/receiver.js';
import {$, captureConsole, shadowText, until} from '../helpers.js';

const TAG = 'kp-newsletter-signup';

async function make(attrs = `action="${SUBMIT()}" privacy-url="/datenschutz"`, children = '', lang = 'de') {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang} .innerHTML=${`<${TAG} ${attrs}>${children}</${TAG}>`}></div>`);
  const el = wrap.querySelector(TAG)!;
  el.sender.backoff = 20;
  el.sender.timeout = 2000;
  await el.updateComplete;
  return el;
}

function type(el: KpNewsletterSignup, name: string, value: string) {
  const input = $(el, `[name="${name}"]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

async function fill(el: KpNewsletterSignup, email = 'ana@example.org') {
  type(el, el.emailField, email);
  ($(el, '#f-consent') as HTMLInputElement).click();
  await el.updateComplete;
}

const button = (el: KpNewsletterSignup) => $(el, 'button');
const settled = (el: KpNewsletterSignup) => until(() => !el.sender.busy, 8000, 'the send to end').then(() => el.updateComplete);

describe('<kp-newsletter-signup>', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await reset();
  });

  it('labels its fields, marks the name optional, and leaves consent unticked', async () => {
    const el = await make(`action="${SUBMIT()}" privacy-url="/datenschutz" with-name`);
    expect(shadowText(el, 'label[for=f-email]')).to.equal('E-Mail-Adresse');
    expect(shadowText(el, 'label[for=f-name]')).to.equal('Name (optional)');
    expect($(el, '#f-email').getAttribute('autocomplete')).to.equal('email');
    expect($(el, '#f-name').getAttribute('autocomplete')).to.equal('name');
    expect($(el, '#f-email').getAttribute('aria-required')).to.equal('true');
    expect($(el, '#f-name').hasAttribute('aria-required')).to.equal(false);
    const consent = $(el, '#f-consent') as HTMLInputElement;
    expect(consent.checked).to.equal(false);
    const text = shadowText(el, 'label[for=f-consent]');
    expect(text).to.contain('Newsletter').and.contain('E-Mail').and.contain('jederzeit widerrufen');
    expect($(el, '#h-consent a').getAttribute('href')).to.equal('/datenschutz');
    expect(consent.getAttribute('aria-describedby')).to.equal('h-consent');
    expect($(el, 'form').hasAttribute('novalidate')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('sends nothing for invalid input; summary first and focused, messages at the fields', async () => {
    const el = await make();
    type(el, 'email', 'not-an-address');
    button(el).click();
    await el.updateComplete;
    expect(await requestCount()).to.equal(0);
    const summary = $(el, '[part=error-summary]');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(shadowText(el, '[part=error-summary] h2')).to.equal('Es gibt ein Problem');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'E-Mail-Adresse: Bitte geben Sie eine E-Mail-Adresse wie name@example.org ein.',
      'Bitte stimmen Sie zu, um fortzufahren.',
    ]);
    const email = $(el, '#f-email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('e-email');
    expect(shadowText(el, '#e-email')).to.equal('Fehler: Bitte geben Sie eine E-Mail-Adresse wie name@example.org ein.');
    expect(shadowText(el, '#e-email .visually-hidden')).to.equal('Fehler:');
    expect(($(el, '#f-email') as HTMLInputElement).value, 'keeps what was typed').to.equal('not-an-address');
    expect($(el, '#f-consent').getAttribute('aria-describedby')).to.equal('h-consent e-consent');
    links[1].click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#f-consent'));
    await expect(el).to.be.accessible();
  });

  it('sends once, then explains double opt-in and forgets the draft', async () => {
    const el = await make(`action="${SUBMIT()}" privacy-url="/datenschutz" with-name`, '<input type="hidden" name="listId" value="42">');
    let success: unknown;
    el.addEventListener('kp-success', (e) => (success = e.detail.response));
    await fill(el);
    type(el, 'name', 'Ana');
    await new Promise((r) => setTimeout(r, 400));
    expect(Object.keys(sessionStorage).some((k) => k.startsWith(`kp-draft:${TAG}:`))).to.equal(true);
    button(el).click();
    await settled(el);
    const [stored] = await submissions();
    expect(stored.data).to.deep.equal({email: 'ana@example.org', name: 'Ana', consent: true, listId: '42'});
    expect(stored.locale).to.equal('de');
    expect(success).to.deep.include({ok: true});
    const status = $(el, '[role=status]');
    expect(status.textContent).to.contain('E-Mail').and.contain('Link');
    expect(el.shadowRoot!.activeElement).to.equal(status);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('kp-draft:'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows progress while sending: status, aria-disabled (not disabled), one request for a double click', async () => {
    await faults([{hangMs: 400}]);
    const el = await make();
    await fill(el);
    button(el).focus();
    button(el).click();
    button(el).click();
    await el.updateComplete;
    expect(button(el).getAttribute('aria-disabled')).to.equal('true');
    expect(button(el).hasAttribute('disabled')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
    expect(shadowText(el, '[role=status]')).to.equal('Wird gesendet …');
    await expect(el).to.be.accessible();
    button(el).click();
    await settled(el);
    expect(await requestCount()).to.equal(1);
    expect(await submissions()).to.have.length(1);
  });

  it('after retries fail: says so, keeps the data, offers to send again (same submission)', async () => {
    await faults([{status: 500}, {status: 500}]);
    const el = await make();
    el.sender.tries = 2;
    let error: unknown;
    el.addEventListener('kp-error', (e) => (error = e.detail.error));
    await fill(el);
    button(el).click();
    await settled(el);
    expect(el.sender.state).to.equal('failed');
    expect(error).to.deep.include({status: 500});
    expect(shadowText(el, '[role=status]')).to.contain('fehlgeschlagen');
    expect(shadowText(el, 'button')).to.equal('Erneut senden');
    expect(($(el, '#f-email') as HTMLInputElement).value).to.equal('ana@example.org');
    await expect(el).to.be.accessible();
    const id = el.sender.id;
    button(el).click();
    await settled(el);
    expect(el.sender.state).to.equal('sent');
    expect((await submissions()).map((s) => s.id)).to.deep.equal([id]);
  });

  it("shows the receiver's 422 errors at the fields (codes translated, other text as written)", async () => {
    await faults([{errors: {email: 'email', name: 'Dieser Name ist gesperrt.'}}]);
    const el = await make(`action="${SUBMIT()}" privacy-url="/datenschutz" with-name`);
    await fill(el);
    button(el).click();
    await settled(el);
    expect(shadowText(el, '#e-email')).to.equal('Fehler: Bitte geben Sie eine E-Mail-Adresse wie name@example.org ein.');
    expect(shadowText(el, '#e-name')).to.equal('Fehler: Dieser Name ist gesperrt.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=error-summary]'));
  });

  it('restores what was typed after a reload, and keeps a pending submission id', async () => {
    await faults([{afterStore: true, status: 500}]);
    let el = await make();
    await fill(el, 'reload@example.org');
    el.sender.tries = 1; // the first try is stored, but answered 500; then "the page reloads"
    button(el).click();
    await settled(el);
    const id = el.sender.id;
    expect(id).to.be.a('string');
    const parent = el.parentElement!;
    el.remove();
    parent.innerHTML = `<${TAG} action="${SUBMIT()}" privacy-url="/datenschutz"></${TAG}>`;
    el = parent.querySelector(TAG)!;
    el.sender.backoff = 20;
    await el.updateComplete;
    expect(($(el, '#f-email') as HTMLInputElement).value).to.equal('reload@example.org');
    expect(($(el, '#f-consent') as HTMLInputElement).checked).to.equal(true);
    expect(el.sender.id).to.equal(id);
    button(el).click();
    await settled(el);
    expect(el.sender.state).to.equal('sent');
    expect((await submissions()).map((s) => s.id)).to.deep.equal([id]);
  });

  it('draft="off" keeps nothing', async () => {
    const el = await make(`action="${SUBMIT()}" privacy-url="/datenschutz" draft="off"`);
    await fill(el);
    await new Promise((r) => setTimeout(r, 400));
    el.remove();
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('kp-draft:'))).to.deep.equal([]);
  });

  it('honeypot filled: nothing sent, success shown', async () => {
    const el = await make();
    await fill(el);
    const trap = $(el, '[name=_gotcha]') as HTMLInputElement;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(trap.closest('[aria-hidden=true]')).to.not.equal(null);
    trap.value = 'http://spam.example';
    button(el).click();
    await el.updateComplete;
    expect(el.sender.state).to.equal('sent');
    expect(shadowText(el, '[role=status]')).to.contain('E-Mail');
    expect(await requestCount()).to.equal(0);
  });

  for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'http://evil.example/submit', 'garbage']) {
    it(`refuses action=${bad}: nothing sent, console error, fallback shown`, async () => {
      const log = captureConsole();
      try {
        const el = await make(`action="${bad}" privacy-url="/datenschutz"`, '<p>Schreiben Sie an newsletter@example.org.</p>');
        expect(el.shadowRoot!.querySelector('form')).to.equal(null);
        expect(shadowText(el)).to.contain('kann gerade nicht gesendet werden');
        const slot = $(el, 'slot') as HTMLSlotElement;
        expect(slot.assignedNodes().map((n) => n.textContent).join('')).to.contain('newsletter@example.org');
        expect(log.errors.join('\n')).to.contain('<kp-newsletter-signup>').and.contain('"action"').and.contain(bad);
        await expect(el).to.be.accessible();
      } finally {
        log.restore();
      }
      expect(await requestCount()).to.equal(0);
    });
  }

  it('without action and without a host: refuses on submit, nothing sent', async () => {
    const log = captureConsole();
    try {
      const el = await make(`privacy-url="/datenschutz"`);
      await fill(el);
      button(el).click();
      await settled(el);
      expect(shadowText(el)).to.contain('kann gerade nicht gesendet werden');
      expect(log.errors.join('\n')).to.contain('"action" missing');
    } finally {
      log.restore();
    }
    expect(await requestCount()).to.equal(0);
  });

  it('a host handles kp-submit with respondWith (no action), with email-field renamed', async () => {
    const el = await make(`privacy-url="/datenschutz" email-field="EMAIL"`);
    let data: Record<string, unknown> | undefined;
    el.addEventListener('kp-submit', (e) => {
      e.preventDefault();
      data = e.detail.data;
      e.detail.respondWith(new Promise((r) => setTimeout(() => r({ok: true}), 50)));
    });
    button(el).click();
    await el.updateComplete;
    expect(shadowText(el, '#e-EMAIL')).to.contain('Bitte füllen Sie dieses Feld aus.');
    await fill(el);
    button(el).click();
    await settled(el);
    expect(data).to.include({EMAIL: 'ana@example.org', consent: true, _form: 'newsletter', _locale: 'de'});
    expect(data).to.not.have.property('email');
    expect(el.sender.state).to.equal('sent');
    expect(await requestCount()).to.equal(0);
  });

  it('mode="no-cors": sent as a form post, answer unreadable, asks to check the inbox', async () => {
    const el = await make(`action="${SUBMIT()}" privacy-url="/datenschutz" mode="no-cors"`);
    await fill(el);
    button(el).click();
    await settled(el);
    expect(shadowText(el, '[role=status]')).to.contain('Postfach');
    expect((await submissions())[0].data).to.deep.include({email: 'ana@example.org', consent: 'true'});
  });

  it('mode="form": sent urlencoded', async () => {
    const el = await make(`action="${SUBMIT()}" privacy-url="/datenschutz" mode="form"`);
    await fill(el);
    button(el).click();
    await settled(el);
    expect(el.sender.state).to.equal('sent');
    expect((await submissions())[0].data).to.deep.include({email: 'ana@example.org', consent: 'true'});
  });

  it('without privacy-url: console error, consent text without a link', async () => {
    const log = captureConsole();
    try {
      const el = await make(`action="${SUBMIT()}"`);
      expect(el.shadowRoot!.querySelector('#h-consent')).to.equal(null);
      expect(shadowText(el, 'label[for=f-consent]')).to.contain('Newsletter');
      expect(log.errors.join('\n')).to.contain('"privacy-url" missing');
      const bad = await make(`action="${SUBMIT()}" privacy-url="javascript:alert(1)"`);
      expect(bad.shadowRoot!.querySelector('a')).to.equal(null);
    } finally {
      log.restore();
    }
  });

  const LANGS: Record<string, [string, string, string]> = {
    de: ['E-Mail-Adresse', 'Bitte füllen Sie dieses Feld aus.', 'Es gibt ein Problem'],
    en: ['Email address', 'Please fill in this field.', 'There is a problem'],
    fr: ['Adresse e-mail', 'Veuillez remplir ce champ.', 'Il y a un problème'],
    es: ['Correo electrónico', 'Por favor, complete este campo.', 'Hay un problema'],
    pt: ['E-mail', 'Por favor, preencha este campo.', 'Há um problema'],
  };
  for (const [lang, [label, required, problem]] of Object.entries(LANGS)) {
    it(`speaks ${lang}`, async () => {
      const el = await make(undefined, '', lang);
      expect(shadowText(el, 'label[for=f-email]')).to.equal(label);
      button(el).click();
      await el.updateComplete;
      expect(shadowText(el, '#e-email')).to.contain(required);
      expect(shadowText(el, '[part=error-summary] h2')).to.equal(problem);
      await fill(el);
      button(el).click();
      await settled(el);
      expect((await submissions())[0].locale).to.equal(lang);
    });
  }
});
